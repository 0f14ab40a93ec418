import { Rectangle, Resource, SplitDirection, WebMapServiceImageryProvider, WebMercatorTilingScheme } from './cesium.js';
import { authHeader } from '../services/auth.js';

const MINIMUM_LEVEL = 10;

/**
 * The city basemap and thematic overlays as one imagery layer from our WMS (GetMap 1.3.0, EPSG:3857, PNG with
 * transparency): one image per tile whatever the number of layers. Changing the layer list or the scenario
 * replaces the imagery layer.
 *
 * A WMS that fails (down, 404, broken images) leaves the globe rendering with the base layer underneath; each
 * failed tile is passed to onTileError, and Cesium does not retry it.
 */
export class WmsOverlay {
  /**
   * @param {import('./cesium.js').ImageryLayerCollection} imageryLayers the globe's layers (index 0 = base)
   * @param {{url: string, extentDeg: number[], onTileError: (error: {message: string}) => void}} options
   *   url: the WMS endpoint without query; extentDeg: [west, south, east, north] where images are requested
   */
  constructor(imageryLayers, { url, extentDeg, onTileError }) {
    this._layers = imageryLayers;
    this._url = url;
    this._rectangle = Rectangle.fromDegrees(...extentDeg);
    this._onTileError = onTileError;
    this._layer = null;
    this._split = SplitDirection.NONE;
    this._alpha = 1;
  }

  /** Opacity of the images, 0–1 (kept for later show() calls). */
  setOpacity(alpha) {
    this._alpha = alpha;
    if (this._layer) {
      this._layer.alpha = alpha;
    }
  }

  /** Which side of the split screen shows these images: 'left', 'right' or 'none' (the whole globe). */
  setSplit(side) {
    this._split = splitDirection(side);
    if (this._layer) {
      this._layer.splitDirection = this._split;
    }
  }

  /** The Cesium imagery layer shown, or null. */
  get layer() {
    return this._layer;
  }

  /**
   * Shows the given WMS layers (drawn in order, first lowest) for a scenario, or nothing for an empty list.
   * @param {{layers: string[], scenario: string|null}} request
   */
  show({ layers, scenario }) {
    if (this._layer) {
      this._layers.remove(this._layer, true);
      this._layer = null;
    }
    if (layers.length === 0) {
      return;
    }
    const parameters = { version: '1.3.0', format: 'image/png', transparent: true, styles: '' };
    if (scenario) {
      parameters.scenario = scenario;
    }
    const provider = new WebMapServiceImageryProvider({
      // The credential goes along: a private scenario answers like an unknown one to anonymous requests.
      url: new Resource({ url: this._url, headers: authHeader() }),
      layers: layers.join(','),
      parameters,
      crs: 'EPSG:3857',
      tilingScheme: new WebMercatorTilingScheme(),
      rectangle: this._rectangle,
      // No world-sized images of a city: from level 10 (~40 km tiles at the equator) the extent is a few tiles.
      minimumLevel: MINIMUM_LEVEL,
      enablePickFeatures: false,
    });
    // With a listener, Cesium neither logs nor retries: the failure is reported once, in our status bar.
    provider.errorEvent.addEventListener((error) => this._onTileError(error));
    this._layer = this._layers.addImageryProvider(provider, Math.min(1, this._layers.length));
    this._layer.splitDirection = this._split;
    this._layer.alpha = this._alpha;
  }

  /** Removes the images for good. */
  destroy() {
    this.show({ layers: [], scenario: null });
  }
}

/** 'left' | 'right' | 'none' → Cesium's SplitDirection. */
export function splitDirection(side) {
  return side === 'left' ? SplitDirection.LEFT : side === 'right' ? SplitDirection.RIGHT : SplitDirection.NONE;
}

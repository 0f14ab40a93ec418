import { Cesium3DTileset, Cesium3DTileStyle, Resource, ShadowMode } from './cesium.js';
import { authHeader } from '../services/auth.js';
import { splitDirection } from './WmsOverlay.js';

/**
 * One 3D Tiles layer (the buildings): loads a tileset.json, styles it, and reloads it for another scenario.
 * Loads can overlap (a quick scenario switch); only the latest one is kept.
 */
export class TilesetLayer {
  /**
   * @param {import('./cesium.js').Scene} scene
   * @param {{layerId: string, onStatus: (status: string, detail?: string) => void,
   *          onTileFailed: (url: string, message: string) => void}} options
   */
  constructor(scene, { layerId, onStatus, onTileFailed }) {
    this.layerId = layerId;
    this._scene = scene;
    this._onStatus = onStatus;
    this._onTileFailed = onTileFailed;
    this._tileset = null;
    this._style = null;
    this._visible = true;
    this._generation = 0;
    this._split = splitDirection('none');
    this.url = null;
  }

  /** Which side of the split screen shows this tileset: 'left', 'right' or 'none'. */
  setSplit(side) {
    this._split = splitDirection(side);
    if (this._tileset) {
      this._tileset.splitDirection = this._split;
      this._scene.requestRender();
    }
  }

  /** The loaded tileset, or null. */
  get tileset() {
    return this._tileset;
  }

  /** True once the tileset has loaded every tile the current view needs. */
  get tilesLoaded() {
    return Boolean(this._tileset && this._tileset.tilesLoaded);
  }

  /**
   * Sets the style (3D Tiles Styling JSON) for this and later loads.
   * @throws {Error} when the style's expressions do not parse (Cesium's DeveloperError/RuntimeError)
   */
  setStyle(styleJson) {
    const style = new Cesium3DTileStyle(styleJson);
    this._style = style;
    if (this._tileset) {
      this._tileset.style = style;
      this._scene.requestRender();
    }
  }

  /**
   * Loads a tileset, replacing the current one. Reports 'loading', then 'ready' or 'error' through onStatus;
   * never rejects.
   * @param {string} url the tileset.json URL (with the scenario parameter when one is selected)
   */
  async load(url) {
    const generation = ++this._generation;
    this.url = url;
    // The old tileset stays on screen until the new one is ready (no blink after each edit).
    this._onStatus('loading');
    let tileset;
    try {
      // The credential goes along: a private scenario answers like an unknown one to anonymous requests.
      tileset = await Cesium3DTileset.fromUrl(new Resource({ url, headers: authHeader() }),
        { shadows: ShadowMode.ENABLED, maximumScreenSpaceError: 8 });
    } catch (e) {
      if (generation === this._generation) {
        this._onStatus('error', e?.message ?? String(e));
      }
      return;
    }
    if (generation !== this._generation) {
      tileset.destroy();
      return;
    }
    // With a listener Cesium does not log the failure; we count and show it.
    tileset.tileFailed.addEventListener((e) => this._onTileFailed(e.url, e.message));
    tileset.show = this._visible;
    tileset.splitDirection = this._split;
    this._remove();
    if (this._style) {
      tileset.style = this._style;
    }
    this._tileset = this._scene.primitives.add(tileset);
    this._scene.requestRender();
    this._onStatus('ready');
  }

  get visible() {
    return this._visible;
  }

  setVisible(visible) {
    this._visible = visible;
    if (this._tileset) {
      this._tileset.show = visible;
      this._scene.requestRender();
    }
  }

  /** Removes the tileset for good. */
  destroy() {
    this._generation += 1;
    this._remove();
  }

  _remove() {
    if (this._tileset) {
      this._scene.primitives.remove(this._tileset); // destroys it
      this._tileset = null;
    }
  }
}

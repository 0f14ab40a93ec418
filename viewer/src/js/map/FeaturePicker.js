import {
  Cartesian2, Cesium3DTileFeature, Color, ScreenSpaceEventHandler, ScreenSpaceEventType,
} from './cesium.js';
import { plainValue } from '../core/buildingInfo.js';

const HIGHLIGHT = Color.fromCssColorString('#ffd400');

/**
 * Click (or tap) to pick a 3D Tiles feature: reads all its properties, highlights it, and reports
 * `{layerId, id, properties}` to onPick, or null when nothing was hit.
 */
export class FeaturePicker {
  /**
   * @param {import('./cesium.js').Scene} scene
   * @param {{layerIdOf: (tileset: object) => string|null, onPick: (picked: object|null) => void}} options
   */
  constructor(scene, { layerIdOf, onPick }) {
    this._scene = scene;
    this._layerIdOf = layerIdOf;
    this._onPick = onPick;
    this._highlighted = null;
    /** False while another tool (footprint drawing) owns the clicks. */
    this.enabled = true;
    this._handler = new ScreenSpaceEventHandler(scene.canvas);
    this._handler.setInputAction((event) => this.enabled && this.pickAt(event.position.x, event.position.y),
      ScreenSpaceEventType.LEFT_CLICK);
  }

  /**
   * Picks at a canvas position (CSS pixels from the canvas's top-left corner).
   * @returns {{layerId: string|null, id: unknown, properties: Record<string, unknown>}|null}
   */
  pickAt(x, y) {
    const hit = this._scene.pick(new Cartesian2(x, y));
    this._unhighlight();
    let picked = null;
    if (hit instanceof Cesium3DTileFeature) {
      const properties = {};
      for (const name of hit.getPropertyIds()) {
        properties[name] = plainValue(hit.getProperty(name));
      }
      picked = { layerId: this._layerIdOf(hit.tileset), id: properties.id ?? null, properties };
      this._highlighted = { feature: hit, color: Color.clone(hit.color) };
      hit.color = HIGHLIGHT;
    }
    this._scene.requestRender();
    this._onPick(picked);
    return picked;
  }

  /** Removes the highlight (for instance when the info panel closes). */
  clear() {
    this._unhighlight();
    this._scene.requestRender();
  }

  _unhighlight() {
    const previous = this._highlighted;
    this._highlighted = null;
    // The feature dies with its tile (unloaded, or the tileset replaced by a scenario switch).
    if (previous && !previous.feature.tileset.isDestroyed() && previous.feature.content
        && !previous.feature.content.isDestroyed?.()) {
      previous.feature.color = previous.color;
    }
  }
}

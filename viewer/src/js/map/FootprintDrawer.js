import {
  Cartesian3, Cartographic, Color, Material, Math as CesiumMath, PointPrimitiveCollection, PolylineCollection,
  ScreenSpaceEventHandler, ScreenSpaceEventType,
} from './cesium.js';
import { distinctPoints } from '../core/footprint.js';

const LINE = Color.fromCssColorString('#ffd400');
/** A little above the ground so the outline is not hidden by the globe's own surface. */
const LIFT_M = 1;

/**
 * Draws a footprint by clicking on the globe: each click adds a corner; a double-click or Enter closes it;
 * Escape cancels; Backspace removes the last corner. While drawing, clicks do not pick buildings (the caller
 * disables its picker through onActive).
 */
export class FootprintDrawer {
  /**
   * @param {import('./cesium.js').Scene} scene
   * @param {{onActive: (active: boolean, single: boolean) => void}} options single: picking one point (a move)
   */
  constructor(scene, { onActive }) {
    this._scene = scene;
    this._onActive = onActive;
    this._points = [];
    this._resolve = null;
    this._single = false;
    this._lines = scene.primitives.add(new PolylineCollection());
    this._dots = scene.primitives.add(new PointPrimitiveCollection());
    this._handler = new ScreenSpaceEventHandler(scene.canvas);
    this._keys = (event) => this._key(event);
  }

  get active() {
    return this._resolve !== null;
  }

  /** The corners so far, [lon, lat] degrees. */
  get points() {
    return this._points.map((p) => [...p]);
  }

  /**
   * Starts drawing.
   * @returns {Promise<Array<[number, number]>|null>} the corners ([lon, lat] degrees) when closed, null when
   *   cancelled
   */
  start() {
    this.cancel();
    this._points = [];
    this._redraw();
    this._handler.setInputAction((e) => this.addAt(e.position.x, e.position.y), ScreenSpaceEventType.LEFT_CLICK);
    this._handler.setInputAction(() => this.finish(), ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
    document.addEventListener('keydown', this._keys);
    this._onActive(true, this._single);
    return new Promise((resolve) => { this._resolve = resolve; });
  }

  /**
   * Waits for one click on the globe (Escape cancels).
   * @returns {Promise<[number, number]|null>} [lon, lat] degrees, or null when cancelled
   */
  async pickPoint() {
    this._single = true;
    const points = await this.start();
    this._single = false;
    return points ? points[0] : null;
  }

  /** Adds the globe point under a canvas position (CSS pixels); false when the position is off the globe. */
  addAt(x, y) {
    if (!this.active) {
      return false;
    }
    const ray = this._scene.camera.getPickRay({ x, y });
    const position = (ray && this._scene.globe.pick(ray, this._scene))
      ?? this._scene.camera.pickEllipsoid({ x, y });
    if (!position) {
      return false;
    }
    const c = Cartographic.fromCartesian(position);
    this._points.push([CesiumMath.toDegrees(c.longitude), CesiumMath.toDegrees(c.latitude)]);
    if (this._single) {
      this._end([this._points[0]]);
      return true;
    }
    this._redraw();
    return true;
  }

  /** Closes the footprint (needs three distinct corners; otherwise keeps drawing). */
  finish() {
    if (!this.active || distinctPoints(this._points).length < 3) {
      return;
    }
    this._end(distinctPoints(this._points));
  }

  cancel() {
    if (this.active) {
      this._end(null);
    }
  }

  _end(result) {
    const resolve = this._resolve;
    this._resolve = null;
    this._handler.removeInputAction(ScreenSpaceEventType.LEFT_CLICK);
    this._handler.removeInputAction(ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
    document.removeEventListener('keydown', this._keys);
    this._points = [];
    this._redraw();
    // The picker comes back after this click's own events have passed.
    setTimeout(() => this._onActive(false, false), 0);
    resolve(result);
  }

  _key(event) {
    // Keys typed into a field, and Enter/Backspace on a focused button, belong to that element.
    if (event.target?.closest?.('input, select, textarea')
        || (event.key !== 'Escape' && event.target?.closest?.('button, a, summary'))) {
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      this.finish();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.cancel();
    } else if (event.key === 'Backspace') {
      event.preventDefault();
      this._points.pop();
      this._redraw();
    }
  }

  _redraw() {
    this._lines.removeAll();
    this._dots.removeAll();
    const positions = this._points.map(([lon, lat]) => Cartesian3.fromDegrees(lon, lat, LIFT_M));
    positions.forEach((position) => this._dots.add({ position, pixelSize: 8, color: LINE,
      outlineColor: Color.BLACK, outlineWidth: 1, disableDepthTestDistance: Number.POSITIVE_INFINITY }));
    if (positions.length >= 2) {
      this._lines.add({ positions: positions.length >= 3 ? [...positions, positions[0]] : positions, width: 3,
        material: Material.fromType('Color', { color: LINE }) });
    }
    this._scene.requestRender();
  }
}

import {
  Cartesian2, Cartesian3, Color, PointPrimitiveCollection, ScreenSpaceEventHandler, ScreenSpaceEventType,
} from './cesium.js';
import { statusColour } from '../core/liveStations.js';

/** Marker size in CSS pixels (smaller for stations that never reported); a flashing marker alternates with FLASH_SIZE. */
const SIZE = 16;
const NO_DATA_SIZE = 10;
const FLASH_SIZE = 24;
const FLASH_MS = 500;
const OUTLINE = Color.WHITE;
const ALERT_OUTLINE = Color.fromCssColorString('#ffd400');
/** A few metres up, so the marker sits above the ground it stands on. */
const HEIGHT_M = 5;

/**
 * The stations as coloured points on the globe (always drawn on top of buildings), flashing while they have an
 * alert nobody has acknowledged; a click on one calls onSelect with its station id.
 */
export class StationLayer {
  /**
   * @param {import('./cesium.js').Scene} scene
   * @param {{onSelect: (stationId: string) => void, enabled?: () => boolean}} options enabled: false while another
   *   tool (footprint drawing) owns the clicks
   */
  constructor(scene, { onSelect, enabled = () => true }) {
    this._scene = scene;
    this._points = scene.primitives.add(new PointPrimitiveCollection());
    /** @type {Map<string, import('./cesium.js').PointPrimitive>} */
    this._byStation = new Map();
    this._flashing = new Set();
    this._phase = false;
    this._timer = setInterval(() => this._flash(), FLASH_MS);
    this._handler = new ScreenSpaceEventHandler(scene.canvas);
    this._handler.setInputAction((event) => {
      if (!enabled() || this._byStation.size === 0) {
        return;
      }
      const id = this.stationAt(event.position.x, event.position.y);
      if (id !== null) {
        onSelect(id);
      }
    }, ScreenSpaceEventType.LEFT_CLICK);
  }

  /** Adds or recolours a station's marker. */
  set(stationId, lonDeg, latDeg, status) {
    let point = this._byStation.get(stationId);
    if (!point) {
      point = this._points.add({
        id: { station: stationId },
        position: Cartesian3.fromDegrees(lonDeg, latDeg, HEIGHT_M),
        pixelSize: SIZE,
        outlineColor: OUTLINE,
        outlineWidth: 2,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
      this._byStation.set(stationId, point);
    }
    point.id.status = status;
    point.color = Color.fromCssColorString(statusColour(status));
    if (!this._flashing.has(stationId)) {
      point.pixelSize = baseSize(point);
    }
    this._scene.requestRender();
  }

  /** The stations that flash (an open, unacknowledged alert); the others stand still. */
  setFlashing(stationIds) {
    this._flashing = new Set(stationIds);
    for (const [id, point] of this._byStation) {
      const flashing = this._flashing.has(id);
      point.outlineColor = flashing ? ALERT_OUTLINE : OUTLINE;
      point.outlineWidth = flashing ? 3 : 2;
      if (!flashing) {
        point.pixelSize = baseSize(point);
      }
    }
    this._scene.requestRender();
  }

  /** The station id of the marker at a canvas position (CSS pixels), or null. */
  stationAt(x, y) {
    const hit = this._scene.pick(new Cartesian2(x, y));
    return hit?.primitive && this._byStation.get(hit.id?.station) === hit.primitive ? hit.id.station : null;
  }

  /** The marker's colour as CSS hex (for tests), or null. */
  colourOf(stationId) {
    return this._byStation.get(stationId)?.color.toCssHexString() ?? null;
  }

  destroy() {
    clearInterval(this._timer);
    this._handler.destroy();
    this._scene.primitives.remove(this._points);
  }

  _flash() {
    if (this._flashing.size === 0) {
      return;
    }
    this._phase = !this._phase;
    for (const id of this._flashing) {
      const point = this._byStation.get(id);
      if (point) {
        point.pixelSize = this._phase ? FLASH_SIZE : baseSize(point);
      }
    }
    this._scene.requestRender();
  }
}

function baseSize(point) {
  return point.id.status === 'no_data' ? NO_DATA_SIZE : SIZE;
}

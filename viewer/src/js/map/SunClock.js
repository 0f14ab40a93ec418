import { JulianDate } from './cesium.js';
import { localTimeToUtc } from '../core/localTime.js';

/** The scene's time of day (sun position, lighting and shadows), set in local civil time. */
export class SunClock {
  /** @param {import('./cesium.js').CesiumWidget} widget */
  constructor(widget) {
    this._widget = widget;
    widget.clock.shouldAnimate = false;
  }

  /**
   * @param {string} dateIso local date YYYY-MM-DD
   * @param {number} hour local decimal hour, 0–24
   * @param {number} utcOffsetHours
   * @throws {RangeError} for a malformed date or hour (the UI only offers valid ones)
   */
  setLocalTime(dateIso, hour, utcOffsetHours) {
    this._widget.clock.currentTime = JulianDate.fromDate(localTimeToUtc(dateIso, hour, utcOffsetHours));
    this._widget.scene.requestRender();
  }

  /** Whether buildings cast shadows from the sun (CesiumWidget has no `shadows` property: it is the shadow map). */
  get shadows() {
    return this._widget.scene.shadowMap.enabled;
  }

  set shadows(on) {
    this._widget.scene.shadowMap.enabled = on;
    this._widget.scene.requestRender();
  }
}

import { Cartesian3, JulianDate } from './cesium.js';
import { cameraHome, lookAtPoint } from './cameraHome.js';
import { INITIAL_VIEW } from '../core/city.js';
import { plainValue } from '../core/buildingInfo.js';

/**
 * Small helpers for browser tests, exposed as `window.__citytwin.testing`. They return plain JSON so WebDriver
 * can carry the results.
 *
 * @param {import('./cesium.js').CesiumWidget} widget
 * @param {import('./FeaturePicker.js').FeaturePicker} picker
 * @param {(layerId: string) => boolean} tilesetLoaded whether a 3D Tiles layer has loaded the tiles the view needs
 */
export function testHooks(widget, picker, tilesetLoaded) {
  const scene = widget.scene;
  return Object.freeze({
    /** Canvas position (CSS pixels) of a point, or null when it is behind the camera. */
    screenPosition(lonDeg, latDeg, heightM) {
      const p = scene.cartesianToCanvasCoordinates(Cartesian3.fromDegrees(lonDeg, latDeg, heightM));
      return p ? { x: p.x, y: p.y } : null;
    },
    /** The `id` property of the 3D Tiles feature Cesium's scene.pick finds at a canvas position, or null. */
    scenePickId(x, y) {
      const hit = scene.pick({ x, y });
      return hit && typeof hit.getProperty === 'function' ? plainValue(hit.getProperty('id')) : null;
    },
    /** Picks like a click does (info panel, highlight, state.picked). */
    pick(x, y) {
      return picker.pickAt(x, y);
    },
    /** Moves the camera to look at a point from rangeM metres. */
    lookAt(lonDeg, latDeg, heightM, rangeM, headingDeg = 45, pitchDeg = -35) {
      lookAtPoint(scene.camera, lonDeg, latDeg, heightM, headingDeg, pitchDeg, rangeM);
      scene.requestRender();
    },
    /** True when the 3D Tiles layer has loaded every tile the current view needs. */
    tilesetLoaded(layerId) {
      return tilesetLoaded(layerId);
    },
    /** Back to the opening view. */
    home() {
      cameraHome(scene.camera, INITIAL_VIEW);
      scene.requestRender();
    },
    /** True when the globe has every tile (terrain and imagery) the current view needs. */
    globeTilesLoaded() {
      return scene.globe.tilesLoaded;
    },
    /** The scene clock as ISO 8601 UTC (it drives the sun). */
    clockIso() {
      return JulianDate.toIso8601(widget.clock.currentTime, 0);
    },
    shadowsEnabled() {
      return scene.shadowMap.enabled;
    },
    requestRender() {
      scene.requestRender();
    },
    canvasSize() {
      return { width: scene.canvas.clientWidth, height: scene.canvas.clientHeight };
    },
  });
}

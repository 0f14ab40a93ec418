import { Cartesian3, HeadingPitchRange, Math as CesiumMath, Matrix4 } from './cesium.js';

/**
 * Puts the camera at the opening view: looking at the target from view.headingDeg, pitched view.pitchDeg, at
 * view.heightM above the ellipsoid (so the distance to the target is heightM / sin(−pitch)).
 *
 * @param {import('./cesium.js').Camera} camera
 * @param {{targetLonDeg: number, targetLatDeg: number, headingDeg: number, pitchDeg: number, heightM: number}} view
 */
export function cameraHome(camera, view) {
  lookAtPoint(camera, view.targetLonDeg, view.targetLatDeg, 0, view.headingDeg, view.pitchDeg,
    view.heightM / Math.sin(-CesiumMath.toRadians(view.pitchDeg)));
}

/**
 * Looks at a point from the given heading and pitch at rangeM metres, then releases the camera so the user can
 * move freely.
 */
export function lookAtPoint(camera, lonDeg, latDeg, heightM, headingDeg, pitchDeg, rangeM) {
  const target = Cartesian3.fromDegrees(lonDeg, latDeg, heightM);
  camera.lookAt(target, new HeadingPitchRange(CesiumMath.toRadians(headingDeg), CesiumMath.toRadians(pitchDeg),
    rangeM));
  camera.lookAtTransform(Matrix4.IDENTITY);
}

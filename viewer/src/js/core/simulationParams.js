// Simulation forms → the planning API's parameters (docs/simulations.md), checked against the documented ranges
// before sending, so a slider can never ask for something the server refuses. No DOM, no Cesium.

export const SIMULATION_KINDS = Object.freeze(['flood', 'shadow', 'accessibility']);

/** Run states after which nothing changes any more. */
export const FINISHED = Object.freeze(['done', 'failed', 'cancelled']);

/**
 * @param {{seaLevelRise: string|number, surge: string|number}} form metres
 * @returns {{seaLevelRise: number, surge: number}}
 * @throws {RangeError} outside −1…5 m (sea level rise) or 0…10 m (surge), naming the parameter
 */
export function floodParams(form) {
  return { seaLevelRise: inRange(form.seaLevelRise, -1, 5, 'seaLevelRise'), surge: inRange(form.surge, 0, 10, 'surge') };
}

/**
 * @param {{date: string, from: string, to: string, area: object}} form local date YYYY-MM-DD, HH:mm times, and the
 *   study area as a GeoJSON Polygon (the current view, clipped by the caller)
 */
export function shadowParams(form) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date ?? '')) {
    throw new RangeError('date');
  }
  const out = { date: form.date, area: form.area };
  for (const name of ['from', 'to']) {
    if (form[name]) {
      if (!/^\d{2}:\d{2}$/.test(form[name])) {
        throw new RangeError(name);
      }
      out[name] = form[name];
    }
  }
  if (out.from && out.to && out.from >= out.to) {
    throw new RangeError('to');
  }
  if (form.gridSpacing !== undefined && form.gridSpacing !== '') {
    out.gridSpacing = inRange(form.gridSpacing, 1, 200, 'gridSpacing');
  }
  return out;
}

/**
 * @param {{facility: string, distanceM: string|number}} form facility: 'schools' | 'hospitals'; walking distance m
 * @returns {{facilities: string[], mode: 'walk', minutes: number[]}} the walking time of that distance at 5 km/h
 */
export function accessibilityParams(form) {
  if (!['schools', 'hospitals'].includes(form.facility)) {
    throw new RangeError('facilities');
  }
  const metres = inRange(form.distanceM, 100, 5000, 'distanceM');
  const minutes = Math.min(60, Math.max(1, Math.round(metres / (5000 / 60))));
  return { facilities: [form.facility], mode: 'walk', minutes: [minutes] };
}

/**
 * The study area for a shadow run: a square of sideM metres centred on a point, as a GeoJSON Polygon.
 * @param {number} lonDeg
 * @param {number} latDeg
 * @param {number} sideM ≤ 1400 m keeps it under the server's 2 km² limit
 */
export function squareAround(lonDeg, latDeg, sideM) {
  const dLat = sideM / 2 / 111320;
  const dLon = dLat / Math.cos((latDeg * Math.PI) / 180);
  const w = lonDeg - dLon;
  const e = lonDeg + dLon;
  const s = latDeg - dLat;
  const n = latDeg + dLat;
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

function inRange(raw, min, max, name) {
  const value = Number(raw);
  if (raw === '' || raw === null || raw === undefined || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(name);
  }
  return value;
}

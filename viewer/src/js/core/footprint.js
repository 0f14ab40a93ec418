// Footprints drawn on the globe → GeoJSON for the planning API. No DOM, no Cesium. Degrees, [lon, lat].

/** Points closer than this (degrees, ≈ 1 cm) are one point: a double-click adds its own point twice. */
export const SAME_POINT_DEG = 1e-7;

/**
 * The drawn points without consecutive repeats (a double-click adds the same point twice, and the closing click
 * may repeat the first point).
 *
 * @param {ReadonlyArray<[number, number]>} points [lon, lat] in degrees, in drawing order
 * @returns {Array<[number, number]>}
 */
export function distinctPoints(points) {
  const out = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || !samePoint(last, p)) {
      out.push([p[0], p[1]]);
    }
  }
  while (out.length > 1 && samePoint(out[0], out[out.length - 1])) {
    out.pop();
  }
  return out;
}

/**
 * A closed GeoJSON Polygon (exterior ring counter-clockwise, as RFC 7946 asks) from the drawn points.
 *
 * @param {ReadonlyArray<[number, number]>} points [lon, lat] in degrees
 * @returns {{type: 'Polygon', coordinates: number[][][]}}
 * @throws {RangeError} when fewer than three distinct points remain
 */
export function footprintPolygon(points) {
  const ring = distinctPoints(points);
  if (ring.length < 3) {
    throw new RangeError('a footprint needs at least three points');
  }
  if (signedArea(ring) < 0) {
    ring.reverse();
  }
  ring.push([ring[0][0], ring[0][1]]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Twice the signed planar area of a ring in degrees² (positive: counter-clockwise). */
export function signedArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/**
 * A Polygon or MultiPolygon moved so that the centre of its bounding box lands on [lonDeg, latDeg] (a move in
 * degrees: at city scale the shape keeps its size to well under a centimetre).
 *
 * @param {{type: string, coordinates: Array}} geometry GeoJSON in lon/lat
 * @returns {{type: string, coordinates: Array}} a new geometry of the same type
 * @throws {TypeError} for other geometry types
 */
export function movedTo(geometry, lonDeg, latDeg) {
  if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') {
    throw new TypeError(`cannot move a ${geometry?.type}`);
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const points = polygons.flat(2);
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const dLon = lonDeg - (Math.min(...lons) + Math.max(...lons)) / 2;
  const dLat = latDeg - (Math.min(...lats) + Math.max(...lats)) / 2;
  const moved = polygons.map((rings) => rings.map((ring) => ring.map(([x, y]) => [x + dLon, y + dLat])));
  return { type: geometry.type, coordinates: geometry.type === 'Polygon' ? moved[0] : moved };
}

function samePoint(a, b) {
  return Math.abs(a[0] - b[0]) < SAME_POINT_DEG && Math.abs(a[1] - b[1]) < SAME_POINT_DEG;
}

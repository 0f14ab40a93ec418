// The pilot city's fixed viewing parameters. Degrees and metres, as named.

/**
 * The opening view: from the sea south-west of the peninsula, looking north-east over Bãi Trước (Front Beach) and
 * the city centre. The camera looks at the target point from headingDeg (clockwise from north), pitched pitchDeg
 * below the horizon, from heightM above the ellipsoid.
 */
export const INITIAL_VIEW = Object.freeze({
  targetLonDeg: 107.084,
  targetLatDeg: 10.346,
  headingDeg: 45,
  pitchDeg: -35,
  heightM: 2500,
});

/**
 * Where WMS images are requested when the catalogue gives no extent (empty tables): Vũng Tàu peninsula and
 * Long Sơn, [west, south, east, north] in degrees.
 */
export const CITY_EXTENT_DEG = Object.freeze([107.0, 10.3, 107.3, 10.5]);

/** Civil time offset of Việt Nam (UTC+7, no daylight saving), hours. */
export const UTC_OFFSET_HOURS = 7;

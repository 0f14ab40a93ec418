// Colours of simulation results on the globe and in their legend. CSS colours with alpha; no DOM, no Cesium.

/** Flood extent: water. */
export const WATER = 'rgba(0, 110, 255, 0.72)';

/** Sun hours: from deep blue (none) through yellow to red (all day), by the fraction of possible hours. */
export const SUN_RAMP = Object.freeze([
  [0, [40, 40, 140]], [0.25, [60, 120, 200]], [0.5, [250, 220, 60]], [0.75, [250, 150, 40]], [1, [220, 40, 30]],
]);

/** Service areas by how many minutes: nearer is greener. */
const ISOCHRONE = Object.freeze([[5, 'rgba(40, 180, 90, 0.45)'], [10, 'rgba(240, 200, 40, 0.40)'],
  [Infinity, 'rgba(230, 110, 40, 0.35)']]);

/**
 * The colour of a sun-hours value.
 * @param {number} hours
 * @param {number} possibleHours the most a point could get (sunrise to sunset within the range)
 * @returns {string} an `rgba(…)` colour
 */
export function sunHoursColour(hours, possibleHours) {
  const f = possibleHours > 0 ? Math.min(1, Math.max(0, hours / possibleHours)) : 0;
  for (let i = 1; i < SUN_RAMP.length; i++) {
    const [f1, c1] = SUN_RAMP[i];
    if (f <= f1) {
      const [f0, c0] = SUN_RAMP[i - 1];
      const t = (f - f0) / (f1 - f0);
      const rgb = c0.map((v, k) => Math.round(v + t * (c1[k] - v)));
      return `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, 0.85)`;
    }
  }
  return 'rgba(220, 40, 30, 0.85)';
}

/** The colour of a service area reached within `minutes`. */
export function isochroneColour(minutes) {
  return ISOCHRONE.find(([limit]) => Number(minutes) <= limit)[1];
}

/**
 * The legend of a finished run: [{colour, key, params}] with message keys of core/messages.js.
 * @param {string} kind flood | shadow | accessibility
 * @param {object} result the run's `result`
 */
export function legendOf(kind, result) {
  if (kind === 'flood') {
    return [{ colour: WATER, key: 'legend.flooded', params: { level: result?.waterLevelM ?? '' } }];
  }
  if (kind === 'shadow') {
    const possible = result?.sunHours?.possibleHours ?? 12;
    return [0, 0.5, 1].map((f) => ({ colour: sunHoursColour(f * possible, possible), key: 'legend.sunHours',
      params: { hours: (Math.round(f * possible * 10) / 10).toString() } }));
  }
  const minutes = (result?.classes?.[0]?.thresholds ?? []).map((t) => t.minutes);
  return (minutes.length ? minutes : [10]).map((m) => ({ colour: isochroneColour(m), key: 'legend.minutes',
    params: { minutes: m } }));
}

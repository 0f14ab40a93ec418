// The history chart's arithmetic: time ranges for the series API and the scaling of buckets to SVG coordinates.
// No DOM.

/** The range picker's choices: how far back, and a step that gives 36–56 buckets. */
export const SERIES_RANGES = Object.freeze({
  '6h': Object.freeze({ hours: 6, step: '10m' }),
  '24h': Object.freeze({ hours: 24, step: '30m' }),
  '7d': Object.freeze({ hours: 168, step: '3h' }),
});

/**
 * The series request for a range ending now: `to` is the next whole minute (exclusive, so a reading made this
 * minute counts), `from` the range before it.
 * @param {keyof SERIES_RANGES} range
 * @param {Date} now
 * @returns {{from: string, to: string, step: string}}
 */
export function seriesQuery(range, now) {
  const r = SERIES_RANGES[range];
  if (!r) {
    throw new Error(`unknown range ${range}`);
  }
  const to = new Date(Math.floor(now.getTime() / 60000) * 60000 + 60000);
  const from = new Date(to.getTime() - r.hours * 3600000);
  return { from: from.toISOString(), to: to.toISOString(), step: r.step };
}

/**
 * Round tick values covering [min, max]: steps of 1, 2 or 5 × 10^n, about `count` intervals.
 * @returns {number[]}
 */
export function niceTicks(min, max, count = 4) {
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    return [];
  }
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const span = max - min;
  const power = 10 ** Math.floor(Math.log10(span / Math.max(1, count)));
  // The finest round step that needs no more than count + 1 intervals.
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => span / s <= Math.max(1, count) + 1);
  const ticks = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) {
    ticks.push(Number(v.toFixed(10)));
  }
  if (ticks[ticks.length - 1] < max) {
    ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(10)));
  }
  return ticks;
}

/**
 * Places a series' buckets in a width × height box (y down, as SVG): x by time over [from, to], y by value over
 * the ticks' span. Buckets without a numeric `avg` are skipped; a gap of more than two steps breaks the line.
 *
 * @param {Array<{time: string, avg?: number, min?: number, max?: number}>} buckets
 * @param {{from: string, to: string, stepSeconds: number}} range
 * @param {{width: number, height: number, left: number, right: number, top: number, bottom: number}} box
 * @returns {{points: Array<{x: number, y: number, value: number, time: string}>, line: string, band: string,
 *   ticks: Array<{y: number, value: number}>, xMin: number, xMax: number}}
 */
export function chartGeometry(buckets, range, box) {
  const t0 = Date.parse(range.from);
  const t1 = Date.parse(range.to);
  const xMin = box.left;
  const xMax = box.width - box.right;
  const yTop = box.top;
  const yBottom = box.height - box.bottom;
  const data = buckets.filter((b) => typeof b.avg === 'number' && Number.isFinite(b.avg));
  const lows = data.map((b) => (typeof b.min === 'number' ? b.min : b.avg));
  const highs = data.map((b) => (typeof b.max === 'number' ? b.max : b.avg));
  const ticks = data.length ? niceTicks(Math.min(...lows), Math.max(...highs)) : [];
  const vMin = ticks.length ? ticks[0] : 0;
  const vMax = ticks.length ? ticks[ticks.length - 1] : 1;
  const xOf = (time) => xMin + ((Date.parse(time) + range.stepSeconds * 500 - t0) / (t1 - t0)) * (xMax - xMin);
  const yOf = (v) => yBottom - ((v - vMin) / (vMax - vMin || 1)) * (yBottom - yTop);
  const points = data.map((b) => ({ x: round(xOf(b.time)), y: round(yOf(b.avg)), value: b.avg, time: b.time }));
  let line = '';
  points.forEach((p, i) => {
    const gap = i > 0 && Date.parse(p.time) - Date.parse(points[i - 1].time) > 2 * range.stepSeconds * 1000;
    line += `${i === 0 || gap ? 'M' : 'L'}${p.x},${p.y}`;
  });
  let band = '';
  if (data.length > 1) {
    const upper = data.map((b, i) => `${i === 0 ? 'M' : 'L'}${round(xOf(b.time))},${round(yOf(highs[i]))}`);
    const lower = data.map((b, i) => `L${round(xOf(b.time))},${round(yOf(lows[i]))}`).reverse();
    band = `${upper.join('')}${lower.join('')}Z`;
  }
  return { points, line, band, ticks: ticks.map((value) => ({ value, y: round(yOf(value)) })), xMin, xMax };
}

/** A value to four significant digits, trailing zeros dropped (integers as they are). */
export function formatValue(v) {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

function round(v) {
  return Math.round(v * 10) / 10;
}

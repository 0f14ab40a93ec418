import { chartGeometry, formatValue } from '../core/seriesChart.js';
import { localDateTimeText } from '../core/localTime.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const HEIGHT = 140;
const BOX = { width: WIDTH, height: HEIGHT, left: 38, right: 6, top: 8, bottom: 20 };

/**
 * Draws a series (`GET /api/sensors/{id}/series`) as an SVG line of the bucket averages over a min–max band, with
 * value ticks on the left and the range's ends below; scales with its container's width.
 */
export class SeriesChart {
  /** @param {HTMLElement} container */
  constructor(container, utcOffsetHours) {
    this._container = container;
    this._offset = utcOffsetHours;
  }

  /**
   * @param {{from: string, to: string, stepSeconds: number, buckets: Array<object>}} series
   * @param {string} label accessible name (what and in which unit)
   * @returns {number} the number of points drawn
   */
  draw(series, label) {
    const g = chartGeometry(series.buckets ?? [], series, BOX);
    const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'series-chart' });
    svg.dataset.points = String(g.points.length);
    for (const tick of g.ticks) {
      svg.append(el('line', { x1: g.xMin, x2: g.xMax, y1: tick.y, y2: tick.y, class: 'grid' }));
      svg.append(text(g.xMin - 4, tick.y + 3, formatValue(tick.value), 'tick end'));
    }
    svg.append(text(g.xMin, HEIGHT - 5, localDateTimeText(series.from, this._offset), 'tick'));
    svg.append(text(g.xMax, HEIGHT - 5, localDateTimeText(series.to, this._offset), 'tick end'));
    if (g.band) {
      svg.append(el('path', { d: g.band, class: 'band' }));
    }
    if (g.line) {
      svg.append(el('path', { d: g.line, class: 'line' }));
    }
    for (const p of g.points) {
      const dot = el('circle', { cx: p.x, cy: p.y, r: 1.8, class: 'dot' });
      const title = el('title', {});
      title.textContent = `${localDateTimeText(p.time, this._offset)}: ${formatValue(p.value)}`;
      dot.append(title);
      svg.append(dot);
    }
    this._container.replaceChildren(svg);
    return g.points.length;
  }

  clear() {
    this._container.replaceChildren();
  }
}

function el(name, attributes) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) {
    node.setAttribute(k, String(v));
  }
  return node;
}

function text(x, y, content, cls) {
  const node = el('text', { x, y, class: cls });
  node.textContent = content;
  return node;
}

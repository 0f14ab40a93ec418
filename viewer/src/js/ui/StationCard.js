import { localDateTimeText } from '../core/localTime.js';
import { formatValue, SERIES_RANGES } from '../core/seriesChart.js';
import { statusColour } from '../core/liveStations.js';
import { SeriesChart } from './SeriesChart.js';

/**
 * The card of one station: its datastreams (latest value, time, status; each a button that charts it), a range
 * picker (6 h, 24 h, 7 days) and the chart. The caller loads the series (onChart) and hands it to showSeries.
 */
export class StationCard {
  /**
   * @param {HTMLElement} card contains `.station-title`, `.station-close`, `table.station-datastreams tbody`,
   *   `select.station-range`, `.station-chart`, `.station-chart-note`
   * @param {import('../core/Translator.js').Translator} translator
   * @param {number} utcOffsetHours
   * @param {{onChart: (datastreamId: string, range: string) => void, onClose: () => void}} handlers
   */
  constructor(card, translator, utcOffsetHours, { onChart, onClose }) {
    this._card = card;
    this._t = translator;
    this._offset = utcOffsetHours;
    this._onChart = onChart;
    this._station = null;
    this._datastream = null;
    this._series = null;
    this._chart = new SeriesChart(card.querySelector('.station-chart'), utcOffsetHours);
    this._range = card.querySelector('.station-range');
    this._range.replaceChildren(...Object.keys(SERIES_RANGES).map((key) => {
      const option = document.createElement('option');
      option.value = key;
      option.dataset.i18n = `live.range.${key}`;
      option.textContent = translator.t(`live.range.${key}`);
      return option;
    }));
    this._range.value = '24h';
    this._range.addEventListener('change', () => this._requestChart());
    card.querySelector('.station-close').addEventListener('click', () => {
      this.close();
      onClose();
    });
    card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.close();
        onClose();
      }
    });
    translator.onChange(() => this._render());
  }

  get stationId() {
    return this._station?.id ?? null;
  }

  get datastreamId() {
    return this._datastream;
  }

  get range() {
    return this._range.value;
  }

  /** Opens on a station (charting its first numeric datastream), or refreshes the values of the open one. */
  show(station, { focus = false } = {}) {
    const changed = this._station?.id !== station.id;
    this._station = station;
    this._card.hidden = false;
    if (changed) {
      const streams = [...station.datastreams.values()];
      this._datastream = (streams.find((d) => typeof d.value === 'number') ?? streams[0])?.id ?? null;
      this._series = null;
      this._chart.clear();
      this._requestChart();
    }
    this._render();
    if (focus) {
      this._card.querySelector('.station-close').focus();
    }
  }

  close() {
    this._station = null;
    this._card.hidden = true;
  }

  /** Draws the series of the charted datastream; returns the number of points. */
  showSeries(datastreamId, series) {
    if (datastreamId !== this._datastream) {
      return 0;
    }
    this._series = series;
    this._renderChart();
    return series.buckets.filter((b) => typeof b.avg === 'number').length;
  }

  /** Shows that the series could not be loaded. */
  showSeriesError() {
    this._series = null;
    this._chart.clear();
    this._note(this._t.t('error.series'));
  }

  _requestChart() {
    if (this._datastream !== null) {
      this._note(this._t.t('live.chartLoading'));
      this._onChart(this._datastream, this._range.value);
    }
  }

  _render() {
    const station = this._station;
    if (!station) {
      return;
    }
    this._card.querySelector('.station-title').textContent = station.name;
    const rows = [...station.datastreams.values()].map((d) => {
      const tr = document.createElement('tr');
      tr.dataset.datastream = d.id;
      tr.dataset.status = d.status;
      if (d.id === this._datastream) {
        tr.classList.add('selected');
      }
      const name = document.createElement('td');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = d.observedProperty || d.name;
      button.setAttribute('aria-pressed', String(d.id === this._datastream));
      button.addEventListener('click', () => {
        this._datastream = d.id;
        this._render();
        this._requestChart();
      });
      name.append(button);
      const value = document.createElement('td');
      value.className = 'num';
      value.textContent = typeof d.value === 'number' ? `${formatValue(d.value)} ${d.unit}`
        : d.valueText ?? this._t.t('unknown');
      const status = document.createElement('td');
      const badge = document.createElement('span');
      badge.className = 'status-badge';
      badge.style.background = statusColour(d.status);
      badge.textContent = this._t.t(`live.status.${d.status}`);
      badge.title = d.observedAt ? localDateTimeText(d.observedAt, this._offset) : '';
      status.append(badge);
      tr.append(name, value, status);
      return tr;
    });
    this._card.querySelector('.station-datastreams tbody').replaceChildren(...rows);
    for (const option of this._range.options) {
      option.textContent = this._t.t(option.dataset.i18n);
    }
    this._renderChart();
  }

  _renderChart() {
    const d = this._station?.datastreams.get(this._datastream);
    if (!this._series || !d) {
      return;
    }
    const label = this._t.t('live.chart', { name: d.observedProperty || d.name, unit: d.unit });
    const n = this._chart.draw(this._series, label);
    if (n === 0) {
      this._note(this._t.t('live.chartEmpty'));
      return;
    }
    const values = this._series.buckets.filter((b) => typeof b.avg === 'number');
    const min = Math.min(...values.map((b) => (typeof b.min === 'number' ? b.min : b.avg)));
    const max = Math.max(...values.map((b) => (typeof b.max === 'number' ? b.max : b.avg)));
    this._note(`${label}: ${this._t.t('live.chartPoints', { count: n, min: formatValue(min), max: formatValue(max) })}`);
  }

  _note(text) {
    this._card.querySelector('.station-chart-note').textContent = text;
  }
}

import { fetchJson, sendJson } from './http.js';
import { withQuery } from '../core/urls.js';

/** Features per page of the sensor_latest collection (one feature per datastream; the demo has 58). */
const PAGE = 1000;
/** At most this many pages are followed (a runaway `next` link must not loop). */
const MAX_PAGES = 20;
/** Most alerts and datastreams one replay reads (the servers' own maxima). */
const HISTORY_LIMIT = 10000;

/**
 * The sensors' HTTP side (docs/sensors.md): the sensor_latest layer over OGC API Features, the series API and the
 * alerts API, all on the page origin.
 */
export class SensorClient {
  /** @param {string} origin the page origin */
  constructor(origin) {
    this._origin = origin;
  }

  /** Every feature of the sensor_latest layer (GeoJSON), following `next` links. */
  async latestFeatures() {
    const features = [];
    let url = withQuery(new URL('/ogc/collections/sensor_latest/items', this._origin).href, { f: 'json', limit: PAGE });
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const json = await fetchJson(url);
      features.push(...(Array.isArray(json?.features) ? json.features : []));
      const next = (json?.links ?? []).find((l) => l.rel === 'next')?.href;
      url = next ? new URL(new URL(next).pathname + new URL(next).search, this._origin).href : null;
    }
    return features;
  }

  /**
   * One datastream's buckets: `{…, stepSeconds, buckets: [{time, avg, min, max, count}]}`.
   * @param {string|number} datastream
   * @param {{from: string, to: string, step: string}} query
   * @param {{fresh?: boolean}} [options] fresh: past the browser's cache (the server allows 5 s), after new readings
   */
  series(datastream, { from, to, step }, { fresh = false } = {}) {
    const url = new URL(`/api/sensors/${encodeURIComponent(datastream)}/series`, this._origin).href;
    return fetchJson(withQuery(url, { from, to, step, agg: 'avg,min,max,count' }), { cache: fresh ? 'no-cache' : 'default' });
  }

  /** The latest alerts, newest first. */
  async alerts(limit = 50) {
    const json = await fetchJson(withQuery(new URL('/api/alerts', this._origin).href, { limit }));
    return Array.isArray(json?.alerts) ? json.alerts : [];
  }

  /**
   * The alert history for a replay: every alert raised since `since` and every one still open (raised before).
   * @param {string} since ISO 8601
   */
  async alertHistory(since) {
    const url = new URL('/api/alerts', this._origin).href;
    const [recent, open] = await Promise.all([fetchJson(withQuery(url, { since, limit: HISTORY_LIMIT })),
      fetchJson(withQuery(url, { open: 'true', limit: HISTORY_LIMIT }))]);
    const byId = new Map();
    for (const a of [...(recent?.alerts ?? []), ...(open?.alerts ?? [])]) {
      byId.set(a.id, a);
    }
    return [...byId.values()];
  }

  /** Each datastream's phenomenonTime (`start/end` of its readings, null before the first): id → text. */
  async datastreamTimes() {
    const url = withQuery(new URL('/sta/v1.1/Datastreams', this._origin).href,
      { $select: 'id,phenomenonTime', $top: HISTORY_LIMIT });
    const json = await fetchJson(url);
    return new Map((json?.value ?? []).map((d) => [String(d['@iot.id'] ?? d.id), d.phenomenonTime ?? null]));
  }

  /** Acknowledges an alert; answers the alert as stored. */
  acknowledge(id, by) {
    return sendJson('POST', new URL(`/api/alerts/${encodeURIComponent(id)}/ack`, this._origin).href,
      by ? { by } : {});
  }
}

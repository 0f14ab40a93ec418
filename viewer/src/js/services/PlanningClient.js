import { sendJson } from './http.js';

/**
 * The planning API (docs/planning.md, docs/simulations.md): scenarios, edits, indicators, comparisons and
 * simulation runs. Every method resolves to the parsed JSON answer and rejects with http.ApiError/HttpError.
 */
export class PlanningClient {
  /** @param {string} pageOrigin */
  constructor(pageOrigin) {
    this._root = new URL('/api/scenarios', pageOrigin).href;
  }

  /** Newest first, up to 100. */
  list() {
    return sendJson('GET', `${this._root}?limit=100`);
  }

  /** @param {{name: string, description?: string, parent?: string|null}} body parent: an id or 'base' */
  create(body) {
    return sendJson('POST', this._root, body);
  }

  get(id) {
    return sendJson('GET', this._url(id));
  }

  /** Changes the given members (name, description, status). */
  update(id, changes) {
    return sendJson('PATCH', this._url(id), changes);
  }

  duplicate(id, body) {
    return sendJson('POST', `${this._url(id)}/duplicate`, body);
  }

  remove(id) {
    return sendJson('DELETE', this._url(id));
  }

  /** The scenario's own edits as a GeoJSON FeatureCollection. */
  edits(id) {
    return sendJson('GET', `${this._url(id)}/edits`);
  }

  /** @param {object} edit a Feature or FeatureCollection with `layer` and `op` */
  applyEdits(id, edit) {
    return sendJson('POST', `${this._url(id)}/edits`, edit);
  }

  /** Withdraws the scenario's edit of one feature. */
  undo(id, layer, featureId) {
    return sendJson('DELETE', `${this._url(id)}/edits/${encodeURIComponent(layer)}/${encodeURIComponent(featureId)}`);
  }

  /** @param {string} id a scenario id or 'base'; @param {'city'|'ward'} by */
  indicators(id, by) {
    return sendJson('GET', `${this._url(id)}/indicators${by === 'ward' ? '?by=ward' : ''}`, undefined,
      { timeoutMs: 180000 });
  }

  /** Indicators inside a drawn area: a GeoJSON Polygon in lon/lat. */
  areaIndicators(id, polygon) {
    const q = new URLSearchParams({ area: JSON.stringify(polygon) });
    return sendJson('GET', `${this._url(id)}/indicators?${q}`, undefined, { timeoutMs: 180000 });
  }

  compare(a, b) {
    return sendJson('GET', this.compareUrl(a, b, 'json'), undefined, { timeoutMs: 180000 });
  }

  /** The comparison as a document: f = json | csv | html (the server's report). */
  compareUrl(a, b, f) {
    const q = new URLSearchParams({ a: a ?? 'base', b: b ?? 'base', f });
    return `${this._root}/compare?${q}`;
  }

  startSimulation(id, kind, params) {
    return sendJson('POST', `${this._url(id)}/simulations/${encodeURIComponent(kind)}`, params);
  }

  run(id, runId) {
    return sendJson('GET', `${this._url(id)}/simulations/${encodeURIComponent(runId)}`);
  }

  cancel(id, runId) {
    return sendJson('DELETE', `${this._url(id)}/simulations/${encodeURIComponent(runId)}`);
  }

  result(id, runId) {
    return sendJson('GET', `${this._url(id)}/simulations/${encodeURIComponent(runId)}/result.geojson`);
  }

  /**
   * One feature as the scenario's city has it, from OGC API Features (GeoJSON, lon/lat).
   * @param {string|null} id the scenario, or null for the base city
   */
  feature(id, layer, featureId) {
    const q = id ? `?${new URLSearchParams({ scenario: id })}` : '';
    return sendJson('GET', new URL(`/ogc/collections/${encodeURIComponent(layer)}/items/${encodeURIComponent(featureId)}${q}`,
      this._root).href);
  }

  _url(id) {
    return `${this._root}/${encodeURIComponent(id ?? 'base')}`;
  }
}

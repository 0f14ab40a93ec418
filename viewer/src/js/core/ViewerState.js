/** How many notices and errors are kept (the oldest are dropped). */
const KEEP = 50;

/**
 * What the viewer is doing, in plain JSON-friendly data: the UI reads it, and it is exposed to tests as
 * `window.__citytwin`. Two kinds of trouble are kept apart:
 * - `notices`: network and data problems (a 404, a bad document) shown to the user; the viewer carries on;
 * - `errors`: uncaught script errors, unhandled rejections, CSP violations and render errors, which are bugs.
 */
export class ViewerState {
  constructor() {
    /** True once the globe has rendered with its tiles loaded (see map/ReadinessProbe). */
    this.ready = false;
    this.language = 'vi';
    this.lite = false;
    /** status: loading | ready | error */
    this.catalog = { status: 'loading', url: null, layerIds: [] };
    /** status: off (no layer shown) | on | error (tiles failed); layers: the WMS layer names drawn */
    this.wms = { status: 'off', url: null, layers: [], tileErrors: 0 };
    /**
     * The 3D Tiles layers by layer id (empty when the server offers none): {status: loading | ready | error,
     * url, style: server | default, tileErrors}.
     */
    this.tilesets = {};
    /** status: loading | ready | unavailable (404) | error */
    this.scenarios = { status: 'loading', ids: [] };
    /** The selected scenario id, or null for the base city. */
    this.scenario = null;
    /** The last picked feature: {layerId, id, properties}, or null. */
    this.picked = null;
    this.notices = [];
    this.errors = [];
    this._noticeListeners = [];
  }

  /**
   * Records a problem or event for the user.
   * @param {'info'|'warning'|'error'} level
   * @param {string} key a message key (core/messages.js)
   * @param {string} [detail] technical detail (HTTP status, URL), not translated
   */
  notify(level, key, detail = '') {
    const notice = { level, key, detail: String(detail), time: new Date().toISOString() };
    push(this.notices, notice);
    this._noticeListeners.forEach((listener) => listener(notice));
    return notice;
  }

  /** @param {(notice: {level: string, key: string, detail: string}) => void} listener */
  onNotice(listener) {
    this._noticeListeners.push(listener);
  }

  /** Records a bug: something was thrown where nothing should be. */
  recordError(source, message) {
    push(this.errors, { source, message: String(message), time: new Date().toISOString() });
  }
}

function push(list, item) {
  list.push(item);
  if (list.length > KEEP) {
    list.shift();
  }
}

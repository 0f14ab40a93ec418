/** Wait before reconnecting, doubling up to the maximum (milliseconds). */
const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30000;
/** The event types the live city listens to. */
const TYPES = ['observation', 'alert'];

/**
 * The server's live push (docs/sensors.md): the `/live` WebSocket with a subscribe message, and `/live/sse` when
 * the WebSocket cannot be opened (a proxy that drops upgrades). Reconnects with a growing delay.
 * Reports each event to onEvent and the transport to onStatus: connecting | websocket | sse | retrying.
 */
export class LiveFeed {
  /**
   * @param {string} origin the page origin
   * @param {{onEvent: (event: object) => void, onStatus: (status: string) => void, forceSse?: boolean}} options
   */
  constructor(origin, { onEvent, onStatus, forceSse = false }) {
    this._origin = new URL(origin);
    this._onEvent = onEvent;
    this._onStatus = onStatus;
    this._useSse = forceSse;
    this._retryMs = RETRY_MIN_MS;
    this._closed = false;
    this._socket = null;
    this._source = null;
  }

  start() {
    this._closed = false;
    this._connect();
  }

  stop() {
    this._closed = true;
    this._socket?.close();
    this._source?.close();
  }

  _connect() {
    if (this._closed) {
      return;
    }
    this._onStatus('connecting');
    if (this._useSse || typeof WebSocket === 'undefined') {
      this._connectSse();
    } else {
      this._connectWebSocket();
    }
  }

  _connectWebSocket() {
    const url = new URL('/live', this._origin);
    url.protocol = this._origin.protocol === 'https:' ? 'wss:' : 'ws:';
    let subscribed = false;
    const socket = new WebSocket(url.href);
    this._socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'subscribe', types: TYPES }));
    socket.onmessage = (e) => {
      const message = parse(e.data);
      if (message?.type === 'subscribed') {
        subscribed = true;
        this._retryMs = RETRY_MIN_MS;
        this._onStatus('websocket');
      } else if (message && TYPES.includes(message.type)) {
        this._onEvent(message);
      }
    };
    socket.onclose = () => {
      this._socket = null;
      // Never got through: the WebSocket path is blocked here, so use SSE from now on.
      if (!subscribed) {
        this._useSse = true;
      }
      this._retry();
    };
  }

  _connectSse() {
    const url = new URL('/live/sse', this._origin);
    url.searchParams.set('types', TYPES.join(','));
    const source = new EventSource(url.href);
    this._source = source;
    source.onopen = () => {
      this._retryMs = RETRY_MIN_MS;
      this._onStatus('sse');
    };
    for (const type of TYPES) {
      source.addEventListener(type, (e) => {
        const message = parse(e.data);
        if (message) {
          this._onEvent(message);
        }
      });
    }
    // EventSource retries by itself, but not after an HTTP error (503 when full): then it closes.
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        this._source = null;
        this._retry();
      }
    };
  }

  _retry() {
    if (this._closed) {
      return;
    }
    this._onStatus('retrying');
    setTimeout(() => this._connect(), this._retryMs);
    this._retryMs = Math.min(RETRY_MAX_MS, this._retryMs * 2);
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

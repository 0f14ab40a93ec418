import { DataError } from '../core/DataError.js';

/** A request that failed: HTTP status ≥ 400, or status 0 when the network failed or the request timed out. */
export class HttpError extends Error {
  constructor(url, status, message) {
    super(`${message} (${url})`);
    this.name = 'HttpError';
    this.url = url;
    this.status = status;
  }
}

/**
 * GET url and parse JSON.
 *
 * @param {string} url
 * @param {{timeoutMs?: number}} [options] timeout, milliseconds (default 30 s)
 * @returns {Promise<unknown>}
 * @throws {HttpError} on a network failure, a timeout or an HTTP error status
 * @throws {DataError} when the body is not JSON
 */
export async function fetchJson(url, { timeoutMs = 30000 } = {}) {
  let response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new HttpError(url, 0, e?.name === 'TimeoutError' ? 'timed out' : 'network error');
  }
  if (!response.ok) {
    throw new HttpError(url, response.status, `HTTP ${response.status}`);
  }
  try {
    return await response.json();
  } catch (e) {
    throw new DataError('the response is not JSON', url);
  }
}

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
 * @param {{timeoutMs?: number, cache?: RequestCache}} [options] timeout, milliseconds (default 30 s); the fetch
 *   cache mode ('no-cache' revalidates a response the browser holds)
 * @returns {Promise<unknown>}
 * @throws {HttpError} on a network failure, a timeout or an HTTP error status
 * @throws {DataError} when the body is not JSON
 */
export async function fetchJson(url, { timeoutMs = 30000, cache = 'default' } = {}) {
  let response;
  try {
    response = await fetch(url, {
      cache,
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

/**
 * The server refused a request with its JSON error document ({code, description, locator, status}); `error` holds
 * it (or a minimal one when the body was not JSON).
 */
export class ApiError extends HttpError {
  constructor(url, status, error) {
    super(url, status, error?.description || `HTTP ${status}`);
    this.name = 'ApiError';
    this.error = { status, ...error };
  }
}

/**
 * Sends a request with an optional JSON body and parses the JSON answer (null for 204).
 *
 * @param {string} method GET, POST, PATCH, PUT, DELETE
 * @param {string} url
 * @param {unknown} [body] sent as application/json when given
 * @param {{timeoutMs?: number}} [options]
 * @returns {Promise<unknown>}
 * @throws {ApiError} on an HTTP error status (with the server's error document)
 * @throws {HttpError} on a network failure or timeout
 */
export async function sendJson(method, url, body = undefined, { timeoutMs = 60000 } = {}) {
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new HttpError(url, 0, e?.name === 'TimeoutError' ? 'timed out' : 'network error');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    if (response.ok) {
      throw new DataError('the response is not JSON', url);
    }
  }
  if (!response.ok) {
    throw new ApiError(url, response.status, json && typeof json === 'object' ? json : {});
  }
  return json;
}

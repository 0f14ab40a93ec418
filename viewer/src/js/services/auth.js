// Who the viewer speaks for: a Bearer credential (a JWT from POST /api/auth/login, or an API token pasted by the
// user) kept for the browser tab in sessionStorage, sent by http.js and by the Cesium requests that carry a scenario.

/** The sessionStorage key of the credential. */
export const AUTH_KEY = 'citytwin.auth';

const unauthorizedListeners = [];

// sessionStorage is absent under node (unit tests) and may throw when storage is blocked.
function storage() {
  try {
    return globalThis.sessionStorage ?? null;
  } catch (e) {
    return null;
  }
}

/** @returns {string|null} the current credential */
export function credential() {
  return storage()?.getItem(AUTH_KEY) || null;
}

/** @returns {{Authorization?: string}} the header that carries the credential, or no header when signed out */
export function authHeader() {
  const secret = credential();
  return secret ? { Authorization: `Bearer ${secret}` } : {};
}

/** Keeps a credential (a JWT or an API token); blank signs out. */
export function useCredential(secret) {
  const text = String(secret ?? '').trim();
  if (text) {
    storage()?.setItem(AUTH_KEY, text);
  } else {
    storage()?.removeItem(AUTH_KEY);
  }
}

export function signOut() {
  useCredential(null);
}

/**
 * POST /api/auth/login and keep the JWT of its answer ({access_token, token_type, expires_in, refresh_token, user}).
 *
 * @returns {Promise<{name: string, roles: string[]}>} the signed-in user
 * @throws {Error} with `status` (401 for a wrong password, 429 when throttled, 0 for a network failure)
 */
export async function signIn(origin, username, password) {
  let response;
  try {
    response = await fetch(new URL('/api/auth/login', origin).href, {
      method: 'POST',
      credentials: 'omit', // a 401 answer carries a Basic challenge: no browser password prompt
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch (e) {
    throw Object.assign(new Error('network error'), { status: 0 });
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.access_token) {
    throw Object.assign(new Error(answer.description || `HTTP ${response.status}`), { status: response.status });
  }
  useCredential(answer.access_token);
  return answer.user;
}

/** @param {() => void} listener called when the API answered 401 (no or a stale credential) */
export function onUnauthorized(listener) {
  unauthorizedListeners.push(listener);
}

/** http.js calls this on every 401; a credential the server refused is stale (an expired JWT) and is dropped. */
export function reportUnauthorized() {
  signOut();
  unauthorizedListeners.forEach((listener) => listener());
}

/**
 * GET /api/auth/me with the current credential. A credential the server no longer accepts (an expired JWT, a
 * revoked token) is dropped, so that the public reads keep working.
 *
 * @returns {Promise<{name: string, anonymous: boolean, roles: string[]}|null>} null when the server is unreachable
 */
export async function whoAmI(origin) {
  try {
    const response = await fetch(new URL('/api/auth/me', origin).href,
      { credentials: 'omit', headers: { Accept: 'application/json', ...authHeader() } });
    if (response.status === 401 && credential()) {
      signOut();
      return whoAmI(origin);
    }
    return response.ok ? await response.json() : null;
  } catch (e) {
    return null;
  }
}

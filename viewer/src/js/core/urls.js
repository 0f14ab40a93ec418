// URL helpers. No DOM, no Cesium: the page origin is passed in.

/**
 * The server writes absolute links with its configured public URL. The page may have been opened under another
 * name for the same server (localhost vs 127.0.0.1, a proxy), and the Content-Security-Policy allows only the
 * page's own origin, so a link to another origin is re-rooted on the page origin (same path and query).
 *
 * @param {string} href absolute or relative link
 * @param {string} pageOrigin e.g. `http://127.0.0.1:8080`
 * @returns {string} an absolute URL on pageOrigin
 */
export function sameOrigin(href, pageOrigin) {
  const url = new URL(href, pageOrigin);
  if (url.origin === pageOrigin) {
    return url.href;
  }
  return new URL(url.pathname + url.search + url.hash, pageOrigin).href;
}

/**
 * url with the given query parameters set; a null or undefined value removes the parameter.
 * @param {string} url absolute URL
 * @param {Record<string, string|number|null|undefined>} params
 */
export function withQuery(url, params) {
  const result = new URL(url);
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') {
      result.searchParams.delete(name);
    } else {
      result.searchParams.set(name, String(value));
    }
  }
  return result.href;
}

/** url without its query string and fragment (WMS base URLs: the client adds its own parameters). */
export function withoutQuery(url) {
  const result = new URL(url);
  result.search = '';
  result.hash = '';
  return result.href;
}

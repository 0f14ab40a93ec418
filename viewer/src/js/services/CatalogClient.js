import { Catalog } from '../core/Catalog.js';
import { sameOrigin } from '../core/urls.js';
import { fetchJson } from './http.js';

/** The one fixed entry point: every other endpoint is discovered from the layers' links. */
export const LAYERS_PATH = '/api/layers';

/**
 * Loads the public layer catalogue (`GET /api/layers`), with every link re-rooted on the page origin
 * (see core/urls.sameOrigin).
 *
 * @param {string} pageOrigin e.g. `location.origin`
 * @returns {Promise<Catalog>}
 * @throws {HttpError|DataError} when the catalogue cannot be loaded or read
 */
export async function loadCatalog(pageOrigin) {
  const url = new URL(LAYERS_PATH, pageOrigin).href;
  const json = await fetchJson(url);
  if (json && Array.isArray(json.layers)) {
    for (const layer of json.layers) {
      if (layer && Array.isArray(layer.links)) {
        layer.links = layer.links.map((l) => (l && typeof l.href === 'string'
          ? { ...l, href: sameOrigin(l.href, pageOrigin) } : l));
      }
    }
  }
  return Catalog.fromJson(json, url);
}

import { DataError } from '../core/DataError.js';
import { fetchJson, HttpError } from './http.js';

/**
 * Loads a 3D Tiles style document (JSON, Cesium 3D Tiles Styling language).
 *
 * @param {string} url absolute URL
 * @returns {Promise<object|null>} the style, or null when the server has none (404)
 * @throws {HttpError|DataError} for other failures or a document that is not a JSON object
 */
export async function loadStyle(url) {
  let json;
  try {
    json = await fetchJson(url);
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) {
      return null;
    }
    throw e;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new DataError('the 3D style is not a JSON object', url);
  }
  return json;
}

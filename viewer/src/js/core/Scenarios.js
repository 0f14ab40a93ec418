import { DataError } from './DataError.js';

/**
 * Planning scenarios offered by `GET /api/scenarios`. Accepts a bare array or an object with `scenarios` or
 * `items`; each entry needs an `id` (number or string) and may have `name` and `status`.
 *
 * @param {unknown} json the parsed response
 * @param {string} [source] its URL, for error messages
 * @returns {ReadonlyArray<{id: string, name: string, status: string|null}>} ids as strings, as they go into URLs
 * @throws {DataError} when the shape is not a scenario list
 */
export function parseScenarios(json, source) {
  const list = Array.isArray(json) ? json : json?.scenarios ?? json?.items;
  if (!Array.isArray(list)) {
    throw new DataError('the scenario list is not an array', source);
  }
  return Object.freeze(list.map((raw, index) => {
    const id = raw?.id;
    if ((typeof id !== 'number' && typeof id !== 'string') || id === '') {
      throw new DataError(`scenario #${index} has no id`, source);
    }
    return Object.freeze({
      id: String(id),
      name: typeof raw.name === 'string' && raw.name ? raw.name : `#${id}`,
      status: typeof raw.status === 'string' ? raw.status : null,
    });
  }));
}

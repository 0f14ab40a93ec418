import { parseScenarios } from '../core/Scenarios.js';
import { fetchJson, HttpError } from './http.js';

export const SCENARIOS_PATH = '/api/scenarios';

/**
 * Loads the planning scenarios (`GET /api/scenarios`). A server without the planning API answers 404: that is not
 * an error, the viewer then offers only the base city.
 *
 * @param {string} pageOrigin
 * @returns {Promise<{available: boolean, scenarios: ReadonlyArray<{id: string, name: string, status: string|null}>}>}
 * @throws {HttpError|DataError} for other failures
 */
export async function loadScenarios(pageOrigin) {
  const url = new URL(SCENARIOS_PATH, pageOrigin).href;
  try {
    return { available: true, scenarios: parseScenarios(await fetchJson(url), url) };
  } catch (e) {
    if (e instanceof HttpError && (e.status === 404 || e.status === 501)) {
      return { available: false, scenarios: [] };
    }
    throw e;
  }
}

// The planning API's JSON errors ({code, description, locator, status}) → a form field and a message key the
// viewer can show in the user's language. No DOM, no Cesium.

/** Form fields a locator can point at. */
const FIELDS = ['name', 'use_type', 'levels', 'height'];

/**
 * Where and what: the field at fault (null when the error is about the whole edit) and a message key of
 * core/messages.js; the server's own English text stays available as detail.
 *
 * @param {{code?: string, description?: string, locator?: string|null, status?: number}|null} error
 * @returns {{field: string|null, key: string, detail: string}}
 */
export function describeServerError(error) {
  const locator = String(error?.locator ?? '');
  const detail = String(error?.description ?? '');
  const status = Number(error?.status ?? 0);
  const property = /(?:^|\.)properties\.(\w+)$/.exec(locator)?.[1] ?? null;
  if (property && FIELDS.includes(property)) {
    return { field: property, key: `formError.${property}`, detail };
  }
  if (property) {
    return { field: null, key: 'formError.property', detail };
  }
  if (/(?:^|\.)geometry$/.test(locator) || /geometry|city/i.test(detail)) {
    return { field: 'geometry', key: /outside|city/i.test(detail) ? 'formError.outside' : 'formError.geometry',
      detail };
  }
  if (status === 401) {
    return { field: null, key: 'auth.required', detail: '' };
  }
  if (status === 409) {
    return { field: null, key: 'formError.conflict', detail };
  }
  if (status === 404) {
    return { field: null, key: 'formError.notFound', detail };
  }
  if (locator === 'name') {
    return { field: 'name', key: 'formError.name', detail };
  }
  return { field: null, key: 'formError.other', detail };
}

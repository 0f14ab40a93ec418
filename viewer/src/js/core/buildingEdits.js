// Building edits in the planning API's GeoJSON form (docs/planning.md, "Edits"). No DOM, no Cesium.

/** The layer the 3D editor changes. */
export const BUILDINGS_LAYER = 'buildings';

/** The uses offered in the form (the 3D style and messages know them; the server accepts any text). */
export const BUILDING_USES = Object.freeze(['residential', 'apartment', 'villa', 'shophouse', 'hotel', 'commercial',
  'office', 'public', 'school', 'hospital', 'industrial']);

/**
 * The form's text values → edit properties. Empty fields are left out (the server keeps or defaults them);
 * numbers are sent as numbers, or as the typed text when they are not numbers, so the server names the field.
 *
 * @param {{name?: string, use_type?: string, levels?: string, height?: string}} form raw input values
 * @returns {Record<string, string|number>}
 */
export function buildingProperties(form) {
  const out = {};
  const name = (form.name ?? '').trim();
  if (name) {
    out.name = name;
  }
  if (form.use_type) {
    out.use_type = form.use_type;
  }
  for (const field of ['levels', 'height']) {
    const text = String(form[field] ?? '').trim();
    if (text !== '') {
      const n = Number(text);
      out[field] = Number.isFinite(n) ? n : text;
    }
  }
  return out;
}

/** An `add` edit: a new building with the drawn footprint. */
export function addBuilding(polygon, properties) {
  return { type: 'Feature', layer: BUILDINGS_LAYER, op: 'add', geometry: polygon, properties };
}

/** A `modify` edit of an existing building's properties (and geometry, when given). */
export function modifyBuilding(id, properties, polygon = null) {
  const edit = { type: 'Feature', layer: BUILDINGS_LAYER, op: 'modify', id: featureId(id), properties };
  if (polygon) {
    edit.geometry = polygon;
  }
  return edit;
}

/** A `delete` edit. */
export function deleteBuilding(id) {
  return { type: 'Feature', layer: BUILDINGS_LAYER, op: 'delete', id: featureId(id), geometry: null, properties: null };
}

/**
 * The edit to undo: the scenario's latest edit (GET …/edits answers every edit with its `updated` time).
 *
 * @param {{features?: Array<{id: number, layer: string, op: string, updated: string}>}} collection
 * @returns {{layer: string, id: number, op: string}|null}
 */
export function latestEdit(collection) {
  const features = collection?.features ?? [];
  let latest = null;
  for (const f of features) {
    if (!latest || String(f.updated) > String(latest.updated)
        || (String(f.updated) === String(latest.updated) && f.id > latest.id)) {
      latest = f;
    }
  }
  return latest ? { layer: latest.layer, id: latest.id, op: latest.op } : null;
}

function featureId(id) {
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new RangeError(`not a feature id: ${id}`);
  }
  return n;
}

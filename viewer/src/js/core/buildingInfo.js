/** The building properties the info panel shows, in this order (the 3D Tiles property table's names). */
export const BUILDING_FIELDS = Object.freeze(['name', 'use_type', 'levels', 'height', 'ward', 'year_built',
  'scenario_status']);

/**
 * A property value as plain JSON: 3D Tiles INT64 properties may arrive as BigInt, which JSON (and WebDriver) cannot
 * carry; safe integers become numbers, larger ones strings.
 */
export function plainValue(value) {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value) : value.toString();
  }
  return value;
}

/**
 * The info panel rows for a picked building.
 *
 * The tiles encode "unknown" as 0 for levels and year_built and as '' for strings, so those show as unknown.
 * Use types and scenario statuses are translated when the dictionary knows them, else shown as sent.
 *
 * @param {Record<string, unknown>} properties the feature's properties (plain values)
 * @param {{t: Function, has: Function}} translator core/Translator
 * @returns {{title: string, rows: Array<{field: string, label: string, value: string}>}}
 */
export function describeBuilding(properties, translator) {
  const unknown = translator.t('unknown');
  const rows = BUILDING_FIELDS.map((field) => {
    const raw = properties[field];
    let value;
    if (raw === undefined || raw === null || raw === '' || ((field === 'levels' || field === 'year_built') && raw === 0)) {
      value = unknown;
    } else if (field === 'height') {
      value = translator.t('metres', { value: Number(raw).toFixed(1) });
    } else if (field === 'use_type' && translator.has(`use.${raw}`)) {
      value = translator.t(`use.${raw}`);
    } else if (field === 'scenario_status' && translator.has(`status.${raw}`)) {
      value = translator.t(`status.${raw}`);
    } else {
      value = String(raw);
    }
    return { field, label: translator.t(`field.${field}`), value };
  });
  const id = properties.id;
  return { title: translator.t('building', { id: id === undefined || id === null ? unknown : String(id) }), rows };
}

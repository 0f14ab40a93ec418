// Indicator answers of the planning API (docs/planning.md, "Indicators", "Comparison") → table rows with text in
// the user's language. No DOM, no Cesium.

/** Units the server uses → how many decimals to show. */
const DECIMALS = Object.freeze({ ratio: 2, '%': 1, 'm²/person': 1, m: 1, 'km²': 3 });

/**
 * A number for a table cell in the language's format ('vi': 1.234,5; 'en': 1,234.5); null/undefined → '—'.
 * @param {number|null|undefined} value
 * @param {string} unit the server's unit (decides the decimals)
 * @param {string} language 'vi' or 'en'
 */
export function formatValue(value, unit, language) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) {
    return '—';
  }
  const decimals = DECIMALS[unit] ?? 0;
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US',
    { minimumFractionDigits: 0, maximumFractionDigits: decimals }).format(Number(value));
}

/** A relative difference (a fraction) as a signed percentage, e.g. +12,5 %; null → ''. */
export function formatRelative(fraction, language) {
  if (fraction === null || fraction === undefined || !Number.isFinite(Number(fraction))) {
    return '';
  }
  const pct = 100 * Number(fraction);
  const text = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US',
    { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(pct);
  return `${text} %`;
}

/**
 * Rows for one scope (the city, or one ward) of `GET …/indicators`.
 * @param {Array<{id: string, value: number|null, unit: string, label: object}>} indicators
 * @param {string} language
 * @param {{has: Function, t: Function}|null} [words] core/Translator, for units and uses in the language
 * @returns {Array<{id: string, label: string, value: string, unit: string}>}
 */
export function indicatorRows(indicators, language, words = null) {
  return (indicators ?? []).map((i) => ({
    id: i.id,
    label: labelOf(i, language, words),
    value: formatValue(i.value, i.unit, language),
    unit: unitOf(i.unit, words),
  }));
}

/**
 * The label in the language; for `gfa.<use>` the use's own word when the dictionary has one (the server writes
 * the use as stored, e.g. "hotel").
 * @param {{has: Function, t: Function}|null} words core/Translator (keys `ind.gfaUse`, `use.<use>`)
 */
function labelOf(indicator, language, words) {
  const use = /^gfa\.(.+)$/.exec(indicator.id)?.[1];
  if (use && words?.has(`use.${use}`) && words.has('ind.gfaUse')) {
    return words.t('ind.gfaUse', { use: words.t(`use.${use}`) });
  }
  return pickLabel(indicator.label, language) || indicator.id;
}

/** The unit in the language when the dictionary has it (`unit.<unit>`), else as the server wrote it. */
function unitOf(unit, words) {
  const u = unit ?? '';
  return u && words?.has(`unit.${u}`) ? words.t(`unit.${u}`) : u;
}

/**
 * The scopes an indicators answer offers: 'city' first, then the drawn area (`?area=`) when there is one, then
 * each unit (`?by=ward`) by its name.
 * @returns {Array<{key: string, name: string, indicators: Array<object>}>}
 */
export function indicatorScopes(answer, cityName, area = null, areaName = '') {
  const scopes = [{ key: 'city', name: cityName, indicators: answer?.indicators ?? [] }];
  if (area) {
    scopes.push({ key: 'area', name: areaName, indicators: area.indicators ?? [] });
  }
  for (const unit of answer?.units ?? []) {
    const a = unit.attributes ?? {};
    scopes.push({ key: String(unit.id), name: String(a.name ?? a.ward ?? unit.id), indicators: unit.indicators ?? [] });
  }
  return scopes;
}

/**
 * Rows of `GET /api/scenarios/compare`: a, b, a − b, the relative change and whether it changed.
 * @param {{indicators: Array<{id, unit, label, a, b, difference, relativeDifference, changed}>}} comparison
 * @param {string} language
 */
export function comparisonRows(comparison, language, words = null) {
  return (comparison?.indicators ?? []).map((i) => ({
    id: i.id,
    label: labelOf(i, language, words),
    unit: unitOf(i.unit, words),
    a: formatValue(i.a, i.unit, language),
    b: formatValue(i.b, i.unit, language),
    difference: i.changed ? signed(formatValue(i.difference, i.unit, language), i.difference) : '',
    relative: i.changed ? formatRelative(i.relativeDifference, language) : '',
    changed: Boolean(i.changed),
  }));
}

function signed(text, value) {
  return Number(value) > 0 ? `+${text}` : text;
}

function pickLabel(label, language) {
  if (!label) {
    return '';
  }
  if (typeof label === 'string') {
    return label;
  }
  return label[language] ?? label.vi ?? label.en ?? '';
}

// Unit tests of the viewer's core/ modules (no DOM, no Cesium), run by the Maven build with `node --test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILDING_FIELDS, describeBuilding, plainValue } from '../src/js/core/buildingInfo.js';
import { Catalog } from '../src/js/core/Catalog.js';
import { DataError } from '../src/js/core/DataError.js';
import { formatHour, localDateIso, localTimeToUtc } from '../src/js/core/localTime.js';
import { LANGUAGES, MESSAGES } from '../src/js/core/messages.js';
import { parseScenarios } from '../src/js/core/Scenarios.js';
import { Translator } from '../src/js/core/Translator.js';
import { sameOrigin, withoutQuery, withQuery } from '../src/js/core/urls.js';
import { ViewerState } from '../src/js/core/ViewerState.js';

const layer = (id, extra = {}) => ({ id, title: { vi: `${id} vi`, en: `${id} en` }, links: [], ...extra });

test('every language has exactly the same message keys, none empty', () => {
  const [first, ...others] = LANGUAGES;
  const keys = Object.keys(MESSAGES[first]).sort();
  for (const language of others) {
    assert.deepEqual(Object.keys(MESSAGES[language]).sort(), keys, language);
  }
  for (const language of LANGUAGES) {
    for (const [key, text] of Object.entries(MESSAGES[language])) {
      assert.ok(text.length > 0, `${language}.${key}`);
    }
  }
  for (const field of BUILDING_FIELDS) {
    assert.ok(`field.${field}` in MESSAGES.vi, field);
  }
});

test('the translator fills placeholders, switches language, and throws on unknown keys and languages', () => {
  const t = new Translator(MESSAGES, 'vi');
  const seen = [];
  t.onChange((language) => seen.push(language));
  assert.equal(t.t('building', { id: 7 }), 'Công trình #7');
  t.setLanguage('en');
  t.setLanguage('en');
  assert.deepEqual(seen, ['en']);
  assert.equal(t.t('building', { id: 7 }), 'Building #7');
  assert.equal(t.t('metres', {}), '{value} m');
  assert.throws(() => t.t('no.such.key'), /no\.such\.key/);
  assert.throws(() => t.setLanguage('fr'), /fr/);
  assert.throws(() => new Translator(MESSAGES, 'de'), /de/);
  assert.equal(t.pick({ vi: 'Mặt nước', en: 'Water' }), 'Water');
  assert.equal(t.pick({ vi: 'Chỉ tiếng Việt' }), 'Chỉ tiếng Việt');
  assert.equal(t.pick('plain'), 'plain');
  assert.equal(t.pick(null), '');
});

test('the catalogue draws layers with a 3dtiles link in 3D and every other layer through the WMS', () => {
  const catalog = Catalog.fromJson({
    layers: [
      layer('water', { group: 'basemap', bbox: [107.0, 10.3, 107.2, 10.5] }),
      layer('buildings', { group: 'basemap', heightField: 'height', bbox: [107.05, 10.32, 107.1, 10.4],
        links: [{ rel: '3dtiles', href: 'http://x/3dtiles/buildings/tileset.json' }] }),
      layer('parcels', { group: 'basemap', heightField: 'height' }),
      layer('schools', { group: null, links: [{ rel: 'wms', href: 'http://x/wms?service=WMS' }] }),
    ],
  });
  assert.deepEqual(catalog.overlays().map((l) => l.id), ['water', 'parcels', 'schools']);
  assert.deepEqual(catalog.tilesets().map((l) => l.id), ['buildings']);
  assert.deepEqual(catalog.layers.filter((l) => l.visibleByDefault).map((l) => l.id), ['water', 'buildings']);
  assert.equal(catalog.find('buildings').tilesetHref, 'http://x/3dtiles/buildings/tileset.json');
  assert.equal(catalog.find('water').tilesetHref, null);
  assert.equal(catalog.wmsHref(), 'http://x/wms');
  assert.deepEqual(catalog.extentDeg(), [107.0, 10.3, 107.2, 10.5]);
  assert.equal(catalog.find('buildings').style3dHref, '/styles/buildings-3d.json');
  assert.equal(catalog.find('nope'), undefined);
});

test('a catalogue without WMS links, extents or styles links falls back', () => {
  const catalog = Catalog.fromJson({ layers: [layer('a', { defaultStyle: 'a style', bbox: null }),
    layer('b', { links: [{ rel: 'style', href: 'http://x/styles/b-3d.json' }, { rel: 'bad' }] })] });
  assert.equal(catalog.wmsHref(), null);
  assert.equal(catalog.extentDeg(), null);
  assert.equal(catalog.find('a').style3dHref, '/styles/a%20style-3d.json');
  assert.equal(catalog.find('b').style3dHref, 'http://x/styles/b-3d.json');
  assert.equal(catalog.find('b').links.length, 1);
  assert.deepEqual(Catalog.fromJson({ layers: [] }).layers, []);
});

test('a malformed catalogue is a DataError naming its source', () => {
  assert.throws(() => Catalog.fromJson({}, '/api/layers'), (e) => e instanceof DataError && /\/api\/layers/.test(e.message));
  assert.throws(() => Catalog.fromJson(null), DataError);
  assert.throws(() => Catalog.fromJson({ layers: [{ title: { vi: 'x' } }] }), /#0 has no id/);
  assert.throws(() => Catalog.fromJson({ layers: [{ id: 'x' }] }), /x has no title/);
});

test('links to another origin are re-rooted on the page origin; query parameters are set and removed', () => {
  assert.equal(sameOrigin('http://localhost:8080/api/x?a=1', 'http://127.0.0.1:9000'), 'http://127.0.0.1:9000/api/x?a=1');
  assert.equal(sameOrigin('/wms', 'http://127.0.0.1:9000'), 'http://127.0.0.1:9000/wms');
  assert.equal(sameOrigin('http://127.0.0.1:9000/a', 'http://127.0.0.1:9000'), 'http://127.0.0.1:9000/a');
  assert.equal(withQuery('http://h/t.json?x=1', { scenario: 5 }), 'http://h/t.json?x=1&scenario=5');
  assert.equal(withQuery('http://h/t.json?scenario=5', { scenario: null }), 'http://h/t.json');
  assert.equal(withQuery('http://h/t.json?scenario=5', { scenario: '7' }), 'http://h/t.json?scenario=7');
  assert.equal(withoutQuery('http://h/wms?service=WMS#x'), 'http://h/wms');
});

test('scenarios are read from an array or an object, ids become strings, bad entries are DataErrors', () => {
  assert.deepEqual(parseScenarios([{ id: 3, name: 'Lấn biển', status: 'draft' }]),
    [{ id: '3', name: 'Lấn biển', status: 'draft' }]);
  assert.deepEqual(parseScenarios({ scenarios: [{ id: 'a' }] }), [{ id: 'a', name: '#a', status: null }]);
  assert.deepEqual(parseScenarios({ items: [] }), []);
  assert.throws(() => parseScenarios({ nope: 1 }, '/api/scenarios'), DataError);
  assert.throws(() => parseScenarios([{ name: 'no id' }]), /#0 has no id/);
});

test('local civil time converts to UTC (Việt Nam is UTC+7 all year)', () => {
  assert.equal(localTimeToUtc('2025-06-21', 12, 7).toISOString(), '2025-06-21T05:00:00.000Z');
  assert.equal(localTimeToUtc('2025-01-01', 3.5, 7).toISOString(), '2024-12-31T20:30:00.000Z');
  assert.equal(localTimeToUtc('2025-01-01', 24, 7).toISOString(), '2025-01-01T17:00:00.000Z');
  assert.throws(() => localTimeToUtc('2025-1-1', 3, 7), RangeError);
  assert.throws(() => localTimeToUtc('2025-01-01', 25, 7), RangeError);
  assert.throws(() => localTimeToUtc('2025-01-01', Number.NaN, 7), RangeError);
  assert.equal(formatHour(7.5), '07:30');
  assert.equal(formatHour(15.25), '15:15');
  assert.equal(localDateIso(new Date('2025-01-01T18:00:00Z'), 7), '2025-01-02');
});

test('building info: labels and values per language, unknowns shown as a dash, BigInt ids made plain', () => {
  const t = new Translator(MESSAGES, 'vi');
  const props = { id: plainValue(42n), name: 'Khách sạn Rạch Dừa', use_type: 'hotel', levels: 10, height: 33,
    ward: 'Phường Vũng Tàu', year_built: 0, scenario_status: 'add' };
  const vi = describeBuilding(props, t);
  assert.equal(vi.title, 'Công trình #42');
  const value = (d, field) => d.rows.find((r) => r.field === field).value;
  assert.equal(value(vi, 'use_type'), 'Khách sạn');
  assert.equal(value(vi, 'height'), '33.0 m');
  assert.equal(value(vi, 'year_built'), '—');
  assert.equal(value(vi, 'scenario_status'), 'Xây mới');
  assert.deepEqual(vi.rows.map((r) => r.field), BUILDING_FIELDS);
  t.setLanguage('en');
  const en = describeBuilding({ ...props, use_type: 'lighthouse', name: '' }, t);
  assert.equal(en.rows[0].label, 'Name');
  assert.equal(value(en, 'name'), '—');
  assert.equal(value(en, 'use_type'), 'lighthouse');
  assert.equal(plainValue(2n ** 60n), '1152921504606846976');
  assert.equal(plainValue('x'), 'x');
});

test('viewer state keeps notices and errors apart, bounded', () => {
  const state = new ViewerState();
  const heard = [];
  state.onNotice((n) => heard.push(n.key));
  state.notify('warning', 'error.wms', 404);
  for (let i = 0; i < 60; i++) {
    state.recordError('error', `boom ${i}`);
  }
  assert.deepEqual(heard, ['error.wms']);
  assert.equal(state.notices[0].detail, '404');
  assert.equal(state.errors.length, 50);
  assert.equal(state.errors.at(-1).message, 'boom 59');
  assert.doesNotThrow(() => JSON.stringify(state));
});

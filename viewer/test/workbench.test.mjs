// Unit tests of the planning workbench's pure modules (core/: footprints, edits, server errors, indicator tables,
// simulation parameters, result colours, the shareable view). No DOM, no Cesium; run with `node --test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addBuilding, buildingProperties, deleteBuilding, latestEdit, modifyBuilding } from '../src/js/core/buildingEdits.js';
import { distinctPoints, footprintPolygon, movedTo, signedArea } from '../src/js/core/footprint.js';
import { comparisonRows, formatRelative, formatValue, indicatorRows, indicatorScopes } from '../src/js/core/indicatorTable.js';
import { MESSAGES } from '../src/js/core/messages.js';
import { isochroneColour, legendOf, sunHoursColour, WATER } from '../src/js/core/resultStyle.js';
import { describeServerError } from '../src/js/core/serverErrors.js';
import { readView, writeView } from '../src/js/core/shareState.js';
import { accessibilityParams, floodParams, shadowParams, squareAround } from '../src/js/core/simulationParams.js';

test('a double-click repeats a corner: repeats and a closing point are dropped', () => {
  const pts = [[107.1, 10.3], [107.2, 10.3], [107.2, 10.4], [107.2, 10.4], [107.1, 10.3]];
  assert.deepEqual(distinctPoints(pts), [[107.1, 10.3], [107.2, 10.3], [107.2, 10.4]]);
  assert.deepEqual(distinctPoints([[1, 1], [1 + 5e-8, 1]]), [[1, 1]]);
});

test('a footprint is a closed counter-clockwise ring whatever the drawing direction', () => {
  const clockwise = [[0, 0], [0, 1], [1, 1], [1, 0]];
  const polygon = footprintPolygon(clockwise);
  const ring = polygon.coordinates[0];
  assert.equal(polygon.type, 'Polygon');
  assert.equal(ring.length, 5);
  assert.deepEqual(ring[0], ring[4]);
  assert.ok(signedArea(ring.slice(0, 4)) > 0);
  assert.deepEqual(footprintPolygon([[0, 0], [1, 0], [1, 1]]).coordinates[0], [[0, 0], [1, 0], [1, 1], [0, 0]]);
});

test('fewer than three distinct corners is not a footprint', () => {
  assert.throws(() => footprintPolygon([[0, 0], [1, 1], [1, 1]]), RangeError);
  assert.throws(() => footprintPolygon([]), RangeError);
});

test('a moved footprint keeps its shape and centres its bounding box on the target', () => {
  const polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]] };
  assert.deepEqual(movedTo(polygon, 10, 20), { type: 'Polygon',
    coordinates: [[[9, 19.5], [11, 19.5], [11, 20.5], [9, 20.5], [9, 19.5]]] });
  const multi = { type: 'MultiPolygon', coordinates: [polygon.coordinates, [[[4, 0], [5, 0], [5, 1], [4, 0]]]] };
  const moved = movedTo(multi, 2.5, 0.5);
  assert.equal(moved.type, 'MultiPolygon');
  assert.deepEqual(moved.coordinates[1][0][0], [4, 0]);
  assert.deepEqual(multi.coordinates[0][0][0], [0, 0], 'the input is not changed');
  assert.throws(() => movedTo({ type: 'Point', coordinates: [0, 0] }, 1, 1), TypeError);
});

test('form values become edit properties: blanks left out, numbers as numbers, junk kept for the server', () => {
  assert.deepEqual(buildingProperties({ name: '  Tháp  ', use_type: 'office', levels: '12', height: '45.5' }),
    { name: 'Tháp', use_type: 'office', levels: 12, height: 45.5 });
  assert.deepEqual(buildingProperties({ name: '', use_type: '', levels: '', height: ' ' }), {});
  assert.deepEqual(buildingProperties({ levels: 'abc' }), { levels: 'abc' });
});

test('edits have the planning API shape', () => {
  const polygon = footprintPolygon([[0, 0], [1, 0], [1, 1]]);
  assert.deepEqual(addBuilding(polygon, { levels: 3 }),
    { type: 'Feature', layer: 'buildings', op: 'add', geometry: polygon, properties: { levels: 3 } });
  assert.deepEqual(modifyBuilding('42', { levels: 6 }),
    { type: 'Feature', layer: 'buildings', op: 'modify', id: 42, properties: { levels: 6 } });
  assert.equal(deleteBuilding(7).op, 'delete');
  assert.equal(deleteBuilding(7).id, 7);
  assert.throws(() => deleteBuilding('x'), RangeError);
  assert.throws(() => modifyBuilding(0, {}), RangeError);
});

test('undo takes the latest edit by time, then by id', () => {
  assert.equal(latestEdit({ features: [] }), null);
  assert.equal(latestEdit(null), null);
  const edits = { features: [
    { id: 5, layer: 'buildings', op: 'add', updated: '2026-12-07T10:00:00Z' },
    { id: 9, layer: 'buildings', op: 'delete', updated: '2026-12-07T10:05:00Z' },
    { id: 3, layer: 'schools', op: 'modify', updated: '2026-12-07T10:05:00Z' },
  ] };
  assert.deepEqual(latestEdit(edits), { layer: 'buildings', id: 9, op: 'delete' });
});

test('server errors point at the form field and have a message in both languages', () => {
  const cases = [
    [{ locator: 'properties.levels', status: 400, description: 'Property levels breaks CHECK' }, 'levels', 'formError.levels'],
    [{ locator: 'features[2].properties.height', status: 400 }, 'height', 'formError.height'],
    [{ locator: 'properties.colour', status: 400 }, null, 'formError.property'],
    [{ locator: 'geometry', status: 400, description: 'The geometry is not inside the city' }, 'geometry', 'formError.outside'],
    [{ locator: 'geometry', status: 400, description: 'Invalid geometry: Self-intersection' }, 'geometry', 'formError.geometry'],
    [{ locator: null, status: 409, description: 'approved' }, null, 'formError.conflict'],
    [{ locator: 'id', status: 404 }, null, 'formError.notFound'],
    [{ locator: 'name', status: 400 }, 'name', 'formError.name'],
    [{}, null, 'formError.other'],
  ];
  for (const [error, field, key] of cases) {
    const described = describeServerError(error);
    assert.equal(described.field, field, JSON.stringify(error));
    assert.equal(described.key, key, JSON.stringify(error));
    assert.ok(MESSAGES.vi[key] && MESSAGES.en[key], key);
  }
  assert.equal(describeServerError({ description: 'x' }).detail, 'x');
});

test('numbers are written the way each language writes them', () => {
  assert.equal(formatValue(1234.56, 'm²', 'en'), '1,235');
  assert.equal(formatValue(1234.56, 'm²', 'vi'), '1.235');
  assert.equal(formatValue(0.456, 'ratio', 'vi'), '0,46');
  assert.equal(formatValue(null, 'ratio', 'en'), '—');
  assert.equal(formatRelative(0.125, 'en'), '+12.5 %');
  assert.equal(formatRelative(-0.5, 'vi'), '-50 %');
  assert.equal(formatRelative(null, 'en'), '');
});

test('indicator rows, scopes and comparison rows', () => {
  const answer = {
    indicators: [{ id: 'buildings', value: 4, unit: 'buildings', label: { vi: 'Số công trình', en: 'Buildings' } }],
    units: [{ id: '1', attributes: { name: 'Phường Thắng Tam' },
      indicators: [{ id: 'buildings', value: 3, unit: 'buildings', label: { vi: 'Số công trình', en: 'Buildings' } }] }],
  };
  assert.deepEqual(indicatorScopes(answer, 'City').map((s) => [s.key, s.name]), [['city', 'City'], ['1', 'Phường Thắng Tam']]);
  assert.deepEqual(indicatorRows(answer.indicators, 'en'), [{ id: 'buildings', label: 'Buildings', value: '4', unit: 'buildings' }]);
  const rows = comparisonRows({ indicators: [
    { id: 'buildings', unit: 'buildings', label: { vi: 'Số công trình', en: 'Buildings' }, a: 4, b: 3, difference: 1,
      relativeDifference: 1 / 3, changed: true },
    { id: 'land_area', unit: 'm²', label: { en: 'Land' }, a: 10, b: 10, difference: 0, relativeDifference: 0, changed: false },
  ] }, 'vi');
  assert.deepEqual(rows[0], { id: 'buildings', label: 'Số công trình', unit: 'buildings', a: '4', b: '3',
    difference: '+1', relative: '+33,3 %', changed: true });
  assert.equal(rows[1].label, 'Land');
  assert.equal(rows[1].difference, '');
  assert.equal(rows[1].changed, false);
});

test('simulation parameters are checked against the documented ranges', () => {
  assert.deepEqual(floodParams({ seaLevelRise: '0.5', surge: '1' }), { seaLevelRise: 0.5, surge: 1 });
  assert.throws(() => floodParams({ seaLevelRise: '6', surge: '0' }), { message: 'seaLevelRise' });
  assert.throws(() => floodParams({ seaLevelRise: '0', surge: '-1' }), { message: 'surge' });
  assert.throws(() => floodParams({ seaLevelRise: '', surge: '0' }), { message: 'seaLevelRise' });
  const area = squareAround(107.08, 10.35, 600);
  assert.deepEqual(shadowParams({ date: '2026-06-21', from: '07:00', to: '17:00', area }),
    { date: '2026-06-21', from: '07:00', to: '17:00', area });
  assert.throws(() => shadowParams({ date: '21/06/2026', area }), { message: 'date' });
  assert.throws(() => shadowParams({ date: '2026-06-21', from: '17:00', to: '07:00', area }), { message: 'to' });
  assert.deepEqual(accessibilityParams({ facility: 'schools', distanceM: '800' }),
    { facilities: ['schools'], mode: 'walk', minutes: [10] });
  assert.throws(() => accessibilityParams({ facility: 'parks', distanceM: '800' }), { message: 'facilities' });
  assert.throws(() => accessibilityParams({ facility: 'schools', distanceM: '50' }), { message: 'distanceM' });
});

test('the shadow study area is a square of the asked side under the 2 km² limit', () => {
  const [ring] = squareAround(107.08, 10.35, 600).coordinates;
  const heightM = (ring[2][1] - ring[0][1]) * 111320;
  const widthM = (ring[1][0] - ring[0][0]) * 111320 * Math.cos((10.35 * Math.PI) / 180);
  assert.ok(Math.abs(heightM - 600) < 1e-6 && Math.abs(widthM - 600) < 1e-6);
  assert.deepEqual(ring[0], ring[4]);
});

test('result colours and legends', () => {
  assert.equal(sunHoursColour(0, 10), 'rgba(40, 40, 140, 0.85)');
  assert.equal(sunHoursColour(10, 10), 'rgba(220, 40, 30, 0.85)');
  assert.equal(sunHoursColour(99, 10), 'rgba(220, 40, 30, 0.85)');
  assert.equal(sunHoursColour(5, 10), 'rgba(250, 220, 60, 0.85)');
  assert.notEqual(isochroneColour(5), isochroneColour(15));
  assert.deepEqual(legendOf('flood', { waterLevelM: 2.1 }), [{ colour: WATER, key: 'legend.flooded', params: { level: 2.1 } }]);
  assert.equal(legendOf('shadow', { sunHours: { possibleHours: 10 } }).length, 3);
  assert.deepEqual(legendOf('accessibility', { classes: [{ thresholds: [{ minutes: 5 }, { minutes: 10 }] }] })
    .map((e) => e.params.minutes), [5, 10]);
  for (const kind of ['flood', 'shadow', 'accessibility']) {
    for (const { key } of legendOf(kind, {})) {
      assert.ok(MESSAGES.vi[key] && MESSAGES.en[key], key);
    }
  }
});

test('the shared view survives a round trip through the URL; malformed parts are dropped', () => {
  const params = new URLSearchParams('lite=1');
  writeView(params, { camera: { lonDeg: 107.0835, latDeg: 10.3485, heightM: 512.34, headingDeg: 30, pitchDeg: -40 },
    scenario: '12', layers: ['water', 'buildings'], language: 'en', panels: ['indicators'] });
  assert.equal(params.get('lite'), '1');
  assert.deepEqual(readView(params), { camera: { lonDeg: 107.0835, latDeg: 10.3485, heightM: 512.3, headingDeg: 30,
    pitchDeg: -40 }, scenario: '12', layers: ['water', 'buildings'], language: 'en', panels: ['indicators'] });
  writeView(params, { scenario: null, panels: [] });
  assert.equal(params.has('scenario'), false);
  assert.equal(params.has('panels'), false);
  assert.deepEqual(readView(new URLSearchParams('cam=1,2,x,4,5&layers=')), { layers: [] });
  assert.deepEqual(readView(new URLSearchParams('cam=200,2,3,4,5')), {});
});

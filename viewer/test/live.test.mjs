// Unit tests of the live city's pure modules: station statuses and colours, alert merging, series ranges and the
// chart's scaling.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flashingThings, MAX_ALERTS, mergeAlert, needsAttention, sortAlerts } from '../src/js/core/alertList.js';
import { localDateTimeText } from '../src/js/core/localTime.js';
import {
  LiveStations, normalStatus, STATUS_COLOURS, statusColour, worstStatus,
} from '../src/js/core/liveStations.js';
import { chartGeometry, formatValue, niceTicks, seriesQuery } from '../src/js/core/seriesChart.js';

const feature = (thing, datastream, props = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [107.08 + thing / 100, 10.35] },
  properties: { thing_id: thing, datastream_id: datastream, station: `Trạm ${thing}`, station_code: `S${thing}`,
    name: `ds ${datastream}`, observed_property: 'PM2.5', unit: 'ug/m3', value: 10, value_text: null,
    observed_at: '2026-12-07T01:00:00Z', status: 'ok', ...props },
});

test('a station shows its worst datastream status; unknown statuses count as ok', () => {
  assert.equal(worstStatus(['ok', 'warning', 'stale']), 'warning');
  assert.equal(worstStatus(['ok', 'alarm', 'warning']), 'alarm');
  assert.equal(worstStatus(['ok', 'stale']), 'stale');
  assert.equal(worstStatus(['no_data', 'ok']), 'ok');
  assert.equal(worstStatus(['no_data']), 'no_data');
  assert.equal(worstStatus([]), 'no_data');
  assert.equal(worstStatus([undefined, 'ok']), 'ok');
  assert.equal(normalStatus(undefined), 'ok');
  assert.equal(normalStatus('alarm'), 'alarm');
  assert.equal(statusColour('alarm'), STATUS_COLOURS.alarm);
  assert.equal(statusColour('nonsense'), STATUS_COLOURS.ok);
  assert.equal(new Set(Object.values(STATUS_COLOURS)).size, 5, 'every status has its own colour');
});

test('stations are grouped by Thing from the sensor_latest features', () => {
  const model = LiveStations.fromFeatures([feature(1, 11), feature(1, 12, { status: 'warning', value: 60 }),
    feature(2, 21, { status: 'no_data', value: null, observed_at: null }), { geometry: null, properties: {} }]);
  assert.deepEqual([...model.stations.keys()], ['1', '2']);
  assert.equal(model.statusOf('1'), 'warning');
  assert.equal(model.statusOf('2'), 'no_data');
  assert.equal(model.statusOf('99'), 'no_data');
  assert.equal(model.stations.get('1').datastreams.size, 2);
  assert.equal(model.stationOfDatastream(21).id, '2');
  assert.deepEqual(model.summary()['1'], { name: 'Trạm 1', code: 'S1', lon: 107.09, lat: 10.35, status: 'warning' });
  assert.deepEqual(model.list().map((s) => s.id), ['1', '2']);
});

test('a live observation recolours its station; older readings and unknown datastreams change nothing', () => {
  const model = LiveStations.fromFeatures([feature(1, 11), feature(2, 21)]);
  assert.equal(model.applyObservation({ type: 'observation', datastream: 11, result: 95,
    phenomenonTime: '2026-12-07T02:00:00Z', status: 'alarm' }), '1');
  assert.equal(model.statusOf('1'), 'alarm');
  assert.equal(model.stations.get('1').datastreams.get('11').value, 95);
  assert.equal(model.applyObservation({ datastream: 11, result: 5, phenomenonTime: '2026-12-07T00:00:00Z',
    status: 'ok' }), null, 'older than the one held');
  assert.equal(model.statusOf('1'), 'alarm');
  assert.equal(model.applyObservation({ datastream: 999, result: 1, phenomenonTime: '2026-12-07T03:00:00Z' }), null);
  // An interval's end is its time; no status (no rules) is ok; a text result is kept as text.
  assert.equal(model.applyObservation({ datastream: 11, result: 'n/a',
    phenomenonTime: '2026-12-07T02:00:00Z/2026-12-07T02:05:00Z' }), '1');
  const ds = model.stations.get('1').datastreams.get('11');
  assert.deepEqual([ds.value, ds.valueText, ds.observedAt, ds.status], [null, '"n/a"', '2026-12-07T02:05:00Z', 'ok']);
});

test('a raised alert sets its datastream level (stale included); cleared ones leave it to the readings', () => {
  const model = LiveStations.fromFeatures([feature(1, 11)]);
  assert.equal(model.applyAlert({ event: 'raised', datastream: 11, level: 'stale' }), '1');
  assert.equal(model.statusOf('1'), 'stale');
  model.applyAlert({ event: 'cleared', datastream: 11, level: 'stale' });
  assert.equal(model.statusOf('1'), 'stale');
  assert.equal(model.applyAlert({ event: 'raised', datastream: 5, level: 'alarm' }), null);
});

test('alerts merge by id, newest first, capped; acknowledged and cleared ones stop needing attention', () => {
  const a1 = { id: 1, thing: 7, level: 'warning', raisedAt: '2026-12-07T01:00:00Z', clearedAt: null, acknowledgedAt: null };
  const a2 = { id: 2, thing: 8, level: 'alarm', raisedAt: '2026-12-07T02:00:00Z', clearedAt: null, acknowledgedAt: null };
  let list = mergeAlert([], a1);
  list = mergeAlert(list, { ...a2, event: 'raised' });
  assert.deepEqual(list.map((a) => a.id), [2, 1]);
  assert.equal('event' in list[0], false);
  assert.deepEqual([...flashingThings(list)].sort(), ['7', '8']);
  list = mergeAlert(list, { ...a2, event: 'acknowledged', acknowledgedAt: '2026-12-07T02:01:00Z' });
  assert.deepEqual(list.map((a) => a.id), [2, 1]);
  assert.equal(needsAttention(list[0]), false);
  assert.deepEqual([...flashingThings(list)], ['7']);
  list = mergeAlert(list, { ...a1, event: 'cleared', clearedAt: '2026-12-07T03:00:00Z' });
  assert.deepEqual([...flashingThings(list)], []);
  const many = Array.from({ length: MAX_ALERTS + 5 }, (_, i) => ({ id: i, raisedAt: '2026-12-07T01:00:00Z' }));
  const sorted = sortAlerts(many);
  assert.equal(sorted.length, MAX_ALERTS);
  assert.equal(sorted[0].id, MAX_ALERTS + 4, 'same time: higher id first');
});

test('series ranges end at the next whole minute and ask for a step that keeps the chart small', () => {
  const now = new Date('2026-12-07T10:15:42.500Z');
  assert.deepEqual(seriesQuery('6h', now), { from: '2026-12-07T04:16:00.000Z', to: '2026-12-07T10:16:00.000Z', step: '10m' });
  assert.deepEqual(seriesQuery('24h', now).from, '2026-12-06T10:16:00.000Z');
  assert.deepEqual(seriesQuery('7d', now), { from: '2026-11-30T10:16:00.000Z', to: '2026-12-07T10:16:00.000Z', step: '3h' });
  assert.throws(() => seriesQuery('1y', now), /unknown range/);
});

test('nice ticks cover the values with round steps', () => {
  assert.deepEqual(niceTicks(0, 10, 4), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(niceTicks(0, 10, 2), [0, 5, 10]);
  assert.deepEqual(niceTicks(12, 95, 4), [0, 20, 40, 60, 80, 100]);
  assert.deepEqual(niceTicks(1.52, 1.97, 4), [1.5, 1.6, 1.7, 1.8, 1.9, 2]);
  assert.deepEqual(niceTicks(-3, 4, 3), [-4, -2, 0, 2, 4]);
  const flat = niceTicks(5, 5);
  assert.ok(flat[0] < 5 && flat[flat.length - 1] > 5, 'a flat series still gets a span');
  assert.deepEqual(niceTicks(NaN, 1), []);
});

test('the chart puts buckets at their middle in time and their value on the ticks scale, y down', () => {
  const range = { from: '2026-12-07T00:00:00Z', to: '2026-12-07T04:00:00Z', stepSeconds: 3600 };
  const box = { width: 400, height: 120, left: 0, right: 0, top: 10, bottom: 10 };
  const g = chartGeometry([
    { time: '2026-12-07T00:00:00Z', avg: 0, min: 0, max: 0 },
    { time: '2026-12-07T01:00:00Z', avg: 10, min: 5, max: 10 },
    { time: '2026-12-07T02:00:00Z', count: 3 },
    { time: '2026-12-07T03:00:00Z', avg: 5 },
  ], range, box);
  assert.deepEqual(g.points.map((p) => [p.x, p.y]), [[50, 110], [150, 10], [350, 60]]);
  assert.deepEqual(g.ticks.map((t) => t.value), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(g.ticks.map((t) => t.y), [110, 90, 70, 50, 30, 10]);
  assert.equal(g.line, 'M50,110L150,10L350,60');
  assert.ok(g.band.startsWith('M50,110L150,10L350,60L350,60L150,60L50,110'), g.band);
  // More than two steps apart: the line breaks.
  const gap = chartGeometry([{ time: '2026-12-07T00:00:00Z', avg: 1 }, { time: '2026-12-07T03:00:00Z', avg: 2 }],
    range, box);
  assert.equal(gap.line.match(/M/g).length, 2);
  assert.deepEqual(chartGeometry([], range, box).points, []);
});

test('values and local times are written compactly', () => {
  assert.equal(formatValue(95), '95');
  assert.equal(formatValue(1.23456), '1.235');
  assert.equal(formatValue(0.5), '0.5');
  assert.equal(localDateTimeText('2026-12-07T17:30:00Z', 7), '08/12 00:30');
  assert.equal(localDateTimeText('nonsense', 7), '—');
});

test('the replay reads a datastream status at an instant from its alerts and its first reading', async () => {
  const { statusAt, statusesAt, startMs } = await import('../src/js/core/replay.js');
  const t = (hhmm) => Date.parse(`2026-12-07T${hhmm}:00Z`);
  const alerts = [
    { datastream: 3, level: 'warning', raisedAt: '2026-12-07T02:00:00Z', clearedAt: '2026-12-07T03:00:00Z' },
    { datastream: 3, level: 'alarm', raisedAt: '2026-12-07T03:00:00Z', clearedAt: null },
    { datastream: 4, level: 'stale', raisedAt: '2026-12-07T01:30:00Z', clearedAt: '2026-12-07T01:45:00Z' },
  ];
  const mine = alerts.filter((a) => a.datastream === 3);
  assert.equal(statusAt(t('00:30'), mine, t('01:00')), 'no_data', 'before its first reading');
  assert.equal(statusAt(t('01:00'), mine, t('01:00')), 'ok');
  assert.equal(statusAt(t('02:00'), mine, t('01:00')), 'warning', 'raised at that instant');
  assert.equal(statusAt(t('02:59'), mine, t('01:00')), 'warning');
  assert.equal(statusAt(t('03:00'), mine, t('01:00')), 'alarm', 'cleared and the next raised at once');
  assert.equal(statusAt(t('09:00'), mine, t('01:00')), 'alarm', 'still open');
  assert.equal(statusAt(t('09:00'), [], null), 'no_data');
  const all = statusesAt(t('01:40'), alerts, new Map([['3', t('01:00')], ['4', t('01:00')], ['5', null]]));
  assert.deepEqual([...all], [['3', 'ok'], ['4', 'stale'], ['5', 'no_data']]);
  assert.equal(startMs('2026-12-07T01:00:00Z/2026-12-07T05:00:00Z'), t('01:00'));
  assert.equal(startMs('2026-12-07T01:00:00Z'), t('01:00'));
  assert.equal(startMs(null), null);
  assert.equal(startMs('nonsense'), null);
});

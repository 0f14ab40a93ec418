// The live city: stations on the globe coloured by their latest readings' status, kept current by the /live push,
// the alert list with acknowledgement, and a station's card with its history chart (docs/sensors.md). Wired by
// app.js; everything it shows is also in state.live for tests.
import { flashingThings, mergeAlert, sortAlerts } from './core/alertList.js';
import { UTC_OFFSET_HOURS } from './core/city.js';
import { LiveStations, worstStatus } from './core/liveStations.js';
import { REPLAY_WINDOW_MIN, startMs, statusesAt } from './core/replay.js';
import { seriesQuery } from './core/seriesChart.js';
import { lookAtPoint } from './map/cameraHome.js';
import { StationLayer } from './map/StationLayer.js';
import { LiveFeed } from './services/LiveFeed.js';
import { SensorClient } from './services/SensorClient.js';
import { LivePanel } from './ui/LivePanel.js';
import { ReplayControl } from './ui/ReplayControl.js';
import { StationCard } from './ui/StationCard.js';

/** How far the camera stands from a station it flies to (metres). */
const STATION_VIEW_RANGE_M = 1500;
/** The open chart reloads this long after a new reading of its datastream (readings come in bursts). */
const CHART_REFRESH_MS = 3000;
/** A replay also reads alerts raised this long before its window, so long alerts are not missed (minutes). */
const REPLAY_MARGIN_MIN = 7 * 24 * 60;
/** Phones: the panel covers the globe, so opening a station from it closes it. Keep in step with css/app.css. */
const NARROW_SCREEN = '(max-width: 700px)';

/**
 * Starts the live city. Failures (no sensors on this server, network) go to the status bar; the globe carries on.
 *
 * @param {{state: import('./core/ViewerState.js').ViewerState, translator: object, scene: object, origin: string,
 *   forceSse?: boolean, clicksEnabled?: () => boolean}} context clicksEnabled: false while another tool owns the
 *   globe's clicks
 */
export async function startLive({ state, translator, scene, origin, forceSse = false, clicksEnabled = () => true }) {
  const $ = (id) => document.getElementById(id);
  const client = new SensorClient(origin);
  state.live = { status: 'loading', connection: 'off', stations: {}, alerts: [], events: 0, replay: null,
    card: { station: null, datastream: null, range: null, points: null } };
  let model = new LiveStations();
  let alerts = [];
  /** While replaying: {at (epoch ms), statuses: Map<station id, status>}; null when live. */
  let replay = null;
  /** The alert history and first readings a replay is computed from (read when a replay starts). */
  let history = null;
  let replayRequest = 0;
  const displayStatus = (id) => (replay ? replay.statuses.get(id) ?? 'no_data' : model.statusOf(id));

  const layer = new StationLayer(scene, { onSelect: (id) => openStation(id, false), enabled: clicksEnabled });
  const card = new StationCard($('station-card'), translator, UTC_OFFSET_HOURS, {
    onChart: (datastream, range) => loadChart(datastream, range),
    onClose: () => {
      panel.selectStation(null);
      state.live.card = { station: null, datastream: null, range: null, points: null };
    },
  });
  const panel = new LivePanel({ connection: $('live-connection'), legend: $('live-legend'),
    stations: $('live-station'), alerts: $('alert-list'), badge: $('alert-count'), topButton: $('alert-button') },
  translator, UTC_OFFSET_HOURS, {
    onStation: (id) => openStation(id, true),
    onAcknowledge: (id) => acknowledge(id),
  });

  // The top bar's alert button: opens the panel at the alert list.
  $('alert-button').addEventListener('click', () => {
    if (!$('app').classList.contains('panel-open')) {
      $('panel-toggle').click();
    }
    $('live-section').open = true;
    $('alert-list').scrollIntoView({ block: 'nearest' });
    ($('alert-list').querySelector('button.ack') ?? $('alert-list').querySelector('button'))?.focus();
  });

  const publishStations = () => {
    state.live.stations = model.summary();
    panel.setStations(model.list(), displayStatus);
  };
  const publishAlerts = () => {
    state.live.alerts = alerts.map((a) => ({ id: a.id, thing: a.thing, datastream: a.datastream, level: a.level,
      raisedAt: a.raisedAt, clearedAt: a.clearedAt, acknowledgedAt: a.acknowledgedAt }));
    panel.setAlerts(alerts);
    layer.setFlashing(replay ? [] : flashingThings(alerts));
  };
  const refreshStation = (id) => {
    const station = model.stations.get(id);
    if (!station) {
      return;
    }
    layer.set(id, station.lon, station.lat, displayStatus(id));
    if (card.stationId === id) {
      card.show(station);
    }
  };

  function openStation(id, fly) {
    const station = model.stations.get(id);
    if (!station) {
      return;
    }
    if (fly) {
      // On phones the card covers the lower half: look at a point south of the station so it shows above the card.
      const narrow = window.matchMedia(NARROW_SCREEN).matches;
      const southDeg = narrow ? (STATION_VIEW_RANGE_M * 0.3) / 111320 : 0;
      lookAtPoint(scene.camera, station.lon, station.lat - southDeg, 0, 0, -50, STATION_VIEW_RANGE_M);
      scene.requestRender();
      if (narrow && $('app').classList.contains('panel-open')) {
        $('panel-toggle').click();
      }
    }
    panel.selectStation(id);
    card.show(station, { focus: fly });
    state.live.card = { ...state.live.card, station: id };
  }

  async function loadChart(datastream, range, fresh = false) {
    state.live.card = { ...state.live.card, datastream, range, points: null };
    try {
      const series = await client.series(datastream, seriesQuery(range, new Date()), { fresh });
      const points = card.showSeries(datastream, series);
      if (card.datastreamId === datastream) {
        state.live.card = { ...state.live.card, points };
      }
    } catch (e) {
      card.showSeriesError();
      state.notify('warning', 'error.series', e.message);
    }
  }

  async function acknowledge(id) {
    try {
      const alert = await client.acknowledge(id);
      alerts = mergeAlert(alerts, alert);
    } catch (e) {
      state.notify('error', 'error.ack', e.message);
    }
    publishAlerts();
  }

  // Replay: the markers show each station's status at a past instant (from the alert history); 0 is live.
  new ReplayControl({ slider: $('replay-time'), output: $('replay-text'), live: $('replay-live') }, translator,
    UTC_OFFSET_HOURS, (offsetMinutes) => showReplay(offsetMinutes));

  async function showReplay(offsetMinutes) {
    const request = ++replayRequest;
    if (offsetMinutes === 0) {
      replay = null;
      history = null;
      state.live.replay = null;
    } else {
      const now = Date.now();
      try {
        if (!history) {
          const since = new Date(now - (REPLAY_WINDOW_MIN + REPLAY_MARGIN_MIN) * 60000).toISOString();
          const [list, times] = await Promise.all([client.alertHistory(since), client.datastreamTimes()]);
          history = { alerts: list, firsts: new Map([...times].map(([id, t]) => [id, startMs(t)])) };
        }
      } catch (e) {
        state.notify('warning', 'error.replay', e.message);
        return;
      }
      if (request !== replayRequest) {
        return; // the slider moved on
      }
      const at = now + offsetMinutes * 60000;
      const byDatastream = statusesAt(at, history.alerts, history.firsts);
      replay = { at, statuses: new Map(model.list().map((s) => [s.id,
        worstStatus([...s.datastreams.keys()].map((d) => byDatastream.get(d) ?? 'no_data'))])) };
      state.live.replay = { at: new Date(at).toISOString(), stations: Object.fromEntries(replay.statuses) };
    }
    for (const station of model.stations.values()) {
      layer.set(station.id, station.lon, station.lat, displayStatus(station.id));
    }
    publishStations();
    publishAlerts();
  }

  /** A pending reload of the chart after new readings of its datastream (at most one per CHART_REFRESH_MS). */
  let chartRefresh = null;
  const onEvent = (event) => {
    state.live.events += 1;
    if (event.type === 'observation') {
      const id = model.applyObservation(event);
      if (id !== null) {
        refreshStation(id);
        publishStations();
      }
      if (id !== null && card.stationId === id && card.datastreamId === String(event.datastream)) {
        chartRefresh ??= setTimeout(() => {
          chartRefresh = null;
          if (card.datastreamId !== null) {
            loadChart(card.datastreamId, card.range, true);
          }
        }, CHART_REFRESH_MS);
      }
    } else if (event.type === 'alert') {
      const id = model.applyAlert(event);
      alerts = mergeAlert(alerts, event);
      publishAlerts();
      if (id !== null) {
        refreshStation(id);
        publishStations();
      }
      if (event.event === 'raised' && event.level !== 'stale') {
        state.notify('warning', 'live.alertRaised', event.message ?? '');
      }
    }
  };

  // Events that arrive while the layer loads are applied after it (an older reading than the layer's is ignored).
  let early = [];
  let loaded = false;
  /** The layer and the alerts, read again after a lost connection (events may have been missed meanwhile). */
  const load = async () => {
    const [features, list] = await Promise.all([client.latestFeatures(), client.alerts()]);
    model = LiveStations.fromFeatures(features);
    alerts = sortAlerts(list);
    for (const station of model.stations.values()) {
      layer.set(station.id, station.lon, station.lat, displayStatus(station.id));
    }
    publishStations();
    publishAlerts();
    const open = card.stationId === null ? null : model.stations.get(card.stationId);
    if (open) {
      card.show(open);
    }
  };
  let lost = false;
  const feed = new LiveFeed(origin, {
    forceSse,
    onEvent: (event) => (loaded ? onEvent(event) : early.push(event)),
    onStatus: (status) => {
      state.live.connection = status;
      panel.setConnection(status);
      if (status === 'retrying') {
        lost = true;
      } else if (lost && loaded && (status === 'websocket' || status === 'sse')) {
        lost = false;
        loaded = false;
        load().catch((e) => state.notify('warning', 'error.live', e.message)).finally(() => {
          loaded = true;
          const pending = early;
          early = [];
          pending.forEach(onEvent);
        });
      }
    },
  });
  feed.start();

  try {
    await load();
    state.live.status = 'ready';
  } catch (e) {
    // 404: this server publishes no sensor_latest layer (no sensors); anything else is a problem worth showing.
    state.live.status = e?.status === 404 ? 'unavailable' : 'error';
    if (state.live.status === 'error') {
      state.notify('warning', 'error.live', e.message);
    }
    panel.setConnection(state.live.status === 'unavailable' ? 'unavailable' : state.live.connection);
    feed.stop();
  }
  loaded = true;
  const pending = early;
  early = [];
  pending.forEach(onEvent);

  return {
    /** Closes the station card (a building was picked: its info card takes the corner). */
    closeCard: () => {
      card.close();
      panel.selectStation(null);
      state.live.card = { station: null, datastream: null, range: null, points: null };
    },
    /** The marker colour of a station as CSS hex, for tests. */
    colourOf: (id) => layer.colourOf(id),
    stationAt: (x, y) => layer.stationAt(x, y),
  };
}

// The live city: stations on the globe coloured by their latest readings' status, kept current by the /live push,
// the alert list with acknowledgement, and a station's card with its history chart (docs/sensors.md). Wired by
// app.js; everything it shows is also in state.live for tests.
import { flashingThings, mergeAlert, sortAlerts } from './core/alertList.js';
import { UTC_OFFSET_HOURS } from './core/city.js';
import { LiveStations } from './core/liveStations.js';
import { seriesQuery } from './core/seriesChart.js';
import { lookAtPoint } from './map/cameraHome.js';
import { StationLayer } from './map/StationLayer.js';
import { LiveFeed } from './services/LiveFeed.js';
import { SensorClient } from './services/SensorClient.js';
import { LivePanel } from './ui/LivePanel.js';
import { StationCard } from './ui/StationCard.js';

/** How far the camera stands from a station it flies to (metres). */
const STATION_VIEW_RANGE_M = 1500;

/**
 * Starts the live city. Failures (no sensors on this server, network) go to the status bar; the globe carries on.
 *
 * @param {{state: import('./core/ViewerState.js').ViewerState, translator: object, scene: object, origin: string,
 *   forceSse?: boolean}} context
 */
export async function startLive({ state, translator, scene, origin, forceSse = false }) {
  const $ = (id) => document.getElementById(id);
  const client = new SensorClient(origin);
  state.live = { status: 'loading', connection: 'off', stations: {}, alerts: [], events: 0,
    card: { station: null, datastream: null, range: null, points: null } };
  let model = new LiveStations();
  let alerts = [];

  const layer = new StationLayer(scene, { onSelect: (id) => openStation(id, false) });
  const card = new StationCard($('station-card'), translator, UTC_OFFSET_HOURS, {
    onChart: (datastream, range) => loadChart(datastream, range),
    onClose: () => {
      panel.selectStation(null);
      state.live.card = { station: null, datastream: null, range: null, points: null };
    },
  });
  const panel = new LivePanel({ connection: $('live-connection'), legend: $('live-legend'),
    stations: $('live-station'), alerts: $('alert-list'), badge: $('alert-count') }, translator, UTC_OFFSET_HOURS, {
    onStation: (id) => openStation(id, true),
    onAcknowledge: (id) => acknowledge(id),
  });

  const publishStations = () => {
    state.live.stations = model.summary();
    panel.setStations(model.list(), (id) => model.statusOf(id));
  };
  const publishAlerts = () => {
    state.live.alerts = alerts.map((a) => ({ id: a.id, thing: a.thing, datastream: a.datastream, level: a.level,
      raisedAt: a.raisedAt, clearedAt: a.clearedAt, acknowledgedAt: a.acknowledgedAt }));
    panel.setAlerts(alerts);
    layer.setFlashing(flashingThings(alerts));
  };
  const refreshStation = (id) => {
    const station = model.stations.get(id);
    if (!station) {
      return;
    }
    layer.set(id, station.lon, station.lat, model.statusOf(id));
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
      lookAtPoint(scene.camera, station.lon, station.lat, 0, 0, -50, STATION_VIEW_RANGE_M);
      scene.requestRender();
    }
    panel.selectStation(id);
    card.show(station, { focus: fly });
    state.live.card = { ...state.live.card, station: id };
  }

  async function loadChart(datastream, range) {
    state.live.card = { ...state.live.card, datastream, range, points: null };
    try {
      const series = await client.series(datastream, seriesQuery(range, new Date()));
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

  const onEvent = (event) => {
    state.live.events += 1;
    if (event.type === 'observation') {
      const id = model.applyObservation(event);
      if (id !== null) {
        refreshStation(id);
        publishStations();
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
  const early = [];
  let loaded = false;
  const feed = new LiveFeed(origin, {
    forceSse,
    onEvent: (event) => (loaded ? onEvent(event) : early.push(event)),
    onStatus: (status) => {
      state.live.connection = status;
      panel.setConnection(status);
    },
  });
  feed.start();

  try {
    const [features, list] = await Promise.all([client.latestFeatures(), client.alerts()]);
    model = LiveStations.fromFeatures(features);
    alerts = sortAlerts(list);
    for (const station of model.stations.values()) {
      layer.set(station.id, station.lon, station.lat, model.statusOf(station.id));
    }
    publishStations();
    publishAlerts();
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
  early.splice(0).forEach(onEvent);

  return {
    /** The marker colour of a station as CSS hex, for tests. */
    colourOf: (id) => layer.colourOf(id),
    stationAt: (x, y) => layer.stationAt(x, y),
  };
}

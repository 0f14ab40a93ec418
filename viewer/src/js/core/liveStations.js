// The live city's model: stations (SensorThings Things) with their datastreams' latest values and statuses, built
// from the sensor_latest layer and kept current by /live events. No DOM, no Cesium.

/** Worst first: a station shows the worst status of its datastreams. */
export const STATUS_ORDER = Object.freeze(['alarm', 'warning', 'stale', 'ok', 'no_data']);

/** Marker colours, in step with styles/sensor_latest.sld (red, orange, green, grey) plus slate for no data. */
export const STATUS_COLOURS = Object.freeze({
  alarm: '#e0301e',
  warning: '#ff9900',
  ok: '#2fa84f',
  stale: '#9a9a9a',
  no_data: '#4f6b8a',
});

/** A known status, or 'ok' for an observation of a property without alert rules (the event has no status). */
export function normalStatus(status) {
  return STATUS_ORDER.includes(status) ? status : 'ok';
}

/** The worst of some statuses ('no_data' for none). */
export function worstStatus(statuses) {
  let best = STATUS_ORDER.length - 1;
  for (const s of statuses) {
    best = Math.min(best, STATUS_ORDER.indexOf(normalStatus(s)));
  }
  return STATUS_ORDER[best];
}

/** The CSS colour of a status. */
export function statusColour(status) {
  return STATUS_COLOURS[normalStatus(status)];
}

/**
 * Stations keyed by Thing id (a string), each {id, name, code, lon, lat, datastreams: Map<id, datastream>}, a
 * datastream being {id, name, observedProperty, unit, value, valueText, observedAt, status}.
 */
export class LiveStations {
  constructor() {
    /** @type {Map<string, object>} */
    this.stations = new Map();
    /** @type {Map<string, string>} datastream id → station id */
    this._stationOf = new Map();
  }

  /**
   * From the sensor_latest layer's GeoJSON features (one per datastream).
   * @param {Array<{geometry: {coordinates: number[]}, properties: object}>} features
   */
  static fromFeatures(features) {
    const model = new LiveStations();
    for (const f of features) {
      const p = f.properties ?? {};
      const coordinates = f.geometry?.coordinates;
      if (p.thing_id === undefined || p.thing_id === null || !Array.isArray(coordinates)) {
        continue;
      }
      const key = String(p.thing_id);
      let station = model.stations.get(key);
      if (!station) {
        station = { id: key, name: p.station ?? key, code: p.station_code ?? null, lon: coordinates[0],
          lat: coordinates[1], datastreams: new Map() };
        model.stations.set(key, station);
      }
      const ds = String(p.datastream_id);
      station.datastreams.set(ds, { id: ds, name: p.name ?? ds, observedProperty: p.observed_property ?? '',
        unit: p.unit ?? '', value: p.value ?? null, valueText: p.value_text ?? null,
        observedAt: p.observed_at ?? null, status: p.status ?? 'no_data' });
      model._stationOf.set(ds, key);
    }
    return model;
  }

  /** The station's status: the worst of its datastreams'. */
  statusOf(stationId) {
    const station = this.stations.get(String(stationId));
    return station ? worstStatus([...station.datastreams.values()].map((d) => d.status)) : 'no_data';
  }

  /**
   * Applies a `/live` observation event; an older reading than the one held changes nothing.
   * @returns {string|null} the station id whose data changed, or null (unknown datastream, older reading)
   */
  applyObservation(event) {
    const entry = this._datastream(event.datastream);
    if (!entry) {
      return null;
    }
    const { station, datastream } = entry;
    const time = endOf(event.phenomenonTime);
    if (datastream.observedAt && time && Date.parse(time) < Date.parse(datastream.observedAt)) {
      return null;
    }
    const numeric = typeof event.result === 'number';
    datastream.value = numeric ? event.result : null;
    datastream.valueText = numeric ? null : JSON.stringify(event.result);
    datastream.observedAt = time;
    datastream.status = normalStatus(event.status);
    return station.id;
  }

  /**
   * Applies a `/live` alert event: a raised alert sets its datastream's level (a stale alert is how silence
   * arrives); cleared and acknowledged events leave the status to the readings.
   * @returns {string|null} the station id, or null for an unknown datastream
   */
  applyAlert(event) {
    const entry = this._datastream(event.datastream);
    if (!entry) {
      return null;
    }
    if (event.event === 'raised' && STATUS_ORDER.includes(event.level)) {
      entry.datastream.status = event.level;
    }
    return entry.station.id;
  }

  /** The station holding a datastream id, or null. */
  stationOfDatastream(datastreamId) {
    const key = this._stationOf.get(String(datastreamId));
    return key ? this.stations.get(key) : null;
  }

  /** Stations sorted by name (for the keyboard station list). */
  list() {
    return [...this.stations.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /** Plain JSON for tests and state: {id: {name, code, lon, lat, status}}. */
  summary() {
    const out = {};
    for (const s of this.stations.values()) {
      out[s.id] = { name: s.name, code: s.code, lon: s.lon, lat: s.lat, status: this.statusOf(s.id) };
    }
    return out;
  }

  _datastream(id) {
    const station = this.stationOfDatastream(id);
    const datastream = station?.datastreams.get(String(id));
    return datastream ? { station, datastream } : null;
  }
}

/** The end of an ISO 8601 interval `start/end`, or the instant itself. */
function endOf(time) {
  if (typeof time !== 'string') {
    return null;
  }
  const slash = time.indexOf('/');
  return slash < 0 ? time : time.slice(slash + 1);
}

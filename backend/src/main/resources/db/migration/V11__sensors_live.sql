-- Live sensors, the server side of alerts and the sensor_latest layer (after V10, schema "sensor").

-- Alert thresholds per observed property (lower-case name), written by the server at start from
-- sensors.alerts.rules, so that SQL (the sensor_latest layer) and Java (alert events) judge a value alike.
-- below: low values are bad (value <= warning/alarm), otherwise high values are.
CREATE TABLE sensor.alert_rule (
  observed_property text PRIMARY KEY CHECK (observed_property = lower(observed_property)),
  warning           double precision NOT NULL,
  alarm             double precision NOT NULL,
  below             boolean NOT NULL DEFAULT false
);

-- One row: minutes without data after which a datastream is stale (0: never), from sensors.alerts.stale.minutes.
CREATE TABLE sensor.alert_config (
  singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  stale_minutes integer NOT NULL DEFAULT 15 CHECK (stale_minutes >= 0)
);
INSERT INTO sensor.alert_config DEFAULT VALUES;

-- The status of one reading: 'ok', 'warning' or 'alarm' (null rule or non-numeric value: 'ok').
CREATE FUNCTION sensor.reading_status(value double precision, r sensor.alert_rule) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN value IS NULL OR r.observed_property IS NULL THEN 'ok'
    WHEN (r.below AND value <= r.alarm) OR (NOT r.below AND value >= r.alarm) THEN 'alarm'
    WHEN (r.below AND value <= r.warning) OR (NOT r.below AND value >= r.warning) THEN 'warning'
    ELSE 'ok' END
$$;

-- The current alert level of each datastream ('ok', 'warning', 'alarm', 'stale'), so transitions are detected
-- once whatever node evaluates, and survive restarts. observed_at: phenomenon time of the reading judged.
CREATE TABLE sensor.alert_state (
  datastream_id bigint PRIMARY KEY REFERENCES sensor.datastream (id) ON DELETE CASCADE,
  level         text NOT NULL CHECK (level IN ('ok', 'warning', 'alarm', 'stale')),
  observed_at   timestamptz,
  since         timestamptz NOT NULL DEFAULT now()
);

-- Alert history: one row per entry into 'warning', 'alarm' or 'stale'; cleared_at when the datastream left that
-- level, acknowledged_* when an operator acknowledged it.
CREATE TABLE sensor.alerts (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  datastream_id   bigint NOT NULL REFERENCES sensor.datastream (id) ON DELETE CASCADE,
  level           text NOT NULL CHECK (level IN ('warning', 'alarm', 'stale')),
  value           double precision,
  threshold       double precision,
  observation_id  bigint,
  observed_at     timestamptz,
  raised_at       timestamptz NOT NULL DEFAULT now(),
  cleared_at      timestamptz,
  message         text NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  ack_note        text
);
CREATE INDEX alerts_raised ON sensor.alerts (raised_at DESC, id DESC);
CREATE INDEX alerts_datastream ON sensor.alerts (datastream_id, raised_at DESC);
CREATE INDEX alerts_open ON sensor.alerts (datastream_id) WHERE cleared_at IS NULL;

-- The live layer: one point per datastream at its Thing's (first) Location, with the latest value and its status
-- now. A view in schema city, so the catalog publishes it like every layer (WMS, WFS, MVT, OGC API Features);
-- views carry no data-version trigger — the server bumps this layer's version itself, at most once a second
-- while readings arrive (sensors.live.LatestLayerVersion), so ingest never touches the static layers' versions
-- nor holds the catalog row inside an ingest transaction.
CREATE VIEW city.sensor_latest AS
SELECT d.id                                                    AS datastream_id,
       d.name                                                  AS name,
       t.id                                                    AS thing_id,
       t.name                                                  AS station,
       t.properties ->> 'stationCode'                          AS station_code,
       op.name                                                 AS observed_property,
       d.unit_of_measurement ->> 'symbol'                      AS unit,
       l.result_number                                         AS value,
       CASE WHEN l.result_number IS NULL THEN l.result_json #>> '{}' END AS value_text,
       coalesce(l.phenomenon_time_end, l.phenomenon_time_start) AS observed_at,
       CASE
         WHEN l.datastream_id IS NULL THEN 'no_data'
         WHEN c.stale_minutes > 0 AND coalesce(l.phenomenon_time_end, l.phenomenon_time_start)
              < now() - make_interval(mins => c.stale_minutes) THEN 'stale'
         ELSE sensor.reading_status(l.result_number, r)
       END                                                     AS status,
       loc.geom::geometry(Point, 4326)                         AS geom
FROM sensor.datastream d
JOIN sensor.thing t ON t.id = d.thing_id
JOIN sensor.observed_property op ON op.id = d.observed_property_id
JOIN LATERAL (
  SELECT ST_PointOnSurface(lo.location) AS geom
  FROM sensor.thing_location tl JOIN sensor.location lo ON lo.id = tl.location_id
  WHERE tl.thing_id = t.id AND lo.location IS NOT NULL
  ORDER BY lo.id LIMIT 1) loc ON true
LEFT JOIN sensor.latest l ON l.datastream_id = d.id
LEFT JOIN sensor.alert_rule r ON r.observed_property = lower(op.name)
CROSS JOIN sensor.alert_config c;

INSERT INTO citytwin.catalog (layer_id, title_vi, title_en, abstract_vi, abstract_en, default_style, min_zoom,
                              tile_fields, layer_group, editable, sort_order) VALUES
 ('sensor_latest', 'Số liệu quan trắc mới nhất', 'Latest sensor readings',
  'Giá trị mới nhất của mỗi chuỗi quan trắc và trạng thái (bình thường, cảnh báo, báo động, mất tín hiệu)',
  'Latest value of every datastream with its status (ok, warning, alarm, stale)', 'sensor_latest', 10,
  ARRAY['datastream_id','name','station','observed_property','unit','value','value_text','observed_at','status'],
  NULL, false, 82)
ON CONFLICT (layer_id) DO NOTHING;

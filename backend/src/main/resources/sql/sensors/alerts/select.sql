-- Alerts with what clients filter and show them by: the datastream's property, unit, Thing and position.
-- Callers append a WHERE clause of their own (fixed text, bound values) and ORDER BY / LIMIT.
SELECT a.id, a.datastream_id, a.level, a.value, a.threshold, a.observation_id, a.observed_at, a.raised_at,
       a.cleared_at, a.message, a.acknowledged_at, a.acknowledged_by, a.ack_note,
       d.thing_id, op.name AS observed_property, d.unit_of_measurement ->> 'symbol' AS unit,
       ST_X(ST_PointOnSurface(loc.location)) AS lon, ST_Y(ST_PointOnSurface(loc.location)) AS lat
FROM sensor.alerts a
JOIN sensor.datastream d ON d.id = a.datastream_id
JOIN sensor.observed_property op ON op.id = d.observed_property_id
LEFT JOIN LATERAL (
  SELECT l.location FROM sensor.thing_location tl JOIN sensor.location l ON l.id = tl.location_id
  WHERE tl.thing_id = d.thing_id AND l.location IS NOT NULL ORDER BY l.id LIMIT 1) loc ON true

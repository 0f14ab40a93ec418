-- What live events carry about each datastream: its Thing, observed property, unit symbol and the Thing's
-- location as one lon/lat point (the first Location; a point on the surface of an area). ? = bigint[] of ids.
SELECT d.id,
       d.thing_id,
       op.name                                         AS observed_property,
       coalesce(d.unit_of_measurement ->> 'symbol', '') AS unit,
       ST_X(ST_PointOnSurface(loc.location))            AS lon,
       ST_Y(ST_PointOnSurface(loc.location))            AS lat
FROM sensor.datastream d
JOIN sensor.observed_property op ON op.id = d.observed_property_id
LEFT JOIN LATERAL (
  SELECT l.location FROM sensor.thing_location tl JOIN sensor.location l ON l.id = tl.location_id
  WHERE tl.thing_id = d.thing_id AND l.location IS NOT NULL
  ORDER BY l.id LIMIT 1) loc ON true
WHERE d.id = ANY (?)

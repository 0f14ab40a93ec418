-- Road segments of the scenario's city cut by the flood extent: how many, and the length under water (metres, on
-- the spheroid). Subdivided parts do not overlap, so the lengths of the pieces add up.
WITH extent AS (SELECT ST_Subdivide(ST_SetSRID(ST_GeomFromWKB(?), 4326), 128) AS geom)
SELECT count(DISTINCT r.id), coalesce(sum(ST_Length(ST_Intersection(r.geom, e.geom)::geography)), 0)
FROM {{roads}} r
JOIN extent e ON ST_Intersects(r.geom, e.geom)

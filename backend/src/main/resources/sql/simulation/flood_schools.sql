-- Schools of the scenario's city inside the flood extent.
WITH extent AS (SELECT ST_Subdivide(ST_SetSRID(ST_GeomFromWKB(?), 4326), 128) AS geom)
SELECT DISTINCT ON (f.id) f.id, f.name, f.level
FROM {{schools}} f
JOIN extent e ON ST_Intersects(f.geom, e.geom)
ORDER BY f.id

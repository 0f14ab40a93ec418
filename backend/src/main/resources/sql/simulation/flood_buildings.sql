-- Buildings of the scenario's city whose footprint intersects the flood extent (bound as WKB, EPSG:4326). The
-- extent is subdivided so each intersection test meets a small polygon and the GiST index does the filtering.
WITH extent AS (SELECT ST_Subdivide(ST_SetSRID(ST_GeomFromWKB(?), 4326), 128) AS geom)
SELECT DISTINCT ON (b.id) b.id, b.use_type, b.levels, ST_Area(b.geom::geography)
FROM {{buildings}} b
JOIN extent e ON ST_Intersects(b.geom, e.geom)
ORDER BY b.id

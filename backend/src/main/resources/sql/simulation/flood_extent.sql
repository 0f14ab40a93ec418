-- The exact flood extent (bound as WKB, EPSG:4326) cut into parts of at most 128 vertices, once per run: every
-- exposure query then meets small polygons through a GiST index instead of one polygon of many thousand vertices.
CREATE TEMP TABLE flood_extent ON COMMIT DROP AS
SELECT ST_Subdivide(ST_SetSRID(ST_GeomFromWKB(?), 4326), 128) AS geom

-- Buildings of the scenario's city whose footprint intersects the flood extent (the temporary table of its
-- subdivided parts, see flood_extent.sql).
SELECT DISTINCT ON (b.id) b.id, b.use_type, b.levels, ST_Area(b.geom::geography)
FROM {{buildings}} b
JOIN flood_extent e ON ST_Intersects(b.geom, e.geom)
ORDER BY b.id

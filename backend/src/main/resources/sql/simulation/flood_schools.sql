-- Schools of the scenario's city inside the flood extent.
SELECT DISTINCT ON (f.id) f.id, f.name, f.level
FROM {{schools}} f
JOIN flood_extent e ON ST_Intersects(f.geom, e.geom)
ORDER BY f.id

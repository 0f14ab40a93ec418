-- A run's result geometries as one GeoJSON FeatureCollection (coordinates to 7 decimals, about 1 cm).
SELECT json_build_object(
  'type', 'FeatureCollection',
  'features', coalesce(json_agg(json_build_object(
      'type', 'Feature',
      'id', r.id,
      'geometry', ST_AsGeoJSON(r.geom, 7)::json,
      'properties', r.properties || jsonb_build_object('layer', r.layer)) ORDER BY r.id), '[]'::json)
)::text
FROM planning.simulation_result r
WHERE r.run_id = ? AND (CAST(? AS text) IS NULL OR r.layer = ?)

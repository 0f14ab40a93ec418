-- The straight-line fallback's service area: circles of the distance around the facilities of one class.
-- Bound: distance, layer, class.
SELECT ST_AsBinary(ST_Union(ST_Buffer(f.geom::geography, ?, 'quad_segs=8')::geometry))
FROM acc_fac f WHERE f.layer = ? AND f.cls = ?

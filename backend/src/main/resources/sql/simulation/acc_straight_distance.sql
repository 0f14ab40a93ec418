-- The straight-line fallback: each residential building's distance (metres, spheroid) to the nearest facility of
-- the class, for those within reach. The planar test in degrees (reach ÷ (111 km × cos latitude), generous) lets
-- the index prefilter; the geography test is exact. Bound: reach, layer, class, reach.
SELECT b.bid, b.residents, min(ST_Distance(b.geom::geography, f.geom::geography))
FROM acc_bld b
JOIN acc_fac f ON ST_DWithin(b.geom, f.geom, ? / (111000.0 * cos(radians(least(abs(ST_Y(f.geom)) + 1, 89)))))
WHERE f.layer = ? AND f.cls = ? AND ST_DWithin(b.geom::geography, f.geom::geography, ?)
GROUP BY b.bid, b.residents

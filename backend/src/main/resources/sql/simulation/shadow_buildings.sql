-- Buildings of the scenario's city that may shade the area: within a distance (metres, on the spheroid) of it.
-- The envelope test uses the GiST index; the geography test is exact. Bound: envelope (xmin, ymin, xmax, ymax),
-- area WKB, distance.
SELECT b.id, b.height, ST_AsBinary(b.geom)
FROM {{buildings}} b
WHERE b.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)
  AND ST_DWithin(b.geom::geography, ST_SetSRID(ST_GeomFromWKB(?), 4326)::geography, ?)
ORDER BY b.id

-- Road segments of the scenario's city cut by the flood extent: how many, and the length under water (metres, on
-- the spheroid). The extent's subdivided parts do not overlap, so the lengths of the pieces add up.
SELECT count(DISTINCT r.id), coalesce(sum(ST_Length(ST_Intersection(r.geom, e.geom)::geography)), 0)
FROM {{roads}} r
JOIN flood_extent e ON ST_Intersects(r.geom, e.geom)

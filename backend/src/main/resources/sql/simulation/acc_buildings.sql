-- Buildings of the scenario's city where people live: a point on each footprint and its residents by the
-- planning rule (Residents: share of the use x footprint m2 x levels / m2 per resident), the same rule and the
-- same buildings (non-empty footprints) as the indicators. Bound: m2 per resident, then the uses people live in
-- (lower case) and their shares as parallel arrays; a use's name is only ever a bound value.
CREATE TEMP TABLE acc_bld ON COMMIT DROP AS
SELECT b.id AS bid, ST_PointOnSurface(b.geom) AS geom,
       s.share * ST_Area(b.geom::geography) * b.levels / ? AS residents
FROM {{buildings}} b
JOIN unnest(?::text[], ?::float8[]) AS s(use, share) ON s.use = lower(b.use_type)
WHERE b.geom IS NOT NULL AND NOT ST_IsEmpty(b.geom)

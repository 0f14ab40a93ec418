-- Residential buildings of the scenario's city: a point on each footprint and its residents
-- (footprint m² × levels ÷ m² per person). Bound: m² per person, the residential use_type.
CREATE TEMP TABLE acc_bld ON COMMIT DROP AS
SELECT b.id AS bid, ST_PointOnSurface(b.geom) AS geom,
       ST_Area(b.geom::geography) * greatest(b.levels, 1) / ? AS residents
FROM {{buildings}} b
WHERE lower(b.use_type) = ?

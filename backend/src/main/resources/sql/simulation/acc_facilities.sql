-- Facilities of one layer in the scenario's city, with their class (school level, hospital kind), optionally only
-- some classes. Bound: layer id, classes (text[] or null) twice.
INSERT INTO acc_fac (layer, fid, name, cls, geom)
SELECT ?, f.id, f.name, coalesce(f.cls, 'unknown'), ST_PointOnSurface(f.geom)
FROM {{facilities}} f
WHERE CAST(? AS text[]) IS NULL OR f.cls = ANY (CAST(? AS text[]))

-- Residential buildings snapped to the nearest edge, as the facilities are.
CREATE TEMP TABLE acc_bld_net ON COMMIT DROP AS
SELECT b.*, s.edge, s.frac, s.leg
FROM acc_bld b
CROSS JOIN LATERAL (
  SELECT e.id AS edge, ST_LineLocatePoint(e.geom, b.geom) AS frac,
         ST_Distance(b.geom::geography, e.geom::geography) AS leg
  FROM (SELECT id, geom FROM acc_edges ORDER BY geom <-> b.geom LIMIT 8) e
  ORDER BY 3 LIMIT 1) s

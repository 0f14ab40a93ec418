-- Facilities snapped to the nearest edge: the edge, the fraction along it and the access leg (metres). Nearest by
-- degrees among 8 candidates (index), then by metres on the spheroid. Each facility becomes a virtual vertex
-- (vid) numbered after the junctions.
CREATE TEMP TABLE acc_fac_net ON COMMIT DROP AS
SELECT f.*, s.edge, s.frac, s.leg,
       (SELECT coalesce(max(id), 0) FROM acc_nodes) + row_number() OVER (ORDER BY f.layer, f.fid) AS vid
FROM acc_fac f
CROSS JOIN LATERAL (
  SELECT e.id AS edge, ST_LineLocatePoint(e.geom, f.geom) AS frac,
         ST_Distance(f.geom::geography, e.geom::geography) AS leg
  FROM (SELECT id, geom FROM acc_edges ORDER BY geom <-> f.geom LIMIT 8) e
  ORDER BY 3 LIMIT 1) s

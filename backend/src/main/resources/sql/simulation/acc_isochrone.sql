-- The reached part of the network for one class within one distance: edges reached from either junction, cut
-- where the distance runs out, the reachable pieces of the facilities' own edges and their access legs. Java buffers
-- them into the service-area polygon. Bound: budget ×8, layer, class, budget, layer, class, budget.
WITH pieces AS (
  SELECT CASE WHEN d.cost + e.len <= ? THEN e.geom
              ELSE ST_LineSubstring(e.geom, 0, LEAST(1, (? - d.cost) / e.len)) END AS g
  FROM acc_edges e JOIN acc_dist d ON d.node = e.source WHERE d.cost < ?
  UNION ALL
  SELECT CASE WHEN d.cost + e.len <= ? THEN e.geom
              ELSE ST_LineSubstring(e.geom, GREATEST(0, 1 - (? - d.cost) / e.len), 1) END
  FROM acc_edges e JOIN acc_dist d ON d.node = e.target WHERE d.cost < ?
  UNION ALL
  SELECT ST_LineSubstring(e.geom, GREATEST(0, f.frac - (? - f.leg) / e.len), LEAST(1, f.frac + (? - f.leg) / e.len))
  FROM acc_fac_net f JOIN acc_edges e ON e.id = f.edge
  WHERE f.layer = ? AND f.cls = ? AND f.leg < ?
  UNION ALL
  SELECT ST_MakeLine(f.geom, ST_LineInterpolatePoint(e.geom, f.frac))
  FROM acc_fac_net f JOIN acc_edges e ON e.id = f.edge
  WHERE f.layer = ? AND f.cls = ? AND f.leg < ? AND f.leg > 0
)
SELECT ST_AsBinary(g) FROM pieces WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)

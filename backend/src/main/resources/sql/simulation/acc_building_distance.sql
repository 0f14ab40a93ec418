-- Each residential building's network distance to the nearest facility of the class: the cheaper way into its
-- edge (from the source or the target junction, plus the part of the edge), or straight along the edge when a
-- facility of the class stands on the same edge; plus the building's access leg. Only those within reach.
-- Bound: layer, class, reach.
SELECT b.bid, b.residents, d.dist
FROM acc_bld_net b
JOIN acc_edges e ON e.id = b.edge
LEFT JOIN acc_dist du ON du.node = e.source
LEFT JOIN acc_dist dv ON dv.node = e.target
CROSS JOIN LATERAL (
  SELECT LEAST(du.cost + b.frac * e.len, dv.cost + (1 - b.frac) * e.len,
               (SELECT min(f.leg + abs(f.frac - b.frac) * e.len) FROM acc_fac_net f
                WHERE f.edge = b.edge AND f.layer = ? AND f.cls = ?)) + b.leg AS dist) d
WHERE d.dist <= ?

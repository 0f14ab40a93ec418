-- The virtual edges joining the facilities of one class to both ends of their edge: access leg plus the part of
-- the edge to that end. Bound: layer, class.
INSERT INTO acc_virtual (id, source, target, cost)
SELECT 2 * f.vid, f.vid, e.source, f.leg + f.frac * e.len FROM acc_fac_net f JOIN acc_edges e ON e.id = f.edge
WHERE f.layer = ? AND f.cls = ?
UNION ALL
SELECT 2 * f.vid + 1, f.vid, e.target, f.leg + (1 - f.frac) * e.len FROM acc_fac_net f JOIN acc_edges e ON e.id = f.edge
WHERE f.layer = ? AND f.cls = ?

-- Network distance (metres) from the nearest facility of one class to every junction within reach: pgRouting's
-- Dijkstra from all the class's virtual vertices at once; equicost keeps each junction once, with its nearest
-- facility. Undirected: one-way streets are not modelled. Bound: layer, class, reach (metres).
INSERT INTO acc_dist (node, cost)
SELECT node, agg_cost
FROM pgr_drivingDistance(
  'SELECT id, source, target, len AS cost, len AS reverse_cost FROM acc_edges
   UNION ALL SELECT id, source, target, cost, cost AS reverse_cost FROM acc_virtual',
  (SELECT array_agg(vid) FROM acc_fac_net WHERE layer = ? AND cls = ?), ?, false, true)

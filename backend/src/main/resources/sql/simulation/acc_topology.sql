-- Each edge's source and target junction (hash joins on the exact coordinates).
UPDATE acc_edges e SET source = s.id, target = t.id
FROM acc_nodes s, acc_nodes t
WHERE s.x = ST_X(ST_StartPoint(e.geom)) AND s.y = ST_Y(ST_StartPoint(e.geom))
  AND t.x = ST_X(ST_EndPoint(e.geom)) AND t.y = ST_Y(ST_EndPoint(e.geom))

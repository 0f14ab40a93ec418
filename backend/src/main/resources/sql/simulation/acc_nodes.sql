-- Junctions: the distinct end points of the edges (exact coordinates after noding).
CREATE TEMP TABLE acc_nodes ON COMMIT DROP AS
SELECT row_number() OVER ()::bigint AS id, x, y
FROM (SELECT DISTINCT ST_X(p) AS x, ST_Y(p) AS y
      FROM (SELECT ST_StartPoint(geom) AS p FROM acc_edges UNION ALL SELECT ST_EndPoint(geom) FROM acc_edges) a) b

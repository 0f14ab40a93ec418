-- Every column of every table/view in schema "city" the connected role may read, in table order.
-- Geometry columns carry their PostGIS type and SRID; pk marks a single-column primary key.
SELECT c.relname                                         AS table_name,
       a.attname                                         AS column_name,
       format_type(a.atttypid, a.atttypmod)              AS pg_type,
       NOT a.attnotnull                                  AS nullable,
       gc.type                                           AS geom_type,
       gc.srid                                           AS geom_srid,
       EXISTS (SELECT 1 FROM pg_index i
               WHERE i.indrelid = c.oid AND i.indisprimary AND i.indnatts = 1 AND i.indkey[0] = a.attnum) AS pk
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN geometry_columns gc
       ON gc.f_table_schema = n.nspname AND gc.f_table_name = c.relname AND gc.f_geometry_column = a.attname
WHERE n.nspname = ?
  AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
  AND has_schema_privilege(n.oid, 'USAGE')
  AND has_table_privilege(c.oid, 'SELECT')
ORDER BY c.relname, a.attnum

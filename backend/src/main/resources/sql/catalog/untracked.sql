-- Tables in the schema that lack the data-version trigger (views cannot have one).
SELECT c.oid::regclass::text
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
  AND pg_has_role(c.relowner, 'USAGE')
  AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'citytwin_data_version')

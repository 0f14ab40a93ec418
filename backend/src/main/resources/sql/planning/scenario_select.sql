-- One scenario row with its own edit count and child count; callers append WHERE/ORDER/LIMIT.
SELECT s.id, s.parent_id, s.name, s.description, s.author, s.status, s.version, s.created_at, s.updated_at,
       (SELECT count(*) FROM planning.edit e WHERE e.scenario_id = s.id)     AS edit_count,
       (SELECT count(*) FROM planning.scenario k WHERE k.parent_id = s.id)   AS child_count,
       s.visibility, (SELECT u.name FROM access.app_user u WHERE u.id = s.owner_id) AS owner
FROM planning.scenario s

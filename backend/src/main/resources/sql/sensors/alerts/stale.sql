-- Datastreams silent for longer than the stale time (minutes, bound) whose state is not yet 'stale', with the
-- time of their last reading. Only datastreams that have reported at all. Each is then moved to 'stale' in its
-- own transaction, which re-checks the state under a row lock (a reading may have arrived meanwhile).
SELECT l.datastream_id, coalesce(l.phenomenon_time_end, l.phenomenon_time_start) AS last_at
FROM sensor.latest l
LEFT JOIN sensor.alert_state s ON s.datastream_id = l.datastream_id
WHERE coalesce(l.phenomenon_time_end, l.phenomenon_time_start) < now() - make_interval(mins => ?)
  AND (s.level IS NULL OR s.level <> 'stale')
ORDER BY l.datastream_id

-- Planning simulations: every run (its parameters, state and JSON result) and the geometries it produced, so a
-- result outlives the node that computed it, an identical request is answered from the cache, and WMS/tiles can
-- show a run's result as a layer (filter simulation_result on run_id and layer).
CREATE TABLE planning.simulation_run (
  id           text PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('flood', 'shadow', 'accessibility')),
  scenario_id  bigint REFERENCES planning.scenario (id) ON DELETE CASCADE,  -- null: the base city
  scenario_key text NOT NULL,      -- the scenario chain and versions when the run was made
  cache_key    text NOT NULL,      -- hash of kind, scenario key, input data versions and canonical parameters
  params       jsonb NOT NULL,
  status       text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  percent_done real NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz,
  result       jsonb,
  error        jsonb
);
-- The cache lookup. Not unique: two nodes may finish the same computation; the newest answers.
CREATE INDEX simulation_run_cache ON planning.simulation_run (cache_key, finished_at DESC) WHERE status = 'done';
CREATE INDEX simulation_run_scenario ON planning.simulation_run (scenario_id);

CREATE TABLE planning.simulation_result (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id     text NOT NULL REFERENCES planning.simulation_run (id) ON DELETE CASCADE,
  layer      text NOT NULL,        -- flood_extent, shadow, sun_point, study_area, isochrone, facility
  properties jsonb NOT NULL DEFAULT '{}'::jsonb,
  geom       geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX simulation_result_run ON planning.simulation_result (run_id, layer);
CREATE INDEX simulation_result_geom ON planning.simulation_result USING gist (geom);

-- Planning scenarios. A scenario's city is its parent's city (or the base city) with its edits applied; an edit
-- holds the complete new state of one feature (add/modify) or marks it deleted, so the overlay is plain SQL.
CREATE TABLE planning.scenario (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id   bigint REFERENCES planning.scenario (id) ON DELETE RESTRICT,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text,
  author      text,
  status      text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'proposed', 'approved', 'archived')),
  version     bigint NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Ids of features a scenario adds: far above any base-table id so they never collide.
CREATE SEQUENCE planning.feature_id_seq START WITH 1000000000000;

CREATE TABLE planning.edit (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scenario_id bigint NOT NULL REFERENCES planning.scenario (id) ON DELETE CASCADE,
  layer_id    text NOT NULL,
  feature_id  bigint NOT NULL,
  op          text NOT NULL CHECK (op IN ('add', 'modify', 'delete')),
  properties  jsonb NOT NULL DEFAULT '{}'::jsonb,
  geom        geometry(Geometry, 4326),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (scenario_id, layer_id, feature_id),
  CHECK (op = 'delete' OR geom IS NOT NULL)
);
CREATE INDEX edit_layer_feature ON planning.edit (layer_id, feature_id);
CREATE INDEX edit_geom ON planning.edit USING gist (geom);

-- Any change to a scenario's edits bumps its version (the cache key of every scenario-aware response) and
-- notifies listeners.
CREATE FUNCTION planning.bump_scenario_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE sid bigint;
BEGIN
  sid := CASE WHEN TG_OP = 'DELETE' THEN OLD.scenario_id ELSE NEW.scenario_id END;
  UPDATE planning.scenario SET version = version + 1, updated_at = now() WHERE id = sid;
  PERFORM pg_notify('citytwin_scenario', sid::text);
  RETURN NULL;
END $$;
CREATE TRIGGER edit_bumps_scenario AFTER INSERT OR UPDATE OR DELETE ON planning.edit
  FOR EACH ROW EXECUTE FUNCTION planning.bump_scenario_version();

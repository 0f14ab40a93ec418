-- System schemas. Feature layers live in "city"; everything the server keeps about them lives in "citytwin".
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS city;
CREATE SCHEMA IF NOT EXISTS citytwin;
CREATE SCHEMA IF NOT EXISTS terrain;
CREATE SCHEMA IF NOT EXISTS planning;

-- Layer metadata. A table in "city" with a geometry column is a layer whether or not it has a row here;
-- a row adds titles, styling and publishing rules. data_version bumps on every write to the layer's table
-- (see citytwin.track_layer) so every cache keyed on it refreshes.
CREATE TABLE citytwin.catalog (
  layer_id      text PRIMARY KEY,
  title_vi      text,
  title_en      text,
  abstract_vi   text,
  abstract_en   text,
  attribution   text,
  default_style text,
  min_zoom      smallint NOT NULL DEFAULT 0  CHECK (min_zoom BETWEEN 0 AND 24),
  max_zoom      smallint NOT NULL DEFAULT 22 CHECK (max_zoom BETWEEN 0 AND 24),
  is_public     boolean  NOT NULL DEFAULT true,
  queryable     text[],            -- null: every attribute column
  tile_fields   text[],            -- null: every attribute column
  time_column   text,              -- a timestamptz column that makes the layer time-enabled (WMS TIME, datetime=)
  height_column text,              -- a height in metres that makes the layer extrudable (3D Tiles)
  layer_group   text,              -- WMS layer group, e.g. 'basemap'
  editable      boolean  NOT NULL DEFAULT false,  -- planning scenarios may add/modify/delete its features
  synthetic     boolean  NOT NULL DEFAULT false,
  sort_order    integer  NOT NULL DEFAULT 100,
  data_version  bigint   NOT NULL DEFAULT 1,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Bumps the layer's data version and tells listeners (other server nodes too) which layer changed.
CREATE FUNCTION citytwin.bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO citytwin.catalog AS c (layer_id) VALUES (TG_TABLE_NAME)
  ON CONFLICT (layer_id) DO UPDATE SET data_version = c.data_version + 1, updated_at = now();
  PERFORM pg_notify('citytwin_data', TG_TABLE_NAME);
  RETURN NULL;
END $$;

-- Installs the statement-level trigger on a city table (called by migrations and by the importer).
CREATE FUNCTION citytwin.track_layer(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- A row (version 1) from the start, so the first write makes version 2 and every cache sees a change.
  INSERT INTO citytwin.catalog (layer_id)
  SELECT c.relname FROM pg_class c WHERE c.oid = tbl
  ON CONFLICT (layer_id) DO NOTHING;
  EXECUTE format('DROP TRIGGER IF EXISTS citytwin_data_version ON %s', tbl);
  EXECUTE format('CREATE TRIGGER citytwin_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s
                  FOR EACH STATEMENT EXECUTE FUNCTION citytwin.bump_data_version()', tbl);
END $$;

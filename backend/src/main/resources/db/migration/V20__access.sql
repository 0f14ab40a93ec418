-- Access control (issue #13): who may read and write what. Identities, their roles and API tokens; one rule per
-- layer (and optionally per attribute) that every protocol obeys through the one read path; scenario owners and
-- visibility; the audit log. Secrets are stored only as hashes.
CREATE SCHEMA IF NOT EXISTS access;

CREATE TABLE access.app_user (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  password_hash text,                 -- bcrypt (OpenBSD format); null: token-only identity
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE access.user_role (
  user_id bigint NOT NULL REFERENCES access.app_user (id) ON DELETE CASCADE,
  role    text NOT NULL CHECK (role IN ('public', 'viewer', 'planner', 'operator', 'sensor-admin', 'gis-admin', 'admin')),
  PRIMARY KEY (user_id, role)
);

-- API tokens: the SHA-256 of a random 256-bit secret; the secret itself is shown once and never stored.
CREATE TABLE access.api_token (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES access.app_user (id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash   bytea NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  revoked      boolean NOT NULL DEFAULT false,
  last_used_at timestamptz
);

-- Refresh tokens of logins (same hashing as API tokens), one per login, rotated on use.
CREATE TABLE access.refresh_token (
  token_hash bytea PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES access.app_user (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  revoked    boolean NOT NULL DEFAULT false
);

-- Server secrets generated at first start when configuration sets none (the JWT signing key).
CREATE TABLE access.secret (
  name  text PRIMARY KEY,
  value text NOT NULL
);

-- One rule per layer: public (everyone), internal (any signed-in role), restricted (the named roles).
-- A layer without a row is public, as a table without a catalog row always was.
CREATE TABLE access.layer_rule (
  layer_id   text PRIMARY KEY,
  visibility text NOT NULL CHECK (visibility IN ('public', 'internal', 'restricted')),
  roles      text[] NOT NULL DEFAULT '{}'
);

-- Attributes visible only to some: the same rule shape, per attribute; others never see the column.
CREATE TABLE access.attribute_rule (
  layer_id   text NOT NULL,
  attribute  text NOT NULL,
  visibility text NOT NULL CHECK (visibility IN ('internal', 'restricted')),
  roles      text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (layer_id, attribute)
);

-- The catalog flag is_public becomes a rule; the flag stays in the table, unused, for older tools.
INSERT INTO access.layer_rule (layer_id, visibility)
SELECT layer_id, 'internal' FROM citytwin.catalog WHERE NOT is_public
ON CONFLICT DO NOTHING;
INSERT INTO access.layer_rule (layer_id, visibility) VALUES ('cameras', 'internal') ON CONFLICT DO NOTHING;

CREATE TABLE access.audit (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at       timestamptz NOT NULL DEFAULT now(),
  who      text NOT NULL,              -- user name, or 'anonymous'
  action   text NOT NULL,              -- e.g. 'login', 'login.failed', 'token.create', 'POST /api/scenarios'
  target   text,
  address  text,
  outcome  text NOT NULL               -- 'ok', 'denied', 'failed' or an HTTP status
);
CREATE INDEX audit_at ON access.audit (at);

-- Scenarios: owned by the user who created them; private until shared with named users or published.
ALTER TABLE planning.scenario
  ADD COLUMN owner_id   bigint REFERENCES access.app_user (id) ON DELETE SET NULL,
  ADD COLUMN visibility text NOT NULL DEFAULT 'published' CHECK (visibility IN ('private', 'shared', 'published'));
-- Scenarios made before access control, or written straight into the table by tools, are published; the planning
-- API creates every scenario private to its author (it sets owner_id and visibility itself).

CREATE TABLE planning.scenario_share (
  scenario_id bigint NOT NULL REFERENCES planning.scenario (id) ON DELETE CASCADE,
  user_id     bigint NOT NULL REFERENCES access.app_user (id) ON DELETE CASCADE,
  PRIMARY KEY (scenario_id, user_id)
);

-- Token revocation and role changes reach every node at once (last_used_at updates do not notify).
CREATE FUNCTION access.notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('citytwin_access', TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE TRIGGER api_token_changed AFTER UPDATE OF revoked, expires_at, user_id OR DELETE ON access.api_token
  FOR EACH STATEMENT EXECUTE FUNCTION access.notify_change();
CREATE TRIGGER user_changed AFTER UPDATE OF disabled, password_hash, name OR DELETE ON access.app_user
  FOR EACH STATEMENT EXECUTE FUNCTION access.notify_change();
CREATE TRIGGER user_role_changed AFTER INSERT OR UPDATE OR DELETE ON access.user_role
  FOR EACH STATEMENT EXECUTE FUNCTION access.notify_change();
CREATE TRIGGER layer_rule_changed AFTER INSERT OR UPDATE OR DELETE ON access.layer_rule
  FOR EACH STATEMENT EXECUTE FUNCTION access.notify_change();
CREATE TRIGGER attribute_rule_changed AFTER INSERT OR UPDATE OR DELETE ON access.attribute_rule
  FOR EACH STATEMENT EXECUTE FUNCTION access.notify_change();

-- Scenario visibility changes reach the scenario registry like edits do.
CREATE FUNCTION planning.notify_share() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('citytwin_scenario', 'share');
  RETURN NULL;
END $$;
CREATE TRIGGER scenario_share_changed AFTER INSERT OR UPDATE OR DELETE ON planning.scenario_share
  FOR EACH STATEMENT EXECUTE FUNCTION planning.notify_share();

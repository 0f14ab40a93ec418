#!/usr/bin/env bash
# Makes this machine ready for CityTwin, idempotently: Java/Maven/Node check, PostgreSQL 15 + PostGIS 3 (+ pgRouting),
# Mosquitto, fonts with Vietnamese glyphs, Chromium + chromedriver (the viewer's browser test); starts the cluster
# if it is down; creates the `citytwin` role, the `citytwin` database and the `citytwin_template` database (PostGIS
# + pgRouting installed, used by the tests to create fresh databases without superuser rights).
#
# Works where PostgreSQL already runs with trust auth on 127.0.0.1 and on a stock Debian cluster (peer/scram):
# admin SQL runs as the `postgres` OS user over the local socket when we are root, over TCP otherwise.
set -euo pipefail

DB_NAME=${CITYTWIN_DB_NAME:-citytwin}
DB_USER=${CITYTWIN_DB_USER:-citytwin}
DB_PASSWORD=${CITYTWIN_DB_PASSWORD:-citytwin}
PG_VERSION=15
log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

need_pkgs=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

have_cmd java  || need_pkgs+=(openjdk-17-jdk-headless)
have_cmd mvn   || need_pkgs+=(maven)
have_cmd node  || need_pkgs+=(nodejs)
have_cmd npm   || need_pkgs+=(npm)
have_pkg postgresql-$PG_VERSION             || need_pkgs+=(postgresql-$PG_VERSION)
have_pkg postgresql-$PG_VERSION-postgis-3   || need_pkgs+=(postgresql-$PG_VERSION-postgis-3)
have_pkg postgresql-$PG_VERSION-pgrouting   || need_pkgs+=(postgresql-$PG_VERSION-pgrouting)
have_pkg mosquitto                          || need_pkgs+=(mosquitto)
have_pkg fonts-noto-core                    || need_pkgs+=(fonts-noto-core)
have_pkg fonts-dejavu-core                  || need_pkgs+=(fonts-dejavu-core)
have_pkg chromium                           || need_pkgs+=(chromium)
have_pkg chromium-driver                    || need_pkgs+=(chromium-driver)
have_cmd ogr2ogr                            || need_pkgs+=(gdal-bin)   # the WFS/OGC API client tests run GDAL
have_pkg python3-owslib                     || need_pkgs+=(python3-owslib)   # the OWSLib client tests

if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! have_cmd apt-get; then
    die "missing packages: ${need_pkgs[*]}. Install them (as root: apt-get install ${need_pkgs[*]}) and run again."
  fi
  log "installing ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

# Start the cluster if it is not running.
if have_cmd pg_lsclusters; then
  if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not running; start it (pg_ctlcluster $PG_VERSION main start) and run again."
    cluster=$(pg_lsclusters -h | awk 'NR==1{print $1" "$2}')
    [ -n "$cluster" ] || { pg_createcluster $PG_VERSION main >/dev/null; cluster="$PG_VERSION main"; }
    log "starting PostgreSQL cluster $cluster"
    # shellcheck disable=SC2086
    pg_ctlcluster --skip-systemctl-redirect $cluster start
  fi
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL does not answer on 127.0.0.1:5432"

# Mosquitto (sensors use it later): start it when it is installed and not listening.
if have_cmd mosquitto && ! (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null; then
  log "starting mosquitto"
  mosquitto -d -c /etc/mosquitto/mosquitto.conf || log "mosquitto did not start (sensors will be unavailable)"
fi

psql_admin() {
  if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
    su postgres -s /bin/sh -c "psql -X -q -v ON_ERROR_STOP=1 $*"
  else
    # shellcheck disable=SC2086
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "${PGADMIN_USER:-postgres}" $*
  fi
}

log "ensuring role $DB_USER, databases $DB_NAME and citytwin_template"
psql_admin "-d postgres" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE "$DB_USER" LOGIN CREATEDB;
  END IF;
END \$\$;
SELECT 'CREATE DATABASE "$DB_NAME" OWNER "$DB_USER"' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB_NAME') \gexec
SELECT 'CREATE DATABASE citytwin_template OWNER "$DB_USER"' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'citytwin_template') \gexec
SQL
for db in "$DB_NAME" citytwin_template; do
  psql_admin "-d $db" <<SQL
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pgrouting;
ALTER SCHEMA public OWNER TO "$DB_USER";
SQL
done
psql_admin "-d postgres" -c "\"ALTER DATABASE citytwin_template WITH IS_TEMPLATE true\"" >/dev/null 2>&1 || true

# Check the way the server will connect: TCP with the password.
PGPASSWORD=$DB_PASSWORD psql -X -q -h 127.0.0.1 -U "$DB_USER" -d "$DB_NAME" -c 'SELECT postgis_version()' >/dev/null \
  || die "cannot connect as $DB_USER to $DB_NAME on 127.0.0.1 (check pg_hba.conf allows md5/scram or trust for 127.0.0.1)"
log "ready: PostgreSQL + PostGIS $(PGPASSWORD=$DB_PASSWORD psql -X -At -h 127.0.0.1 -U "$DB_USER" -d "$DB_NAME" -c 'SELECT postgis_lib_version()')"

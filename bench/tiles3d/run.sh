#!/usr/bin/env bash
# 3D Tiles benchmark: whole tileset cold (export command, fresh JVM), per-tile cold latency and uncached/cached
# requests/s over HTTP, bytes per building, against synthetic buildings (synthetic-buildings.sql) in a bench
# database. Usage: bench/tiles3d/run.sh [demo|1m]...   (default: demo 1m). Needs the fat jar
# (mvn -o -pl backend -am package -DskipTests), PostgreSQL as set up by scripts/setup.sh, and wrk.
# Results go to bench/results/tiles3d-<UTC time>/ (not committed); copy the figures into bench/README.md.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/backend/target/citytwin.jar
OUT=$ROOT/bench/results/tiles3d-$(date -u +%Y%m%dT%H%M%SZ)
PORT=${BENCH_PORT:-18093}
BASE=http://127.0.0.1:$PORT
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-citytwin} PGPASSWORD=${PGPASSWORD:-citytwin}
mkdir -p "$OUT"
{ date -u +%FT%TZ; uname -srm; nproc; grep -m1 'model name' /proc/cpuinfo; free -g | sed -n 2p;
  java -version 2>&1 | head -1; psql -At -d postgres -c 'SELECT version()'; } >"$OUT/machine.txt"
[ -f "$JAR" ] || { echo "build the jar first: mvn -o -pl backend -am package -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=
}
trap stop_server EXIT

start_server() { # $1 = jdbc url, $2 = log file
  CITYTWIN_DB_URL=$1 CITYTWIN_HTTP_PORT=$PORT CITYTWIN_HTTP_HOST=127.0.0.1 CITYTWIN_TILES_CACHE_MB=3072 \
    java -jar "$JAR" serve >"$2" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "$BASE/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server did not start, see $2" >&2; exit 1
}

variant() { # $1 = name, $2 = buildings
  local name=$1 n=$2 db=ct_bench_tiles3d_$1 dir=$OUT/$1
  local url=jdbc:postgresql://127.0.0.1:5432/$db
  mkdir -p "$dir"
  echo "== $name: $n buildings ($db)"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)" | tee "$dir/load.txt"
  dropdb --if-exists "$db"
  createdb -T citytwin_template "$db"
  # The first command run migrates the schema.
  CITYTWIN_DB_URL=$url java -jar "$JAR" export-3dtiles --out "$dir/empty" >/dev/null 2>&1
  psql -q -d "$db" -v n="$n" -v seed=0.42 -f "$HERE/synthetic-buildings.sql" >"$dir/load.txt"
  psql -q -d "$db" -c "VACUUM ANALYZE city.buildings"

  # Whole tileset, cold: a fresh JVM and empty caches, all leaves built (2 at a time on 2 cores).
  local t0 t1
  t0=$(date +%s.%N)
  CITYTWIN_DB_URL=$url java -jar "$JAR" export-3dtiles --out "$dir/export" --parallel 2 2>/dev/null \
    | tee "$dir/export.txt"
  t1=$(date +%s.%N)
  echo "export_wall_s=$(echo "$t1 - $t0" | bc)" | tee -a "$dir/export.txt"
  echo "export_glb_bytes=$(find "$dir/export/content" -name '*.glb' -printf '%s\n' | awk '{s+=$1} END {print s}')" \
    | tee -a "$dir/export.txt"
  echo "buildings=$(psql -At -d "$db" -c 'SELECT count(*) FROM city.buildings')" | tee -a "$dir/export.txt"
  rm -rf "$dir/export/content"

  # Per-tile cold latency (one request at a time), then the raw PostGIS baseline.
  start_server "$url" "$dir/server-cold.log"
  java -cp "$JAR" "$HERE/Tiles3dBench.java" cold "$BASE" "$url" | tee "$dir/cold.txt"
  stop_server

  # Uncached requests/s with 2 in flight (= cores), on a fresh server; then cached with wrk.
  start_server "$url" "$dir/server-warm.log"
  java -cp "$JAR" "$HERE/Tiles3dBench.java" parallel "$BASE" "$url" 2 | tee "$dir/parallel.txt"
  java -cp "$JAR" "$HERE/Tiles3dBench.java" urls "$BASE" "$url" "$dir/urls.txt" >/dev/null
  URLS=$dir/urls.txt wrk -t2 -c8 -d15s -s "$HERE/urls.lua" -H 'Accept-Encoding: gzip' "$BASE" \
    | tee "$dir/wrk-cached-gzip.txt"
  URLS=$dir/urls.txt wrk -t2 -c8 -d15s -s "$HERE/urls.lua" "$BASE" | tee "$dir/wrk-cached-identity.txt"
  wrk -t2 -c8 -d10s -H 'Accept-Encoding: gzip' "$BASE/3dtiles/buildings/tileset.json" \
    | tee "$dir/wrk-tileset.txt"
  stop_server
  echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$dir/load.txt"
}

for v in "${@:-demo 1m}"; do
  for name in $v; do
    case $name in
      demo) variant demo 60000 ;;
      1m) variant 1m 1000000 ;;
      *) echo "unknown variant $name" >&2; exit 2 ;;
    esac
  done
done
echo "results in $OUT"

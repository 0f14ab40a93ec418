#!/usr/bin/env bash
# Vector tile benchmark: the same ≥500 tiles (z12–z17 over the demo city) through the server (wrk on loopback,
# uncached and cached) and straight on PostGIS (the server's own tile SQL over JDBC, same concurrency), in one run.
# Reports ratios: uncached/raw (goal ≥ 0.9) and cached/uncached (goal ≥ 20).
#
#   bench/tiles/run.sh [BUILDINGS]      BUILDINGS: demo size to seed into the bench database (default 60000)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILDINGS=${1:-60000}
DB=citytwin_bench_${BUILDINGS}
URL=jdbc:postgresql://127.0.0.1:5432/$DB
LAYERS=${LAYERS:-buildings}
THREADS=${THREADS:-2}
DURATION=${DURATION:-20s}
OUT=bench/results; mkdir -p "$OUT"

scripts/setup.sh >/dev/null
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
[ -f backend/target/citytwin.jar ] || mvn -B -q -DskipTests package
mvn -B -q test-compile -pl backend -am >/dev/null
CP=backend/target/test-classes:backend/target/citytwin.jar

psql -X -q -h 127.0.0.1 -U citytwin -d postgres -c "SELECT 1" >/dev/null
if ! psql -X -At -h 127.0.0.1 -U citytwin -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  psql -X -q -h 127.0.0.1 -U citytwin -d postgres -c "CREATE DATABASE $DB TEMPLATE citytwin_template"
fi
CITYTWIN_DB_URL=$URL java -jar backend/target/citytwin.jar seed --buildings "$BUILDINGS"

java -cp "$CP" vn.citytwin.tiles.TileSqlBaseline list "$URL" "$LAYERS" "$OUT/tiles.txt" 600
RAW=$(java -cp "$CP" vn.citytwin.tiles.TileSqlBaseline raw "$URL" "$LAYERS" "$OUT/tiles.txt" "$THREADS" | tail -1)
echo "$RAW"

serve() { # $1 = cache MB
  CITYTWIN_DB_URL=$URL CITYTWIN_HTTP_PORT=18181 CITYTWIN_TILES_CACHE_MB=$1 CITYTWIN_DEMO_SEED_WHEN_EMPTY=false \
    java -Xmx2g -jar backend/target/citytwin.jar serve > "$OUT/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 60); do curl -sf http://127.0.0.1:18181/health/ready >/dev/null && return; sleep 1; done
  echo "server did not start"; cat "$OUT/server.log"; exit 1
}
load() {
  TILE_LIST="$OUT/tiles.txt" TILE_PREFIX="/tiles/$LAYERS" wrk -t"$THREADS" -c"$THREADS" -d"$DURATION" \
    -s bench/tiles/paths.lua http://127.0.0.1:18181 | grep http_tiles_per_s
}

serve 0
TILE_LIST="$OUT/tiles.txt" TILE_PREFIX="/tiles/$LAYERS" wrk -t1 -c1 -d5s -s bench/tiles/paths.lua http://127.0.0.1:18181 >/dev/null
UNCACHED=$(load); echo "uncached: $UNCACHED"
kill $SERVER; wait $SERVER 2>/dev/null || true

serve 512
for t in $(cat "$OUT/tiles.txt"); do curl -s -o /dev/null "http://127.0.0.1:18181/tiles/$LAYERS/$t.mvt"; done
CACHED=$(load); echo "cached: $CACHED"
kill $SERVER; wait $SERVER 2>/dev/null || true

val() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
python3 - "$(val "$RAW" raw_tiles_per_s)" "$(val "$UNCACHED" http_tiles_per_s)" "$(val "$CACHED" http_tiles_per_s)" <<'PY'
import sys
raw, unc, cac = map(float, sys.argv[1:])
print(f"ratio uncached/raw = {unc/raw:.2f} (goal >= 0.9); ratio cached/uncached = {cac/unc:.1f} (goal >= 20)")
PY

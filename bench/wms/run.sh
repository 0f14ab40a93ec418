#!/usr/bin/env bash
# WMS benchmark: GetMap 256×256 PNG over a fixed list of ≥ 500 EPSG:3857 tiles z13–z18 of the demo city, every
# public layer with its shipped (full demo) style, uncached, through wrk on loopback; beside it the floor (the
# server's own GetMap SQL for the same tiles, run straight on PostGIS over JDBC with the same concurrency) and the
# server's own split of each request (Server-Timing: db, decode, draw, encode).
#
#   bench/wms/run.sh [BUILDINGS]      BUILDINGS: demo size in the bench database (default 60000)
#
# The bench database is seeded with the demo generator (`citytwin.jar seed`) when it holds no buildings.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILDINGS=${1:-60000}
DB=citytwin_bench_wms
URL=jdbc:postgresql://127.0.0.1:5432/$DB
LAYERS=${LAYERS:-basemap,schools,hospitals,markets,hotels,tourist_sites,sensor_stations,flood_reports}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-4}
DURATION=${DURATION:-30s}
PORT=${PORT:-18182}
OUT=bench/results; mkdir -p "$OUT"

scripts/setup.sh >/dev/null
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
[ -f backend/target/citytwin.jar ] || mvn -B -q -DskipTests package
mvn -B -q -DskipTests test-compile -pl backend -am >/dev/null
CP=backend/target/test-classes:backend/target/citytwin.jar

if ! psql -X -At -h 127.0.0.1 -U citytwin -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  psql -X -q -h 127.0.0.1 -U citytwin -d postgres -c "CREATE DATABASE $DB TEMPLATE citytwin_template"
fi
HAVE=$(psql -X -At -h 127.0.0.1 -U citytwin -d $DB -c "SELECT count(*) FROM city.buildings" 2>/dev/null || echo 0)
if [ "${HAVE:-0}" -lt 1000 ]; then
  CITYTWIN_DB_URL=$URL java -jar backend/target/citytwin.jar seed --buildings "$BUILDINGS" || {
    echo "no demo city in $DB and 'citytwin.jar seed' failed: seed it with the demo generator first"; exit 1; }
fi

java -cp "$CP" vn.citytwin.ogc.wms.WmsBench list "$URL" "$OUT/wms-tiles.txt" 600
RAW=$(java -cp "$CP" vn.citytwin.ogc.wms.WmsBench raw "$URL" "$LAYERS" "$OUT/wms-tiles.txt" "$CONNECTIONS" | tail -1)
echo "floor (PostGIS alone): $RAW"

CITYTWIN_DB_URL=$URL CITYTWIN_HTTP_PORT=$PORT CITYTWIN_DEMO_SEED_WHEN_EMPTY=false \
  java -Xmx2g -jar backend/target/citytwin.jar serve > "$OUT/wms-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done
export TILE_LIST="$OUT/wms-tiles.txt" WMS_QUERY="SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=$LAYERS&STYLES="
# warm-up: JIT, connection pool, PostGIS caches (every tile once)
wrk -t1 -c1 -d15s -s bench/wms/paths.lua "http://127.0.0.1:$PORT" >/dev/null
HTTP=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/wms/paths.lua "http://127.0.0.1:$PORT" \
  | grep -E "http_maps_per_s|mean_ms")
echo "$HTTP"

val() { echo "$1" | tr ' ' '\n' | grep "^$2=" | head -1 | cut -d= -f2; }
python3 - "$(val "$RAW" raw_tiles_per_s)" "$(val "$HTTP" http_maps_per_s)" <<'PY'
import sys
raw, http = map(float, sys.argv[1:])
print(f"maps/s over the PostGIS floor: {http/raw:.2f}")
PY

#!/usr/bin/env bash
# Vector tile benchmark: the same ≥500 tiles (z12–z17 over the demo city) straight on PostGIS (the server's own
# tile SQL over JDBC) and through the server (uncached and cached), in one run. Reports ratios: uncached/raw
# (goal ≥ 0.9) and cached/uncached (goal ≥ 20). See bench/README.md.
#
#   bench/tiles/run.sh [BUILDINGS]      BUILDINGS: demo size to seed into the bench database (default 60000)
#
# Environment: LAYERS (buildings), THREADS (2 = cores: clients in flight), DURATION (20: seconds per measurement),
# ROUNDS (3: raw and uncached measurements alternate, so a slow minute of a shared machine hits both),
# WARMUP (60: seconds of load on the server before anything is measured).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILDINGS=${1:-60000}
DB=citytwin_bench_${BUILDINGS}
URL=jdbc:postgresql://127.0.0.1:5432/$DB
LAYERS=${LAYERS:-buildings}
THREADS=${THREADS:-2}
SECONDS_PER_RUN=${DURATION:-20}
ROUNDS=${ROUNDS:-3}
PORT=18181
OUT=bench/results/tiles-$BUILDINGS; mkdir -p "$OUT"

scripts/setup.sh >/dev/null
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
[ -f backend/target/citytwin.jar ] || mvn -B -q -DskipTests package
mvn -B -q test-compile -pl backend -am >/dev/null
CP=backend/target/test-classes:backend/target/citytwin.jar
bench() { java -cp "$CP" vn.citytwin.tiles.TileBench "$@" 2>/dev/null | tail -1; }

if ! psql -X -At -h 127.0.0.1 -U citytwin -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  psql -X -q -h 127.0.0.1 -U citytwin -d postgres -c "CREATE DATABASE $DB TEMPLATE citytwin_template"
fi
CITYTWIN_DB_URL=$URL java -jar backend/target/citytwin.jar seed --buildings "$BUILDINGS" >/dev/null
bench list "$URL" "$LAYERS" "$OUT/tiles.txt" 600

SERVER=
serve() { # $1 = cache MB
  CITYTWIN_DB_URL=$URL CITYTWIN_HTTP_PORT=$PORT CITYTWIN_TILES_CACHE_MB=$1 CITYTWIN_DEMO_SEED_WHEN_EMPTY=false \
    java -Xmx2g -jar backend/target/citytwin.jar serve > "$OUT/server-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 60); do curl -sf http://127.0.0.1:$PORT/health/ready >/dev/null && return; sleep 1; done
  echo "server did not start"; cat "$OUT/server-$1.log"; exit 1
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true' EXIT
wrk_load() { # [seconds]
  THREADS=$THREADS TILE_LIST="$OUT/tiles.txt" TILE_PREFIX="/tiles/$LAYERS" wrk -t"$THREADS" -c"$THREADS" \
    -d"${1:-$SECONDS_PER_RUN}s" -s bench/tiles/paths.lua http://127.0.0.1:$PORT | grep http_tiles_per_s | \
    sed 's/^http_/wrk_/'
}
val() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

: > "$OUT/results.txt"
serve 0
# The server is measured warm, as it runs in production: a minute of load first, so that JIT compilation of the
# request path (still ~1.5 % of the machine after three minutes) is over before anything is counted.
wrk_load "${WARMUP:-60}" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  RAW=$(bench raw "$URL" "$LAYERS" "$OUT/tiles.txt" "$THREADS" "$SECONDS_PER_RUN")
  WRK=$(wrk_load)
  echo "round=$round $RAW" | tee -a "$OUT/results.txt"
  echo "round=$round uncached $WRK" | tee -a "$OUT/results.txt"
  echo "round=$round ratio=$(python3 -c "print(round($(val "$WRK" wrk_tiles_per_s)/$(val "$RAW" raw_tiles_per_s),3))")" \
    | tee -a "$OUT/results.txt"
done
# Latency through the server, measured per request by the same client code as the raw figures (wrk's own latency
# histogram disagrees with its throughput under a per-request path script, so it is not used).
HTTP=$(bench http "http://127.0.0.1:$PORT" "$LAYERS" "$OUT/tiles.txt" "$THREADS" "$SECONDS_PER_RUN")
echo "uncached $HTTP" | tee -a "$OUT/results.txt"
stop

serve 512
for t in $(cat "$OUT/tiles.txt"); do curl -s -o /dev/null "http://127.0.0.1:$PORT/tiles/$LAYERS/$t.mvt"; done
CACHED=$(wrk_load); echo "cached $CACHED" | tee -a "$OUT/results.txt"
CACHED_HTTP=$(bench http "http://127.0.0.1:$PORT" "$LAYERS" "$OUT/tiles.txt" "$THREADS" "$SECONDS_PER_RUN")
echo "cached $CACHED_HTTP" | tee -a "$OUT/results.txt"
stop

python3 - "$OUT/results.txt" <<'PY'
import re, statistics, sys
lines = open(sys.argv[1]).read().splitlines()
def nums(pattern):
    return [float(m.group(1)) for l in lines for m in [re.search(pattern, l)] if m]
raw, wrk, ratios = nums(r"raw_tiles_per_s=([\d.]+)"), nums(r"uncached wrk_tiles_per_s=([\d.]+)"), nums(r"ratio=([\d.]+)")
cached = nums(r"cached wrk_tiles_per_s=([\d.]+)")[-1]
med = statistics.median
print(f"median of {len(raw)} rounds: raw {med(raw):.1f} tiles/s, uncached {med(wrk):.1f}, cached {cached:.0f}")
print(f"ratio uncached/raw = {med(ratios):.2f} (goal >= 0.9; rounds {ratios}); "
      f"ratio cached/uncached = {cached / med(wrk):.0f} (goal >= 20)")
PY

#!/usr/bin/env bash
# Feature output benchmark, in one run on one machine:
#  1. features/s of GeoJSON (OGC API items) and GML 3.2 (WFS GetFeature) for SAMPLE buildings through the server,
#     against the same rows straight from PostGIS (psql COPY of ST_AsGeoJSON(record) / ST_AsGML) — ratio goal ≥ 0.7;
#  2. the heap while N (1,000,000) buildings stream as one GeoJSON response: live heap after each GC during the
#     stream, minus the live heap before it (goal: a few MB), from the JVM's GC log.
# The bench database holds N synthetic buildings made with generate_series. Not part of the test suite.
#
#   bench/features/run.sh            N=1000000 SAMPLE=100000 RUNS=5 HEAP=256m PORT=18282 (environment overrides)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-1000000}
SAMPLE=${SAMPLE:-100000}
RUNS=${RUNS:-5}
HEAP=${HEAP:-256m}
PORT=${PORT:-18282}
DB=citytwin_bench_features
OUT=bench/results/features; mkdir -p "$OUT"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U citytwin)
# The raw side plans like the server's pooled connections (serial, no JIT: core.db.Database#sessionSettings), so
# the ratio compares the same plans.
export PGOPTIONS="-c jit=off -c max_parallel_workers_per_gather=0"
BASE=http://127.0.0.1:$PORT

[ -f backend/target/citytwin.jar ] || mvn -B -q -DskipTests package
if ! "${PSQL[@]}" -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB TEMPLATE citytwin_template"
fi

SERVER=
stop() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; SERVER=; }
trap stop EXIT
serve() {
  rm -f "$OUT/gc.log"
  CITYTWIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB CITYTWIN_HTTP_PORT=$PORT CITYTWIN_HTTP_HOST=127.0.0.1 \
    CITYTWIN_FEATURES_MAX_LIMIT=$N CITYTWIN_DEMO_SEED_WHEN_EMPTY=false \
    java -Xms"$HEAP" -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc.log":uptime -jar backend/target/citytwin.jar serve \
    > "$OUT/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 90); do curl -sf "$BASE/health/ready" >/dev/null && return; sleep 1; done
  echo "server did not start"; tail -20 "$OUT/server.log"; exit 1
}

serve # migrates the schema of a new bench database
if [ "$("${PSQL[@]}" -At -d $DB -c "SELECT count(*) FROM city.buildings")" != "$N" ]; then
  echo "filling $DB with $N synthetic buildings…"
  "${PSQL[@]}" -d $DB -c "TRUNCATE city.buildings" -c "INSERT INTO city.buildings
      (id, name, use_type, levels, height, ward, year_built, ground_elev, address, geom)
    SELECT g, CASE WHEN g % 7 = 0 THEN 'Khách sạn ' || g END,
      (ARRAY['hotel','shophouse','villa','office','school'])[1 + g % 5], 1 + g % 12, 3.3 * (1 + g % 12),
      CASE WHEN g % 2 = 0 THEN 'Phường Vũng Tàu' ELSE 'Phường Rạch Dừa' END, 1990 + g % 30, 2.5 + (g % 40) * 0.1,
      'Số ' || g || ' đường Thùy Vân',
      ST_MakeEnvelope(107.0 + (g % 1000) * 0.00015, 10.3 + (g / 1000) * 0.00015,
                      107.0 + (g % 1000) * 0.00015 + 0.0001, 10.3 + (g / 1000) * 0.00015 + 0.0001, 4326)
    FROM generate_series(1, $N) g" -c "ANALYZE city.buildings"
fi

COLS="id, name, use_type, levels, height, ward, year_built, ground_elev, address"
RAW_GEOJSON="COPY (SELECT ST_AsGeoJSON(t.*, 'geom', 7) FROM (SELECT $COLS, geom FROM city.buildings ORDER BY id
  LIMIT $SAMPLE) t) TO STDOUT"
RAW_GML="COPY (SELECT $COLS, ST_AsGML(3, geom, 7, 17) FROM city.buildings ORDER BY id LIMIT $SAMPLE) TO STDOUT"
GEOJSON_URL="$BASE/ogc/collections/buildings/items?limit=$SAMPLE"
GML_URL="$BASE/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:buildings&count=$SAMPLE"

seconds() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
min() { echo "if ($1 < $2) $1 else $2" | bc -l; }
fetch() { curl -sf -o /dev/null "$1"; }

curl -sf "$GEOJSON_URL" | head -c 300 >/dev/null || true   # warm up the JIT and the page cache
curl -sf "$GML_URL" -o /dev/null
"${PSQL[@]}" -d $DB -c "$RAW_GEOJSON" >/dev/null

# Interleaved, best of RUNS each: other load on the machine hits raw and server runs alike.
t_raw_json=999999; t_srv_json=999999; t_raw_gml=999999; t_srv_gml=999999
for _ in $(seq 1 "$RUNS"); do
  t_raw_json=$(min "$t_raw_json" "$(seconds "${PSQL[@]}" -d $DB -c "$RAW_GEOJSON")")
  t_srv_json=$(min "$t_srv_json" "$(seconds fetch "$GEOJSON_URL")")
  t_raw_gml=$(min "$t_raw_gml" "$(seconds "${PSQL[@]}" -d $DB -c "$RAW_GML")")
  t_srv_gml=$(min "$t_srv_gml" "$(seconds fetch "$GML_URL")")
done
bytes_json=$(curl -sf "$GEOJSON_URL" | wc -c)
bytes_gml=$(curl -sf "$GML_URL" | wc -c)

rate() { echo "$SAMPLE / $1" | bc -l | xargs printf '%.0f'; }
ratio() { echo "$2 / $1" | bc -l | xargs printf '%.2f'; }

# Heap while N features stream as GeoJSON: live heap after GC before, and the largest after any GC during it.
jcmd "$SERVER" GC.run >/dev/null
sleep 1
start=$(jcmd "$SERVER" VM.uptime | awk 'NR==2 {print $1}')
stream=$(curl -sf -o /dev/null -w '%{size_download} %{time_total}' "$BASE/ogc/collections/buildings/items?limit=$N")
end=$(jcmd "$SERVER" VM.uptime | awk 'NR==2 {print $1}')
heap=$(awk -v s="$start" -v e="$end" '
  /->/ { t = substr($1, 2) + 0; split($0, a, "->"); n = split(a[1], b, " "); before = b[n] + 0;
         split(a[2], c, "M"); after = c[1] + 0;
         if (t < s) base = after; else if (t <= e) { gcs++; if (after > peak) peak = after; if (before > top) top = before } }
  END { printf "%d %d %d %d", base, peak, top, gcs }' "$OUT/gc.log")
read -r base peak top gcs <<< "$heap"
read -r stream_bytes stream_s <<< "$stream"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "java: $(java -version 2>&1 | head -1), heap $HEAP; $(psql --version | head -1); PostGIS $("${PSQL[@]}" -At -d $DB -c 'SELECT postgis_lib_version()')"
  echo "sample: $SAMPLE of $N buildings, best of $RUNS"
  echo "GeoJSON: raw $(rate "$t_raw_json") rows/s, server $(rate "$t_srv_json") features/s, ratio $(ratio "$t_srv_json" "$t_raw_json") ($bytes_json bytes)"
  echo "GML 3.2: raw $(rate "$t_raw_gml") rows/s, server $(rate "$t_srv_gml") features/s, ratio $(ratio "$t_srv_gml" "$t_raw_gml") ($bytes_gml bytes)"
  echo "stream of $N as GeoJSON: $stream_bytes bytes in ${stream_s}s; live heap before ${base} MB, largest after-GC live heap during ${peak} MB (growth $((peak - base)) MB over $gcs GCs); largest heap before a GC ${top} MB"
} | tee "$OUT/summary.txt"

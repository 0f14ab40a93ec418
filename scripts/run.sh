#!/usr/bin/env bash
# One command from a fresh clone to a running CityTwin with the Vũng Tàu demo city:
# prepares the machine (scripts/setup.sh), builds the jar, seeds the demo city if the database is empty, serves.
# Settings: CITYTWIN_HTTP_PORT (8080), CITYTWIN_DB_URL, CITYTWIN_DEMO_BUILDINGS, … (see docs/configuration.md).
# CITYTWIN_SIMULATE=1 also runs simulate-sensors over MQTT (CITYTWIN_SIMULATE_RATE ticks/s, default 0.2).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ ! -f backend/target/citytwin.jar ] || [ -n "$(find backend/src viewer/src styles gis-data pom.xml backend/pom.xml viewer/pom.xml -newer backend/target/citytwin.jar -print -quit 2>/dev/null)" ]; then
  echo "[run] building (mvn package, tests skipped: run scripts/test.sh for them)"
  mvn -B -q -DskipTests package
fi
if [ "${CITYTWIN_SIMULATE:-0}" = "1" ]; then
  # Live sensor feeds for the demo stations (docs/sensors.md), stopped with the server.
  java ${JAVA_OPTS:-"-Xmx2g"} -jar backend/target/citytwin.jar serve "$@" &
  server=$!
  trap 'kill $server ${sim:-} 2>/dev/null; wait $server' INT TERM EXIT
  until curl -sf "http://127.0.0.1:${CITYTWIN_HTTP_PORT:-8080}/health/ready" >/dev/null; do
    kill -0 $server 2>/dev/null || exit 1
    sleep 2
  done
  java -Xmx256m -jar backend/target/citytwin.jar simulate-sensors --mqtt --rate "${CITYTWIN_SIMULATE_RATE:-0.2}" &
  sim=$!
  wait $server
  exit $?
fi
exec java ${JAVA_OPTS:-"-Xmx2g"} -jar backend/target/citytwin.jar serve "$@"

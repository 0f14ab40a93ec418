#!/usr/bin/env bash
# One command from a fresh clone to a running CityTwin with the Vũng Tàu demo city:
# prepares the machine (scripts/setup.sh), builds the jar, seeds the demo city if the database is empty, serves.
# Settings: CITYTWIN_HTTP_PORT (8080), CITYTWIN_DB_URL, CITYTWIN_DEMO_BUILDINGS, … (see docs/configuration.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ ! -f backend/target/citytwin.jar ] || [ -n "$(find backend/src viewer/src styles gis-data pom.xml backend/pom.xml viewer/pom.xml -newer backend/target/citytwin.jar -print -quit 2>/dev/null)" ]; then
  echo "[run] building (mvn package, tests skipped: run scripts/test.sh for them)"
  mvn -B -q -DskipTests package
fi
exec java ${JAVA_OPTS:-"-Xmx2g"} -jar backend/target/citytwin.jar serve "$@"

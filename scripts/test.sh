#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run calls this): prepares the machine (PostgreSQL + PostGIS,
# Mosquitto, Node for the glTF validator), then builds and runs every test against the real services.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mvn -B verify "$@"

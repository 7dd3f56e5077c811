#!/usr/bin/env bash
# The test command: builds everything and runs every test (unit, TLC manifest, conformance,
# model tests, trace decoding, bounded fuzzing). Deep configs: ./test.sh -Pdeep
set -euo pipefail
cd "$(dirname "$0")"
. .ci/jdk.sh
mvn -B -ntp verify "$@"

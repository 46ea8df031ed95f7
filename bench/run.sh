#!/usr/bin/env bash
# Builds gridloop and runs the benchmark (BENCHMARKS.md): starts the local stack in its own JVM on the standard
# ports (stop any running local stack first), measures this machine's raw Kafka and MongoDB-wire rates, then
# drives the services. Results: bench/results/bench-<time>.json and a summary on stdout.
# Options go to the harness, e.g. --phases=baselines,latency --rate=2000 --duration=60 --cases=440000 --jfr
# (see BENCHMARKS.md for all of them).
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/find-java.sh

echo "Building gridloop and the benchmark…"
./mvnw -q -B -Dmaven.test.skip=true -pl deploy/local-stack,bench -am install

exec "$JAVA" -Xmx1g "${JAVA_FLAGS[@]}" -jar bench/target/gridloop-bench-0.1.0-SNAPSHOT-exec.jar "$@"

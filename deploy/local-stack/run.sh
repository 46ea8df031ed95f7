#!/usr/bin/env bash
# Builds gridloop and starts the whole system locally, without Docker: an embedded Kafka (KRaft) broker, an
# embedded MongoDB-wire server, the five services and the demo feeder. Data lives under ./data.
# Options go to the launcher: --no-demo, --demo-rate=N, --data-dir=DIR, --kafka-port=N, --mongo-port=N,
# --hotline-port=N, --issuer-port=N (the development sign-in, default 8090).
set -euo pipefail
cd "$(dirname "$0")/../.."

. deploy/find-java.sh
. deploy/find-node.sh

echo "Building gridloop (the first build downloads dependencies and takes a few minutes)…"
./mvnw -q -B -Dmaven.test.skip=true -pl deploy/local-stack -am install

exec "$JAVA" -Xms256m -Xmx1g -XX:+ExitOnOutOfMemoryError "${JAVA_FLAGS[@]}" \
  -jar deploy/local-stack/target/gridloop-local-stack-0.1.0-SNAPSHOT-exec.jar "$@"

#!/usr/bin/env bash
# Builds gridloop and starts the whole system locally, without Docker: an embedded Kafka (KRaft) broker, an
# embedded MongoDB-wire server, the five services and the demo feeder. Data lives under ./data.
# Options go to the launcher: --no-demo, --demo-rate=N, --data-dir=DIR, --kafka-port=N, --mongo-port=N,
# --hotline-port=N, --issuer-port=N (where people sign in, default 8090), --keycloak (sign in with a real Keycloak,
# from its distribution on Maven Central, instead of the development issuer: half a minute more to start).
set -euo pipefail
cd "$(dirname "$0")/../.."

. deploy/find-java.sh
. deploy/find-node.sh

ARGS=()
PROFILES=()
for arg in "$@"; do
  if [ "$arg" = "--keycloak" ]; then
    # The build unpacks Keycloak's distribution there (profile keycloak of deploy/local-stack).
    PROFILES=(-Pkeycloak)
    ARGS+=("--keycloak=deploy/local-stack/target/keycloak")
  else
    ARGS+=("$arg")
  fi
done

echo "Building gridloop (the first build downloads dependencies and takes a few minutes)…"
./mvnw -q -B -Dmaven.test.skip=true "${PROFILES[@]}" -pl deploy/local-stack -am install

exec "$JAVA" -Xms256m -Xmx1g -XX:+ExitOnOutOfMemoryError "${JAVA_FLAGS[@]}" \
  -jar deploy/local-stack/target/gridloop-local-stack-0.1.0-SNAPSHOT-exec.jar "${ARGS[@]}"

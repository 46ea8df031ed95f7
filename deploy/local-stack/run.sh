#!/usr/bin/env bash
# Builds gridloop and starts the whole system locally, without Docker: an embedded Kafka (KRaft) broker, an
# embedded MongoDB-wire server, the five services and the demo feeder. Data lives under ./data.
# Options go to the launcher: --no-demo, --demo-rate=N, --data-dir=DIR, --kafka-port=N, --mongo-port=N.
set -euo pipefail
cd "$(dirname "$0")/../.."

# A JDK >= 21 to run it: $JAVA_HOME, then java on the PATH, then the usual install locations.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
find_java() {
  local candidate
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" \
      /usr/lib/jvm/*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java \
      /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
JAVA=$(find_java) || { echo "gridloop needs a JDK 21 or newer; set JAVA_HOME to one." >&2; exit 1; }

echo "Building gridloop (the first build downloads dependencies and takes a few minutes)…"
./mvnw -q -B -Dmaven.test.skip=true -pl deploy/local-stack -am install

FLAGS=(-Xms256m -Xmx1g -XX:+ExitOnOutOfMemoryError)
# Kafka still uses sun.misc.Unsafe; from JDK 23 on that prints warnings unless allowed explicitly.
[ "$(java_major "$JAVA")" -ge 23 ] && FLAGS+=(--sun-misc-unsafe-memory-access=allow)

exec "$JAVA" "${FLAGS[@]}" \
  -jar deploy/local-stack/target/gridloop-local-stack-0.1.0-SNAPSHOT-exec.jar "$@"

# Sourced by the launch scripts: sets JAVA to a JDK >= 21 — $JAVA_HOME, then java on the PATH, then the usual
# install locations — and JAVA_FLAGS to what that JDK needs for Kafka.
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
JAVA_FLAGS=()
# Kafka still uses sun.misc.Unsafe; from JDK 23 on that prints warnings unless allowed explicitly.
[ "$(java_major "$JAVA")" -ge 23 ] && JAVA_FLAGS+=(--sun-misc-unsafe-memory-access=allow)

# Sourced: sets JAVA_HOME to a JDK >= 21 (prefers Temurin 25), installs one if none is found.
jdk_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
pick_jdk() {
  local c
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-*-jdk-* /usr/lib/jvm/java-2[1-9]-openjdk-* /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/javac" ] || continue
    local m; m=$(jdk_major "$c")
    if [ -n "$m" ] && [ "$m" -ge 21 ]; then echo "$c"; return 0; fi
  done
  return 1
}
if ! JAVA_HOME=$(pick_jdk); then
  echo "no JDK >= 21 found; installing openjdk-21 from Debian" >&2
  (apt-get update -qq && apt-get install -y -qq openjdk-21-jdk-headless) >&2 || true
  JAVA_HOME=$(pick_jdk) || { echo "pcn: no JDK >= 21 available" >&2; exit 2; }
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's bundled guava pokes sun.misc.Unsafe; keep JDK 25 quiet about it.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# Shared by ./gilfree, ./run-tests and tools/*.sh: where things live, how to find JDK 25, how to build.
# Sourced, never run on its own.

GILFREE_ROOT=${GILFREE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
GILFREE_BUILD="$GILFREE_ROOT/build"
# Overridable so several work trees of one machine can share one environment.
GILFREE_VENV=${GILFREE_VENV:-$GILFREE_BUILD/venv}
GILFREE_GRAALPY_SITE=${GILFREE_GRAALPY_SITE:-$GILFREE_BUILD/graalpy-site}
# Packages a user adds to the GraalPy runtime (`./gilfree -m pip install`): a prefix whose site-packages
# folder the launcher puts on sys.path. The CPython runtime's packages go into GILFREE_VENV.
GILFREE_GRAALPY_ENV=${GILFREE_GRAALPY_ENV:-$GILFREE_BUILD/graalpy-env}
GILFREE_MIN_JAVA=25

gf_die() { echo "gilfree: $*" >&2; exit 2; }

# Major version of the JDK at $1 (0 when it is not a JDK).
gf_jdk_major() {
  local home=$1 v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || { echo 0; return; }
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "${v:-}" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  fi
  echo "${v:-0}"
}

# Sets GILFREE_JAVA_HOME to a JDK >= 25: JAVA_HOME when it qualifies, else the newest installed one.
gf_find_jdk() {
  [ -n "${GILFREE_JAVA_HOME:-}" ] && return 0
  if [ -n "${JAVA_HOME:-}" ] && [ "$(gf_jdk_major "$JAVA_HOME")" -ge "$GILFREE_MIN_JAVA" ]; then
    GILFREE_JAVA_HOME=$JAVA_HOME; return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* \
           "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] || continue
    v=$(gf_jdk_major "$d")
    if [ "$v" -ge "$GILFREE_MIN_JAVA" ] && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
  done
  [ -n "$best" ] || gf_die "needs a JDK $GILFREE_MIN_JAVA or newer (javac included). JAVA_HOME is '${JAVA_HOME:-unset}'; none found under /usr/lib/jvm, /opt/java, ~/.sdkman or ~/.jdks. Install one (e.g. Temurin 25) or point JAVA_HOME at it."
  GILFREE_JAVA_HOME=$best
}

# Files whose change means the jars must be rebuilt.
gf_sources_newer_than() {
  local stamp=$1
  [ -f "$stamp" ] || return 0
  [ -n "$(find "$GILFREE_ROOT/pom.xml" "$GILFREE_ROOT/gateway-processor" "$GILFREE_ROOT/engine" "$GILFREE_ROOT/graalpy-module" \
          "$GILFREE_ROOT/jep-bridge" "$GILFREE_ROOT/python" "$GILFREE_ROOT/tools" -newer "$stamp" -type f -not -path '*/target/*' \
          -not -name '*.pyc' -print -quit 2>/dev/null)" ]
}

# The jar holding OpenBLAS's native files (the engine's Maven dependency; the build fetches it). The engine
# extracts and loads them, and falls back to its Java kernels when the jar is missing or not for this platform.
gf_openblas_jar() {
  local v
  v=$(sed -n 's:.*<openblas.version>\(.*\)</openblas.version>.*:\1:p' "$GILFREE_ROOT/pom.xml")
  echo "$HOME/.m2/repository/org/bytedeco/openblas/$v/openblas-$v-linux-x86_64.jar"
}

gf_mvn() {
  JAVA_HOME=$GILFREE_JAVA_HOME PATH="$GILFREE_JAVA_HOME/bin:$PATH" \
    MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn -B -ntp "$@"
}

# Python environment, jep in the local Maven repository, then the jars: whatever is missing or stale.
gf_ensure_built() {
  gf_find_jdk
  # bootstrap.sh checks the environment by its stamp; skip even starting it (a bash and four more processes
  # on every launch) while the stamp is newer than its inputs and names this JDK: shell builtins only.
  local ready="$GILFREE_VENV/.gilfree-ready" t="$GILFREE_ROOT/tools"
  if ! { [ "$ready" -nt "$GILFREE_ROOT/pom.xml" ] && [ "$ready" -nt "$t/requirements-cpython.txt" ] \
         && [ "$ready" -nt "$t/requirements-graalpy.txt" ] && [[ "$(<"$ready")" == *" jdk=$GILFREE_JAVA_HOME "* ]]; }; then
    "$GILFREE_ROOT/tools/bootstrap.sh"
  fi
  local stamp="$GILFREE_BUILD/jars.stamp"
  if [ "${GILFREE_NO_BUILD:-0}" != 1 ] && gf_sources_newer_than "$stamp"; then
    echo "gilfree: building the engine and bridges (first use or sources changed)..." >&2
    local log="$GILFREE_BUILD/build.log"
    if ! gf_mvn -q -f "$GILFREE_ROOT/pom.xml" -DskipTests -pl engine,graalpy-module,jep-bridge -am package >"$log" 2>&1; then
      cat "$log" >&2
      gf_die "the build failed (log above, also in $log)"
    fi
    touch "$stamp"
  fi
}

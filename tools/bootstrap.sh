#!/usr/bin/env bash
# Creates what the project needs outside Maven, once, and again only when its inputs change:
#  - build/venv: CPython venv with jep (built against JDK 25), numpy, pytest, hypothesis, pytest-run-parallel
#  - jep's jar installed into the local Maven repository (jep-bridge compiles against it)
#  - build/graalpy-site: the pure-Python test packages for GraalPy (pytest & co. are py3-none-any wheels)
#  - build/venv/gilfree-jep.properties: where jep's native library and CPython live, for the jep launcher
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
gf_find_jdk

jep_version=$(sed -n 's:.*<jep.version>\(.*\)</jep.version>.*:\1:p' "$GILFREE_ROOT/pom.xml")
req_c="$GILFREE_ROOT/tools/requirements-cpython.txt"
req_g="$GILFREE_ROOT/tools/requirements-graalpy.txt"
want="jep=$jep_version jdk=$GILFREE_JAVA_HOME $(cat "$req_c" "$req_g" | md5sum | cut -c1-12)"
stamp="$GILFREE_VENV/.gilfree-ready"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  touch "$stamp"  # still current: newer than its inputs again, so the launcher's quick check passes next time
  exit 0
fi

echo "gilfree: setting up the Python environment in build/ (first use; takes a minute)..." >&2
base_python=${GILFREE_BASE_PYTHON:-$(command -v python3 || true)}
[ -n "$base_python" ] || gf_die "needs python3 (3.10 or newer, with its headers) to build jep"
log="$GILFREE_BUILD/bootstrap.log"
mkdir -p "$GILFREE_BUILD"
{
  rm -rf "$GILFREE_VENV" "$GILFREE_GRAALPY_SITE"
  "$base_python" -m venv "$GILFREE_VENV"
  # jep compiles its native library and jar with the JDK in JAVA_HOME: it must be the JDK we run on.
  JAVA_HOME=$GILFREE_JAVA_HOME PATH="$GILFREE_JAVA_HOME/bin:$PATH" \
    "$GILFREE_VENV/bin/pip" install --no-cache-dir "jep==$jep_version" -r "$req_c"
  # GraalPy cannot load CPython extension modules: take pure-Python wheels only, for GraalPy's Python 3.12.
  "$GILFREE_VENV/bin/pip" install --no-cache-dir --target "$GILFREE_GRAALPY_SITE" --only-binary=:all: \
    --platform any --implementation py --python-version 3.12 -r "$req_g"
} >"$log" 2>&1 || { cat "$log" >&2; gf_die "Python environment set-up failed (log above, also in $log)"; }

site=$("$GILFREE_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
home=$("$GILFREE_VENV/bin/python" -c 'import sys; print(sys.base_prefix)')
jepdir="$site/jep"
[ -f "$jepdir/libjep.so" ] || gf_die "jep built no libjep.so in $jepdir (see $log)"
cat >"$GILFREE_VENV/gilfree-jep.properties" <<PROPS
# Written by tools/bootstrap.sh: read by dev.gilfree.jep.JepRuntime.
jep.library=$jepdir/libjep.so
python.home=$home
python.sitePackages=$site
PROPS

gf_mvn -q install:install-file -Dfile="$jepdir/jep-$jep_version.jar" -DgroupId=black.ninja -DartifactId=jep \
  -Dversion="$jep_version" -Dpackaging=jar >>"$log" 2>&1 || { cat "$log" >&2; gf_die "could not install jep's jar into the local Maven repository"; }
echo "$want" >"$stamp"

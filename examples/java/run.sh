#!/usr/bin/env bash
# Runs EmbedExample (a Java program embedding Python over its data) with the jars ./gilfree builds:
#   examples/java/run.sh [graalpy|sandbox|cpython] [SCRIPT.py]
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/tools/lib.sh"
cd "$GILFREE_ROOT"
gf_ensure_built
runtime=${1:-graalpy}
java="$GILFREE_JAVA_HOME/bin/java"
version=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
jep_version=$(sed -n 's:.*<jep.version>\(.*\)</jep.version>.*:\1:p' pom.xml)
mod=graalpy-module/target
cp="engine/target/gilfree-engine-$version.jar:$(gf_openblas_jar):$mod/gilfree-graalpy-$version.jar"
cp="$cp:jep-bridge/target/gilfree-jep-$version.jar:$HOME/.m2/repository/black/ninja/jep/$jep_version/jep-$jep_version.jar"
# Same JVM set-up as ./gilfree: Vector API, Polyglot on the module path, Graal compiler for Truffle.
exec "$java" --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED,org.graalvm.truffle \
  --sun-misc-unsafe-memory-access=allow -Xss8m \
  -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path="$mod/compiler" \
  --module-path="$mod/modules" --add-modules=ALL-MODULE-PATH \
  -Dgilfree.jep.config="$GILFREE_VENV/gilfree-jep.properties" \
  -cp "$cp" examples/java/EmbedExample.java "$@"

#!/usr/bin/env bash
# Runs a benchmark main class from src/test/java/org/custodia/bench. Usage: bench/run.sh CLASS [args]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
JAVA_BIN=java
for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
  [ -x "$jdk/bin/java" ] && JAVA_BIN="$jdk/bin/java" && break
done
exec "$JAVA_BIN" -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$@"

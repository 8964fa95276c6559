#!/usr/bin/env bash
# Runs the JMH benchmarks (src/test/java/org/custodia/bench). Usage: bench/jmh.sh [JMH options, e.g. a regex]
exec "$(dirname "$0")/run.sh" org.openjdk.jmh.Main "$@"

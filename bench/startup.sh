#!/usr/bin/env bash
# Measures the README start command on a fresh data directory: time to the first answer (the demo's progress page),
# time to the first page with the whole demo loaded, demo load, memory (RSS), ledger verification through the API,
# and a second start (no demo load). Prints a Markdown block.
# Usage: bench/startup.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-18080}
DATA=$(mktemp -d /tmp/custodia-bench.XXXXXX)
LOG=$DATA/run.log
# what spring-boot:run builds before it starts (it runs the lifecycle to test-compile): not part of the start
mvn -q -B test-compile >/dev/null
# the host's speed at the time (a shared host varies by half within a day): one core's SHA-256 over 256 MiB
HOST=$( { /usr/bin/time -f '%e' bash -c 'head -c 268435456 /dev/zero | sha256sum >/dev/null'; } 2>&1 )

start() {
  local t0=$(date +%s.%N) code
  ANSWERED=""
  CUSTODIA_DATA_DIR=$DATA PORT=$PORT CUSTODIA_DEMO_PASSWORD=bench-password-1 \
    mvn -q -B spring-boot:run >"$LOG" 2>&1 &
  MVN_PID=$!
  # the first answer (the progress page, or the login page on a second start), then health until the demo is
  # loaded (cheap: asking for the progress page ten times a second would take CPU from the load), then the page
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login" || true)
    if [ "$code" != "000" ]; then ANSWERED=$(echo "$(date +%s.%N) - $t0" | bc); break; fi
    sleep 0.1
    kill -0 $MVN_PID 2>/dev/null || { echo "Custodia did not start:"; tail -40 "$LOG"; exit 1; }
  done
  while [ "$code" != "200" ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/actuator/health" || true)" = "200" ] \
      && code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login" || true)
    [ "$code" = "200" ] && break
    sleep 0.1
    kill -0 $MVN_PID 2>/dev/null || { echo "Custodia did not start:"; tail -40 "$LOG"; exit 1; }
  done
  local t1=$(date +%s.%N)
  ELAPSED=$(echo "$t1 - $t0" | bc)
  JVM_AT=$(grep -o 'process running for [0-9.]*' "$LOG" | head -1 | awk '{print $4}')
}

stop() {
  pkill -TERM -f "org.custodia.CustodiaApplication" || true
  wait $MVN_PID 2>/dev/null || true
  sleep 1
}

start; FIRST=$ELAPSED; FIRST_ANSWER=$ANSWERED; FIRST_SPRING=$JVM_AT
DEMO_MS=$(grep -o "Demo data loaded: .*" "$LOG" | head -1 || true)
JPID=$(pgrep -f "org.custodia.CustodiaApplication" | head -1)
RSS_KB=$(ps -o rss= -p "$JPID" | tr -d ' ')
curl -s -u inspector:bench-password-1 "http://localhost:$PORT/api/ledger/verify" >/dev/null   # warm-up
VERIFY=$(curl -s -u inspector:bench-password-1 -o "$DATA/verify.json" -w '%{time_total}' "http://localhost:$PORT/api/ledger/verify")
ENTRIES=$(grep -o '"entries":[0-9]*' "$DATA/verify.json" | head -1 | cut -d: -f2)
VALID=$(grep -o '"valid":[a-z]*' "$DATA/verify.json" | head -1 | cut -d: -f2)
curl -s -u inspector:bench-password-1 "http://localhost:$PORT/api/ledger/export" > "$DATA/ledger.jsonl"
RSS_AFTER_KB=$(ps -o rss= -p "$JPID" | tr -d ' ')
stop
start; SECOND=$ELAPSED; SECOND_SPRING=$JVM_AT
stop
JAVA_BIN=$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)
mvn -q -B package -DskipTests >/dev/null
OFFLINE_T0=$(date +%s.%N)
"$JAVA_BIN" -jar target/custodia.jar verify-ledger "$DATA/ledger.jsonl" > "$DATA/offline.txt"
OFFLINE_T1=$(date +%s.%N)

cat <<OUT
| figure | value |
|---|---|
| host speed: \`sha256sum\` of 256 MiB (one core; 1.0 s on a quiet hour here) | ${HOST} s |
| first start (\`mvn spring-boot:run\`, fresh \`./data\`): first answer (the demo's progress page) | $(printf '%.1f' "$FIRST_ANSWER") s (of which the service's own start, JVM included: ${FIRST_SPRING} s) |
| first start to the first page with the whole demo loaded | $(printf '%.1f' "$FIRST") s |
| demo load (log line) | ${DEMO_MS} |
| second start (data kept, no demo load) to first page | $(printf '%.1f' "$SECOND") s (the service's own start: ${SECOND_SPRING} s) |
| RSS of the service with the demo loaded | $((RSS_KB / 1024)) MiB (after verify and export: $((RSS_AFTER_KB / 1024)) MiB) |
| \`GET /api/ledger/verify\` over ${ENTRIES} entries (valid=${VALID}) | ${VERIFY} s = $(echo "$ENTRIES / $VERIFY" | bc) entries/s |
| offline \`verify-ledger\` of the export (JVM start included) | $(echo "$OFFLINE_T1 - $OFFLINE_T0" | bc | xargs printf '%.2f') s: $(tail -1 "$DATA/offline.txt") |
OUT
rm -rf "$DATA"

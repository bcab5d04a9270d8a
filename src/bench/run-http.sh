#!/usr/bin/env bash
# HTTP end to end against MariaDB on this machine, with the two physical limits beside it in the same
# run: plain JDBC batches into the same database, and Tomcat + JSON (+ contract validation) without
# evaluation or persistence. Loopback only. See docs/benchmarks.md.
#   bash src/bench/run-http.sh            (needs MariaDB on 127.0.0.1:3306, root without password)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${BENCH_PORT:-18080}
ECHO_PORT=${BENCH_ECHO_PORT:-18081}
KEY="bench-key-$(date +%s)-$$"
DB="lianshao_bench_$(date +%s)"
OUT=target/bench-http-$(date +%Y%m%d-%H%M%S).log
RATES=${BENCH_RATES:-"25 50 100"}
ECHO_RATES=${BENCH_ECHO_RATES:-"500 1000 2000"}
SECONDS_PER_RATE=${BENCH_SECONDS:-20}
mkdir -p target
log() { printf '\n== %s\n' "$*" | tee -a "$OUT"; }
mysql_tcp() { mysql --protocol=TCP -h127.0.0.1 -P3306 -uroot "$@"; }

log "machine"
{ echo "nproc: $(nproc)"; free -h | head -2; grep -m1 'model name' /proc/cpuinfo; java -version 2>&1 | head -1;
  mysql_tcp -N -e 'SELECT VERSION()'; echo "load before: $(cat /proc/loadavg)"; } | tee -a "$OUT"

log "build"
mvn -q -B -Pbench -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
JAR=$(ls target/lianshao-*.jar | grep -v original | head -1)
JAVA_BENCH=(java -Xmx1g -Dlogback.configurationFile=src/bench/resources/logback-bench.xml -cp "$CP")

mysql_tcp -e "CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
trap 'kill ${APP:-} ${ECHO:-} 2>/dev/null || true; mysql_tcp -e "DROP DATABASE IF EXISTS \`$DB\`" || true' EXIT
URL="jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true&characterEncoding=UTF-8&connectionTimeZone=UTC"

wait_up() {
  for _ in $(seq 1 120); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "not up: $1"; return 1
}

log "Lianshao ($JAR) on 127.0.0.1:$PORT, MariaDB database $DB"
SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD= \
  LIANSHAO_BOOTSTRAP_FEED=test-feed LIANSHAO_BOOTSTRAP_API_KEY="$KEY" LIANSHAO_DEMO_ENABLED=false PORT=$PORT \
  java -Xms1g -Xmx1g -jar "$JAR" --server.address=127.0.0.1 > target/bench-app.log 2>&1 &
APP=$!
wait_up "http://127.0.0.1:$PORT/actuator/health"

run() { "${JAVA_BENCH[@]}" lianshao.bench.LoadGenerator "$@" 2>&1 | grep RESULT | tee -a "$OUT"; }
target_runs() {
  local base=$1 rates=$2
  run "$base" "$KEY" batch 100 2 100
  run "$base" "$KEY" batch 1000 2 10
  for rate in $rates; do
    run "$base" "$KEY" single "$rate" "$SECONDS_PER_RATE"
  done
}
log "Lianshao end to end"
target_runs "http://127.0.0.1:$PORT" "$RATES"
echo "load after Lianshao: $(cat /proc/loadavg)" | tee -a "$OUT"
ROWS=$(mysql_tcp -N -e "SELECT (SELECT COUNT(*) FROM \`$DB\`.record), (SELECT COUNT(*) FROM \`$DB\`.record_key), (SELECT COUNT(*) FROM \`$DB\`.warning)")
echo "rows: records, keys, warnings = $ROWS" | tee -a "$OUT"
KEYS_PER_RECORD=$(echo "$ROWS" | awk '{ printf "%d", ($2 / $1) + 0.5 }')
kill $APP; wait $APP 2>/dev/null || true; APP=

log "physical limit: plain JDBC batches of 1000, same tables, same database ($KEYS_PER_RECORD keys per record)"
"${JAVA_BENCH[@]}" lianshao.bench.JdbcLimit "$URL" root "" 20000 "$KEYS_PER_RECORD" 2>&1 | grep RESULT | tee -a "$OUT"

log "physical limit: Tomcat + JSON + contract validation, no evaluation, no database (127.0.0.1:$ECHO_PORT)"
"${JAVA_BENCH[@]}" lianshao.bench.EchoServer "$ECHO_PORT" > target/bench-echo.log 2>&1 &
ECHO=$!
sleep 3
target_runs "http://127.0.0.1:$ECHO_PORT" "$ECHO_RATES"
kill $ECHO; ECHO=
echo "load after: $(cat /proc/loadavg)" | tee -a "$OUT"
log "results in $OUT"

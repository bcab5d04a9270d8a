#!/usr/bin/env bash
# Ingest cost as the store grows: for each N, a fresh MariaDB database that the service migrates and seeds with the
# demo city (one start, stopped once healthy), filled to N stored, evaluated records by lianshao.bench.StoreFill
# (JDBC batches, no HTTP, no rules), then the service started on it and measured with wrk as
# ../shared/perf/side-by-side.sh does (the same post.lua and bodies: every request a new record): single POSTs at
# 8 connections and batches of 100 at 2 connections, WARM s of warm-up each, then SECS s each, with the CPU seconds
# of the service and of MariaDB per record (/proc/<pid>/stat, as bench/profile.sh reads them).
# Usage, from the repository root: bash bench/growth.sh target/lianshao-0.1.0-SNAPSHOT.jar 10000 100000 1000000
# Environment: SECS (20), WARM (15), PORT (18121); BACKTEST=1 runs bench/backtest.sh on each filled database after
# the load (its queued re-evaluations deleted first); KEEP_DB=1 keeps the databases (their names are printed).
set -euo pipefail
JAR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift
REPO=$(pwd); PERF=${SHARED_PERF:-$REPO/../shared/perf}; PORT=${PORT:-18121}; SECS=${SECS:-20}; WARM=${WARM:-15}
[ -d "$REPO/seeds/records" ] || { echo "run from the repository root"; exit 2; }
command -v wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
work=$(mktemp -d); python3 "$PERF/make_bodies.py" "$REPO/seeds" "$work" >/dev/null
mysqlc() { mysql --protocol=TCP -h127.0.0.1 -uroot "$@"; }
mvn -B -ntp -q -Pbench -DskipTests test-compile
DBS=()
trap '{ [ -z "${APP:-}" ] || kill $APP 2>/dev/null || true; }; [ -n "${KEEP_DB:-}" ] || for d in "${DBS[@]}"; do mysqlc -e "DROP DATABASE IF EXISTS $d"; done; rm -rf "$work"' EXIT
start() {
  SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD= LIANSHAO_DEMO_ENABLED=true \
    java -Xms1g -Xmx1g -jar "$JAR" --server.port=$PORT --server.address=127.0.0.1 >> "$work/app.log" 2>&1 &
  APP=$!
  for i in $(seq 1 300); do curl -fs http://127.0.0.1:$PORT/actuator/health >/dev/null 2>&1 && break; sleep 1; done
  curl -fs http://127.0.0.1:$PORT/actuator/health >/dev/null || { echo "service not healthy"; tail -5 "$work/app.log"; exit 1; }
  echo "healthy after ${i}s"
}
stop() { kill $APP; wait $APP 2>/dev/null || true; APP=; }
export KEY=lsk_demo_qingyuan_2026
B=http://127.0.0.1:$PORT/api/v1/records
DBPID=$(pgrep -x mariadbd | head -1); hz=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' /proc/$1/stat; }
# label, bodies, connections, url, records per request
measure() {
  echo "load before $1: $(cat /proc/loadavg)"
  local a0 d0 t0 a1 d1 t1
  a0=$(cpu $APP); d0=$(cpu $DBPID); t0=$(date +%s.%N)
  BODIES=$2 wrk --timeout 60s -t2 -c"$3" -d"${SECS}s" -s "$PERF/post.lua" "$4" | grep RESULT > "$work/result"
  a1=$(cpu $APP); d1=$(cpu $DBPID); t1=$(date +%s.%N)
  python3 - "$work/result" "$1" "$5" "$hz" "$a0" "$a1" "$d0" "$d1" "$t0" "$t1" <<'PY'
import re, sys
label, per, hz, a0, a1, d0, d1, t0, t1 = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), *map(float, sys.argv[5:])
r = dict(re.findall(r'(\w+)=([\d.]+)', open(sys.argv[1]).read()))
n = float(r['requests']) * per; wall = t1 - t0
print(f"{label} records_per_s={n / float(r['seconds']):.1f} p50_ms={r['p50_ms']} p99_ms={r['p99_ms']} "
      f"errors={int(float(r['errors_status']) + float(r['errors_timeout']))} "
      f"cpu_service_ms_per_record={1000 * (a1 - a0) / hz / n:.2f} cpu_mariadb_ms_per_record={1000 * (d1 - d0) / hz / n:.2f} "
      f"cpu_share_of_2_cores={100 * ((a1 - a0) + (d1 - d0)) / hz / wall / 2:.0f}%")
PY
}
for N in "$@"; do
  DB="growth_${N}_$(date +%s)"; DBS+=("$DB")
  URL="jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
  echo "== N=$N database $DB"
  mysqlc -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  start; stop
  echo "load before fill: $(cat /proc/loadavg)"
  mvn -B -ntp -q -Pbench exec:exec -Dbench.main=lianshao.bench.StoreFill -Dbench.args="$URL $N $REPO/seeds" | grep FILL
  mysqlc -N -e "SELECT CONCAT('STORE records=', (SELECT COUNT(*) FROM $DB.record), ' keys=', (SELECT COUNT(*) FROM $DB.record_key),
    ' MB=', (SELECT ROUND(SUM(data_length + index_length) / 1048576) FROM information_schema.tables WHERE table_schema = '$DB'))"
  # evaluations of the service (the filled rows have duration 0) and posted records (no "-g" copy number), before and after
  counts() { mysqlc -N -e "SELECT (SELECT COUNT(*) FROM $DB.evaluation WHERE duration_micros > 0), (SELECT COUNT(*) FROM $DB.record WHERE external_id NOT LIKE '%-g%'), (SELECT COUNT(*) FROM $DB.reevaluation_queue)"; }
  set -- $(counts); e0=$1; r0=$2
  start; sleep 5
  BODIES=$work/single.txt wrk --timeout 60s -t2 -c4 -d${WARM}s -s "$PERF/post.lua" $B | grep RESULT | sed 's/^/warmup single /'
  BODIES=$work/batch100.txt wrk --timeout 60s -t1 -c2 -d${WARM}s -s "$PERF/post.lua" $B/batch | grep RESULT | sed 's/^/warmup batch100 /'
  measure "N=$N single8" "$work/single.txt" 8 $B 1
  measure "N=$N batch100" "$work/batch100.txt" 2 $B/batch 100
  set -- $(counts)
  echo "N=$N posted=$(( $2 - r0 )) evaluations=$(( $1 - e0 )) per_posted_record=$(python3 -c "print(f'{($1 - $e0) / max(1, $2 - $r0):.2f}')") re-evaluations_still_queued=$3"
  echo "app log ERROR lines: $(grep -c ' ERROR ' "$work/app.log" || true)"
  if [ -n "${BACKTEST:-}" ]; then
    # the backtest alone: the re-evaluations the load left queued would share the cores with it
    mysqlc -e "DELETE FROM $DB.reevaluation_queue"
    APP_PID=$APP PORT=$PORT bash "$REPO/bench/backtest.sh" || echo "backtest failed"
  fi
  stop
done

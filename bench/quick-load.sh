#!/usr/bin/env bash
# One load of one kind against one jar, for comparing jars or settings in alternating runs when the machine is too
# noisy for one side-by-side run each: a fresh MariaDB database, the demo city, 15 s of single posts at 4 connections
# as warm-up, then SECS s of MODE (single: single posts at 8 connections; single1: at 1 connection; batch: batches of
# 100 at 2 connections) with the bodies of ../shared/perf/make_bodies.py. Prints wrk's RESULT line (prefixed with
# LABEL, MODE and the load average), the CPU ticks (1/100 s) of the service and of MariaDB during the load, and the
# group-commit sizes (lianshao_records_group_size), the earlier records per evaluation by domain
# (lianshao_evaluation_context_records) and any metric METRICS (an extended regular expression) names, from
# /actuator/prometheus (as the demo administrator).
# Usage, from the repository root: bash bench/quick-load.sh path/to/lianshao.jar LABEL [single|single1|batch]
# Environment: SECS (20), PORT (18131), EXTRA (more arguments for the service, e.g.
# --lianshao.ingest.group-commit.concurrent-groups=1).
set -euo pipefail
JAR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); LABEL=$2; MODE=${3:-single}; SECS=${SECS:-20}; PORT=${PORT:-18131}
REPO=$(pwd); PERF=${SHARED_PERF:-$REPO/../shared/perf}
[ -d "$REPO/seeds/records" ] || { echo "run from the repository root"; exit 2; }
work=$(mktemp -d); python3 "$PERF/make_bodies.py" "$REPO/seeds" "$work" >/dev/null
DB="quick_$(date +%s)_$$"; mysqlc() { mysql --protocol=TCP -h127.0.0.1 -uroot "$@"; }
mysqlc -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
URL="jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
trap 'kill ${APP:-} 2>/dev/null; mysqlc -e "DROP DATABASE IF EXISTS $DB"; rm -rf "$work"' EXIT
SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD= LIANSHAO_DEMO_ENABLED=true \
  java -Xms1g -Xmx1g -jar "$JAR" --server.port=$PORT --server.address=127.0.0.1 ${EXTRA:-} > "$work/app.log" 2>&1 &
APP=$!
for i in $(seq 1 180); do curl -fs http://127.0.0.1:$PORT/actuator/health >/dev/null 2>&1 && break; sleep 1; done
curl -fs http://127.0.0.1:$PORT/actuator/health >/dev/null || { echo "service not healthy"; tail -5 "$work/app.log"; exit 1; }
export KEY=lsk_demo_qingyuan_2026
B=http://127.0.0.1:$PORT/api/v1/records
load() { BODIES=$1 wrk --timeout 60s -t"$2" -c"$3" -d"$4" -s "$PERF/post.lua" "$5" | grep RESULT; }
load "$work/single.txt" 2 4 15s $B > /dev/null
cpu() { awk '{print $14 + $15}' /proc/$1/stat; }
DBPID=$(pgrep -x mariadbd | head -1); a0=$(cpu $APP); d0=$(cpu $DBPID)
case $MODE in
  single) load "$work/single.txt" 2 8 "${SECS}s" $B ;;
  single1) load "$work/single.txt" 1 1 "${SECS}s" $B ;;
  batch) load "$work/batch100.txt" 2 2 "${SECS}s" $B/batch ;;
  *) echo "MODE: single, single1 or batch"; exit 2 ;;
esac | sed "s/^/$LABEL $MODE load=$(cut -d' ' -f1 /proc/loadavg) /"
a1=$(cpu $APP); d1=$(cpu $DBPID); echo "CPU ticks service=$((a1 - a0)) mariadb=$((d1 - d0))"
curl -fs -u admin:lianshao-demo http://127.0.0.1:$PORT/actuator/prometheus | grep -E "^(lianshao_records_group_size|lianshao_evaluation_context_records${METRICS:+|$METRICS})" || true

#!/usr/bin/env bash
# Rule-set deployments in a row through the running service, on a fresh MariaDB database: the jar is started
# with the demo data (-Xms1g -Xmx1g), then N times a draft with one threshold changed is created, validated,
# tested and submitted by the demo rule author, approved by the demo administrator (maker-checker) and waited
# for until active; then a fixed set of demo records (fresh identities) is posted one by one. One line per
# deployment: preparation and deployment time, records/s and latency of the single posts, mean rule evaluation
# time (lianshao.evaluation.latency), heap used, and after a full GC (jcmd GC.run) heap, metaspace, code cache
# (CodeHeap segments) and classes loaded/unloaded. At the end the log is searched for "CodeCache is full".
# Usage, from the repository root: bash bench/deploy-cycle.sh path/to/lianshao.jar [deployments (50)] [records (200)]
# Needs MariaDB on 127.0.0.1:3306 (root, no password), curl, python3 and the JDK's jcmd. Builds nothing.
# Environment: PORT (18097), THRESHOLD and VALUES (the key changed and its alternating values), KEEP_LOG (a path
# to copy the service log to), UNTIL (epoch seconds: start no deployment after it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ -f "${1:-}" ] || { echo "usage: bash bench/deploy-cycle.sh path/to/lianshao.jar [deployments] [records]"; exit 2; }
JAR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); REPO=$(pwd)
N=${2:-50}; RECORDS=${3:-200}; PORT=${PORT:-18097}
[ -d "$REPO/seeds/records" ] && [ -d "$REPO/rules" ] || { echo "run from the repository root (seeds/records, rules)"; exit 2; }
work=$(mktemp -d); python3 "$REPO/../shared/perf/make_bodies.py" "$REPO/seeds" "$work" >/dev/null
DB="deploy_$(date +%s)_$$"; mysqlc() { mysql --protocol=TCP -h127.0.0.1 -uroot "$@"; }
mysqlc -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
URL="jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
trap 'kill ${APP:-} 2>/dev/null; [ -n "${KEEP_LOG:-}" ] && cp "$work/app.log" "$KEEP_LOG"; mysqlc -e "DROP DATABASE IF EXISTS $DB"; rm -rf "$work"' EXIT
echo "load before: $(cat /proc/loadavg)"
SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD= LIANSHAO_DEMO_ENABLED=true \
  java -Xms1g -Xmx1g -jar "$JAR" --server.port=$PORT --server.address=127.0.0.1 > "$work/app.log" 2>&1 &
APP=$!
for i in $(seq 1 600); do curl -fs http://127.0.0.1:$PORT/actuator/health >/dev/null 2>&1 && break; sleep 1; done
curl -fs http://127.0.0.1:$PORT/actuator/health >/dev/null || { echo "service not healthy"; tail -5 "$work/app.log"; exit 1; }
echo "healthy after ${i}s"
sleep 5
started=$(date +%s)
python3 "$here/deploy_cycle.py" "http://127.0.0.1:$PORT" "$work/single.txt" "$N" "$RECORDS" "$APP"
echo "deployments ran for $(( $(date +%s) - started ))s"
echo "\"CodeCache is full\" in the log: $(grep -c 'CodeCache is full' "$work/app.log" || true)"
echo "app log ERROR lines: $(grep -c ' ERROR ' "$work/app.log" || true)"
echo "load after: $(cat /proc/loadavg)"

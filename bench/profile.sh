#!/usr/bin/env bash
# Where the time goes under the side-by-side load: starts the jar on a fresh MariaDB database (as
# ../shared/perf/side-by-side.sh does), records a JFR profile while wrk posts single records (8 connections)
# or batches of 100 (2 connections), and prints the methods that take the most samples, inclusive and self.
# Usage, from the repository root: bash bench/profile.sh target/lianshao-0.1.0-SNAPSHOT.jar [single|batch] [SECS]
# Writes target/profile/<mode>.jfr and <mode>.txt.
set -euo pipefail
JAR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); MODE=${2:-single}; SECS=${3:-30}
REPO=$(pwd); PERF=${SHARED_PERF:-$REPO/../shared/perf}; PORT=${PORT:-18111}
out=$REPO/target/profile; mkdir -p "$out"
work=$(mktemp -d); python3 "$PERF/make_bodies.py" "$REPO/seeds" "$work" >/dev/null
DB="prof_$(date +%s)_$$"; mysqlc() { mysql --protocol=TCP -h127.0.0.1 -uroot "$@"; }
mysqlc -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
URL="jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
trap 'kill ${APP:-} 2>/dev/null; [ -n "${KEEP_DB:-}" ] || mysqlc -e "DROP DATABASE IF EXISTS $DB"; rm -rf "$work"' EXIT
SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD= LIANSHAO_DEMO_ENABLED=true \
  java -Xms1g -Xmx1g -jar "$JAR" --server.port=$PORT --server.address=127.0.0.1 > "$work/app.log" 2>&1 &
APP=$!
for i in $(seq 1 180); do curl -fs http://127.0.0.1:$PORT/actuator/health >/dev/null 2>&1 && break; sleep 1; done
export KEY=lsk_demo_qingyuan_2026
B=http://127.0.0.1:$PORT/api/v1/records
if [ "$MODE" = batch ]; then bodies=$work/batch100.txt; url=$B/batch; conns=2; else bodies=$work/single.txt; url=$B; conns=8; fi
BODIES=$bodies wrk --timeout 60s -t2 -c$conns -d15s -s "$PERF/post.lua" $url | grep RESULT | sed 's/^/warmup /'
cpu() { awk '{print $14 + $15}' /proc/$1/stat; }   # user + system clock ticks of a process
DBPID=$(pgrep -x mariadbd | head -1); hz=$(getconf CLK_TCK)
jcmd $APP JFR.start name=p settings=profile > /dev/null
a0=$(cpu $APP); d0=$(cpu $DBPID); t0=$(date +%s.%N)
BODIES=$bodies wrk --timeout 60s -t2 -c$conns -d${SECS}s -s "$PERF/post.lua" $url | grep RESULT | tee "$work/result"
a1=$(cpu $APP); d1=$(cpu $DBPID); t1=$(date +%s.%N)
n=$(sed -E 's/.*requests=([0-9]+).*/\1/' "$work/result"); per=1; [ "$MODE" = batch ] && per=100
python3 -c "
hz=$hz; n=$n*$per; wall=$t1-$t0
for name, a, b in (('service (java)', $a0, $a1), ('MariaDB', $d0, $d1)):
    s = (b - a) / hz
    print(f'CPU {name}: {s:.1f} s of {wall:.1f} s wall ({100*s/wall/2:.0f}% of 2 cores), {1000*s/n:.2f} ms per record')
"
jcmd $APP JFR.dump name=p filename="$out/$MODE.jfr" > /dev/null
[ -n "${KEEP_DB:-}" ] && { echo "database kept: $DB"; sleep ${SETTLE:-20}; }
python3 "$REPO/bench/hot_methods.py" "$out/$MODE.jfr" | tee "$out/$MODE.txt"

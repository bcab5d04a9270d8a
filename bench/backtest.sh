#!/usr/bin/env bash
# A backtest of a draft over the stored records, through the API of a running service: a draft of the active
# version with one threshold changed (procurement.open-tender.threshold 2,000,000 -> 1,500,000), started over FROM..TO
# (default 2024-01-01..2026-12-31, the span bench/growth.sh fills), its progress polled every POLL s until it ends
# (cancelled after MAX_WAIT s). Prints progress lines, the total time and the CPU seconds of the service and MariaDB.
# Usage, from the repository root, the service on PORT: APP_PID=<pid of the service> PORT=18121 bash bench/backtest.sh
# PROFILE=1 records a JFR profile of the run (target/profile/backtest.jfr, hot methods in backtest.txt).
set -euo pipefail
REPO=$(pwd); PORT=${PORT:-18121}; FROM=${FROM:-2024-01-01}; TO=${TO:-2026-12-31}; POLL=${POLL:-5}; MAX_WAIT=${MAX_WAIT:-1800}
API=http://127.0.0.1:$PORT/api/v1/rule-sets; AUTH=author:lianshao-demo
active=$(curl -fs -u $AUTH $API | python3 -c "import json,sys; print(json.load(sys.stdin)['active']['version'])")
body=$(python3 - "$REPO/rules/thresholds.properties" <<'PY'
import json, sys
text = open(sys.argv[1], encoding='utf-8').read().replace('procurement.open-tender.threshold=2000000', 'procurement.open-tender.threshold=1500000', 1)
print(json.dumps({'comment': 'backtest benchmark: open-tender threshold 1,500,000', 'files': {'thresholds.properties': text}}))
PY
)
draft=$(curl -fs -u $AUTH -H "X-Requested-By: lianshao" -H 'Content-Type: application/json' -d "$body" $API | python3 -c "import json,sys; print(json.load(sys.stdin)['version'])")
echo "draft $draft of active version $active"
DBPID=$(pgrep -x mariadbd | head -1); hz=$(getconf CLK_TCK); cpu() { awk '{print $14 + $15}' /proc/$1/stat; }
[ -n "${PROFILE:-}" ] && jcmd "$APP_PID" JFR.start name=bt settings=profile > /dev/null
echo "load before backtest: $(cat /proc/loadavg)"
a0=$(cpu "$APP_PID"); d0=$(cpu $DBPID); t0=$(date +%s.%N)
view=$(curl -fs -u $AUTH -H "X-Requested-By: lianshao" -H 'Content-Type: application/json' -d "{\"from\":\"$FROM\",\"to\":\"$TO\"}" $API/$draft/backtests)
t1=$(date +%s.%N)
id=$(echo "$view" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
echo "backtest $id accepted after $(python3 -c "print(f'{$t1 - $t0:.1f}')") s: $(echo "$view" | python3 -c "import json,sys; v=json.load(sys.stdin); print(v['status'], v['done'], 'of', v['total'])")"
status=RUNNING
while :; do
  sleep "$POLL"
  view=$(curl -fs -u $AUTH $API/$draft/backtests/$id)
  line=$(echo "$view" | python3 -c "import json,sys; v=json.load(sys.stdin); print(v['status'], v['done'], v['total'], v['failed'])")
  set -- $line; status=$1
  el=$(python3 -c "print(f'{$(date +%s.%N) - $t0:.0f}')")
  echo "progress t=${el}s status=$1 done=$2 of $3 failed=$4"
  [ "$status" = RUNNING ] || [ "$status" = QUEUED ] || break
  if [ "$el" -gt "$MAX_WAIT" ]; then curl -fs -u $AUTH -H "X-Requested-By: lianshao" -X POST $API/$draft/backtests/$id/cancel > /dev/null; echo "cancelled after ${el}s"; break; fi
done
a1=$(cpu "$APP_PID"); d1=$(cpu $DBPID); t2=$(date +%s.%N)
echo "$view" | python3 -c "
import json,sys; v=json.load(sys.stdin)
wall=$t2-$t0; n=max(v['done'],1)
print(f\"BACKTEST status={v['status']} records={v['done']} of {v['total']} seconds={wall:.0f} (polled every $POLL s) records_per_s={n/wall:.0f}\",
      f\"cpu_service_ms_per_record={1000*($a1-$a0)/$hz/n:.2f} cpu_mariadb_ms_per_record={1000*($d1-$d0)/$hz/n:.2f} changes={v.get('changes')}\")"
if [ -n "${PROFILE:-}" ]; then
  mkdir -p "$REPO/target/profile"
  jcmd "$APP_PID" JFR.dump name=bt filename="$REPO/target/profile/backtest.jfr" > /dev/null
  jcmd "$APP_PID" JFR.stop name=bt > /dev/null
  python3 "$REPO/bench/hot_methods.py" "$REPO/target/profile/backtest.jfr" | tee "$REPO/target/profile/backtest.txt"
fi

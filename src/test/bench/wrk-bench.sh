#!/usr/bin/env bash
# Web server benchmark (loopback only, bounded): start-up time and memory of the packaged server,
# then wrk reading the first page of a 1,000-comment thread and posting comments, at 2 and 16
# connections. Prerequisites: `mvn -B -DskipTests package` (web/target/parley.war), wrk
# (apt-get install wrk), python3. Usage: src/test/bench/wrk-bench.sh [seconds per run, default 20] [JVM options]
# (e.g. -Dparley.db.url=... to measure another database or H2 setting).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DURATION=${1:-20}
source src/test/bench/server.sh

START=$(date +%s.%N)
start_server "${@:2}"
END=$(date +%s.%N)
read -r RSS CPU < <(ps -o rss=,cputime= -p $PID)
echo "start-up: $(echo "$END - $START" | bc) s wall to /health/ready 200, CPU time $CPU, RSS $((RSS / 1024)) MB"

KEY=bench-$(date +%s)
TOKEN=$(python3 src/test/bench/seed.py $BASE admin $ADMIN_PASSWORD $KEY 1000)
read -r RSS _ < <(ps -o rss=,cputime= -p $PID)
echo "seeded 1000 comments on $KEY; RSS $((RSS / 1024)) MB"
READ="$BASE/api/v1/articles/$KEY/comments?site=demo&limit=20"
for C in 2 16; do
  echo "== read first page, $C connections, ${DURATION}s"
  wrk -t2 -c$C -d${DURATION}s --latency "$READ" | grep -E "Latency|Req/Sec|requests in|Requests/sec|50%|99%|Non-2xx"
done
for C in 2 16; do
  echo "== post comments, $C connections, ${DURATION}s"
  PARLEY_TOKEN=$TOKEN PARLEY_PATH="/api/v1/articles/$KEY/comments?site=demo" \
    wrk -t2 -c$C -d${DURATION}s --latency -s src/test/bench/post.lua "$BASE" \
    | grep -E "Latency|requests in|Requests/sec|50%|99%|HTTP [0-9]+:"
done
echo "comments on the article now: $(curl -s "$BASE/api/v1/counts?site=demo&keys=$KEY")"
read -r RSS CPU < <(ps -o rss=,cputime= -p $PID)
echo "after the runs: RSS $((RSS / 1024)) MB, CPU time $CPU; H2 file $(du -m "$WORK"/data/*.mv.db 2>/dev/null | cut -f1) MB"

#!/usr/bin/env bash
# Soak benchmark (loopback only, bounded): the packaged server under a mix of thread reads and
# posts (src/test/bench/post.lua with 20 % posts, each with an Idempotency-Key) at 16 connections for SECONDS (default 600). The
# heap after a full GC is sampled every SAMPLE seconds (jcmd GC.run, then GC.heap_info), with
# resident memory, CPU time and the H2 file size; wrk reports latency percentiles and answers
# by status. Prerequisites: `mvn -B -q -DskipTests package` (web/target/parley.war), wrk, python3.
# Usage: src/test/bench/soak.sh [seconds, default 600] [sample seconds, default 60]
# (PARLEY_SOAK_SEED: comments seeded into the thread first, default 1000).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DURATION=${1:-600}
SAMPLE=${2:-60}
source src/test/bench/server.sh
start_server
KEY=soak-$(date +%s)
TOKEN=$(python3 src/test/bench/seed.py $BASE admin $ADMIN_PASSWORD $KEY "${PARLEY_SOAK_SEED:-1000}")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"

sample() {
  local used rss cpu h2
  "$JAVA_HOME/bin/jcmd" $PID GC.run > /dev/null
  used=$("$JAVA_HOME/bin/jcmd" $PID GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1)
  read -r rss cpu < <(ps -o rss=,cputime= -p $PID)
  h2=$(stat -c %s "$WORK/data/parley.mv.db")
  printf '%s  t=%4ss  heap after full GC %4d MB  RSS %4d MB  CPU %s  H2 file %4d MB  load %s\n' "$(date -u +%H:%M:%S)" \
    "$1" $((used / 1024)) $((rss / 1024)) "$cpu" $((h2 / 1048576)) "$(cut -d' ' -f1 /proc/loadavg)"
}
sample 0
PARLEY_TOKEN=$TOKEN PARLEY_PATH="/api/v1/articles/$KEY/comments?site=demo" PARLEY_POST_PERCENT=20 PARLEY_IDEMPOTENCY_KEYS=1 \
  wrk -t2 -c16 -d${DURATION}s --timeout 10s --latency -s src/test/bench/post.lua "$BASE" > "$WORK/wrk.txt" &
WRK=$!
for t in $(seq "$SAMPLE" "$SAMPLE" "$DURATION"); do
  sleep "$SAMPLE"
  kill -0 $WRK 2>/dev/null || break
  sample "$t"
done
wait $WRK
sample end
grep -E "Latency|requests in|Requests/sec|50%|75%|90%|99%|Non-2xx|Socket errors|HTTP [0-9]+:" "$WORK/wrk.txt"
echo "comments on the article now: $(curl -s "$BASE/api/v1/counts?site=demo&keys=$KEY")"
echo "server log: $(grep -c -E 'SEVERE|Exception' "$WORK/server.log") lines with SEVERE or Exception"
echo "machine load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

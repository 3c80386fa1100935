#!/usr/bin/env bash
# What durable commits on H2 cost per post (loopback only, bounded): for each H2 write delay
# (0 = every commit written to the file before it is acknowledged, Parley's setting; 500 = H2's
# default, the last half second only in memory), start the packaged server, post comments
# through the whole screening pipeline with wrk at 16 connections for SECONDS, and print
# throughput, latency percentiles and the H2 file size. Runs the settings alternately, ROUNDS times.
# Prerequisites: `mvn -B -q -DskipTests package`, wrk, python3.
# Usage: src/test/bench/durability-cost.sh [seconds, default 30] [rounds, default 1]
set -euo pipefail
cd "$(dirname "$0")/../../.."
DURATION=${1:-30}
ROUNDS=${2:-1}
for round in $(seq 1 "$ROUNDS"); do
  for delay in 0 500; do
    (
      PARLEY_BENCH_H2_OPTIONS=";WRITE_DELAY=$delay"
      source src/test/bench/server.sh
      start_server
      KEY=cost-$delay-$(date +%s)
      TOKEN=$(python3 src/test/bench/seed.py $BASE admin $ADMIN_PASSWORD $KEY 0)
      echo "== round $round, WRITE_DELAY=$delay, post at 16 connections for ${DURATION}s, load average $(cut -d' ' -f1 /proc/loadavg)"
      PARLEY_TOKEN=$TOKEN PARLEY_PATH="/api/v1/articles/$KEY/comments?site=demo" \
        wrk -t2 -c16 -d${DURATION}s --timeout 30s --latency -s src/test/bench/post.lua "$BASE" \
        | grep -E "Latency  |requests in|Requests/sec|50%|90%|99%|HTTP [0-9]+:"
      echo "H2 file: $(( $(stat -c %s "$WORK/data/parley.mv.db") / 1048576 )) MB with $(curl -s "$BASE/api/v1/counts?site=demo&keys=$KEY")"
    )
  done
done

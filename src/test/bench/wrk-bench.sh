#!/usr/bin/env bash
# Web server benchmark (loopback only, bounded): start-up time and memory of the packaged server,
# then wrk reading the first page of a 1,000-comment thread and posting comments, at 2 and 16
# connections. Prerequisites: `mvn -B -DskipTests package` (web/target/parley.war), wrk
# (apt-get install wrk), python3. Usage: src/test/bench/wrk-bench.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DURATION=${1:-20}
PAYARA=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/*/payara-micro-*.jar | sort | tail -1)
WAR=${PARLEY_WAR:-web/target/parley.war}
WORK=$(mktemp -d /tmp/parley-bench.XXXXXX)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
ADMIN_PASSWORD=bench-admin-password
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

START=$(date +%s.%N)
"$JAVA_HOME/bin/java" -Dparley.data-dir="$WORK/data" -Dparley.admin.password=$ADMIN_PASSWORD \
  -Dparley.public-url=$BASE -Dparley.policy-file="$PWD/src/test/bench/bench-policy.json" \
  -Dparley.rate.address-posts-per-minute=100000000 -Dparley.rate.address-writes-per-minute=100000000 \
  -jar "$PAYARA" --deploy "$WAR" --contextroot / --port "$PORT" --nohazelcast --disablephonehome \
  --rootdir "$WORK/payara" > "$WORK/server.log" 2>&1 &
PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' $BASE/health/ready)" = 200 ]; do
  kill -0 $PID 2>/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
  sleep 0.5
done
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
echo "after the runs: RSS $((RSS / 1024)) MB, CPU time $CPU"

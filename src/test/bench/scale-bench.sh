#!/usr/bin/env bash
# Read-path, posting and memory benchmark of one instance (loopback only, bounded), reporting the
# server's CPU time per request: the CPU-seconds the server process used during a wrk run (from
# /proc/PID/stat) divided by the requests wrk completed, so a shared machine's neighbours do not
# distort it the way they distort wall-clock throughput. Prints the load average next to every run.
#   src/test/bench/scale-bench.sh [seconds per run, default 15] [posts for the memory run, default 100000]
# Prerequisites: `mvn -B -q -pl web -am -DskipTests -Pdemo package` (web/target/parley.war and
# payara-micro.jar), wrk and python3. With PARLEY_DB_URL set (PostgreSQL) the instance uses it.
# JAVA_OPTS are the server's JVM options (default: the launcher's, bin/jvm-defaults.sh); WAR and
# PAYARA name other builds (default: web/target/parley.war and payara-micro.jar).
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DURATION=${1:-15}
POSTS=${2:-100000}
source bin/jvm-defaults.sh   # the launcher's defaults (and MALLOC_ARENA_MAX, unless set)
JAVA_OPTS=${JAVA_OPTS:-${PARLEY_JVM_DEFAULTS[*]}}
WAR=${WAR:-$PWD/web/target/parley.war}
PAYARA=${PAYARA:-$PWD/web/target/payara-micro.jar}
WORK=$(mktemp -d /tmp/parley-scale-bench.XXXXXX)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
ADMIN_PASSWORD=bench-admin-password
cleanup() { if [ -n "${PID:-}" ]; then kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
source src/test/bench/lib.sh

START=$(date +%s.%N)
"$JAVA_HOME/bin/java" $JAVA_OPTS -Dparley.data-dir="$WORK/data" -Dparley.admin.password=$ADMIN_PASSWORD \
  -Dparley.public-url=$BASE -Dparley.policy-file="$PWD/src/test/bench/bench-policy.json" \
  -Dparley.rate.address-posts-per-minute=100000000 -Dparley.rate.address-writes-per-minute=100000000 \
  -jar "$PAYARA" --prebootcommandfile "$PWD/deploy/payara-preboot.asadmin" \
  --deploy "$WAR" --contextroot / --port "$PORT" --nohazelcast \
  --disablephonehome --rootdir "$WORK/payara" > "$WORK/server.log" 2>&1 &
PID=$!
PIDS=$PID
until [ "$(curl -s -o /dev/null -w '%{http_code}' $BASE/health/ready)" = 200 ]; do
  kill -0 $PID 2>/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
  sleep 0.2
done
END=$(date +%s.%N)
echo "start-up: $(echo "$END - $START" | bc) s wall to /health/ready 200, $(echo "scale=1; $(ticks) / $(getconf CLK_TCK)" | bc) CPU-s, RSS $(rss) MB (load $(load))"

KEY=bench-$(date +%s)
reads_and_posts $BASE $KEY

if [ "$POSTS" -gt 0 ]; then
  MEM_KEY=$KEY-memory
  curl -s -o /dev/null -u admin:$ADMIN_PASSWORD -H 'Content-Type: application/json' \
    -d "{\"key\":\"$MEM_KEY\",\"url\":\"https://bench.example/$MEM_KEY\",\"title\":\"Memory\"}" "$BASE/api/v1/admin/sites/demo/articles"
  have=$(curl -s "$BASE/api/v1/counts?site=demo&keys=$KEY" | python3 -c 'import json,sys; print(json.load(sys.stdin)["counts"][sys.argv[1]])' "$KEY")
  echo "posting until $POSTS comments are stored in all (now $have) ..."
  while [ "$have" -lt "$POSTS" ]; do
    PARLEY_TOKEN=$TOKEN PARLEY_PATH="/api/v1/articles/$MEM_KEY/comments?site=demo" \
      wrk -t2 -c16 -d20s -s src/test/bench/post.lua "$BASE" > /dev/null
    have=$(curl -s "$BASE/api/v1/counts?site=demo&keys=$KEY,$MEM_KEY" | python3 -c 'import json,sys; print(sum(json.load(sys.stdin)["counts"].values()))')
  done
  echo "after $have stored comments: RSS $(rss) MB (JAVA_OPTS: $JAVA_OPTS; load $(load))"
fi

#!/usr/bin/env bash
# Read-path, posting and memory benchmark of one instance (loopback only, bounded), reporting the
# server's CPU time per request: the CPU-seconds the server process used during a wrk run (from
# /proc/PID/stat) divided by the requests wrk completed, so a shared machine's neighbours do not
# distort it the way they distort wall-clock throughput. Prints the load average next to every run.
#   src/test/bench/scale-bench.sh [seconds per run, default 15] [posts for the memory run, default 100000]
# Prerequisites: `mvn -B -q -pl web -am -DskipTests -Pdemo package` (web/target/parley.war and
# payara-micro.jar), wrk and python3. With PARLEY_DB_URL set (PostgreSQL) the instance uses it.
# JAVA_OPTS are the server's JVM options (default: the launcher defaults of parley-cluster.sh).
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DURATION=${1:-15}
POSTS=${2:-100000}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m -Xss1m}
WORK=$(mktemp -d /tmp/parley-scale-bench.XXXXXX)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
ADMIN_PASSWORD=bench-admin-password
cleanup() { if [ -n "${PID:-}" ]; then kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
ticks() { awk '{print $14 + $15}' /proc/$PID/stat; }
rss() { awk '/VmRSS/ {print int($2 / 1024)}' /proc/$PID/status; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# run NAME CONNECTIONS URL [wrk args...]: one wrk run; prints req/s, p50, p99 and CPU ms per request.
run() {
  local name=$1 conns=$2 url=$3; shift 3
  local before after out n
  before=$(ticks)
  out=$(wrk -t2 -c"$conns" -d"${DURATION}s" --latency "$@" "$url")
  after=$(ticks)
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  printf '%-34s %3s conns  %9s req/s  p50 %8s  p99 %8s  CPU %s ms/request  (load %s)\n' "$name" "$conns" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1 == "50%" {print $2}')" \
    "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
    "$(echo "scale=3; ($after - $before) * 1000 / $(getconf CLK_TCK) / $n" | bc)" "$(load)"
  echo "$out" | grep -E "HTTP [0-9]+:|Non-2xx" || true
}

START=$(date +%s.%N)
"$JAVA_HOME/bin/java" $JAVA_OPTS -Dparley.data-dir="$WORK/data" -Dparley.admin.password=$ADMIN_PASSWORD \
  -Dparley.public-url=$BASE -Dparley.policy-file="$PWD/src/test/bench/bench-policy.json" \
  -Dparley.rate.address-posts-per-minute=100000000 -Dparley.rate.address-writes-per-minute=100000000 \
  -jar web/target/payara-micro.jar --deploy web/target/parley.war --contextroot / --port "$PORT" --nohazelcast \
  --disablephonehome --rootdir "$WORK/payara" > "$WORK/server.log" 2>&1 &
PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' $BASE/health/ready)" = 200 ]; do
  kill -0 $PID 2>/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
  sleep 0.2
done
END=$(date +%s.%N)
echo "start-up: $(echo "$END - $START" | bc) s wall to /health/ready 200, $(echo "scale=1; $(ticks) / $(getconf CLK_TCK)" | bc) CPU-s, RSS $(rss) MB (load $(load))"

KEY=bench-$(date +%s)
TOKEN=$(python3 src/test/bench/seed.py $BASE admin $ADMIN_PASSWORD $KEY 1000)
KEYS=$KEY$(for i in 1 2 3 4 5 6 7 8 9; do printf ',%s-%s' "$KEY" "$i"; done)
echo "seeded 1000 comments on $KEY; RSS $(rss) MB"
PAGE="$BASE/api/v1/articles/$KEY/comments?site=demo&limit=20"
COUNTS="$BASE/api/v1/counts?site=demo&keys=$KEYS"
echo "first page: $(curl -s "$PAGE" | wc -c) bytes"
wrk -t2 -c16 -d5s "$PAGE" > /dev/null; wrk -t2 -c16 -d5s "$COUNTS" > /dev/null   # warm-up (JIT)
run "read first page" 16 "$PAGE"
run "read first page, If-None-Match" 16 "$PAGE" -H "If-None-Match: $(curl -s -D - -o /dev/null "$PAGE" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')"
run "counts of 10 articles" 16 "$COUNTS"
run "read first page as a reader (no cache)" 16 "$PAGE" -H "Authorization: Bearer $TOKEN"
PARLEY_TOKEN=$TOKEN PARLEY_PATH="/api/v1/articles/$KEY/comments?site=demo" run "post a comment" 16 "$BASE" -s src/test/bench/post.lua

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

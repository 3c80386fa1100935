#!/usr/bin/env bash
# CPU per request of Parley clustered on Payara's data grid (loopback only, bounded): N instances
# on one fresh PostgreSQL database behind HAProxy, started with src/test/bin/parley-cluster.sh,
# and the same workload as scale-bench.sh through the balancer (reads from the cache, 304s, counts,
# signed-in reads, posts). CPU per request is the CPU time of every instance together per
# completed request (HAProxy's own CPU is printed apart), so 1, 2 and 3 instances compare on a
# 2-core machine where throughput cannot grow. N = 0 is the baseline: one instance without
# Hazelcast (the README's main command) on the same database, behind the same HAProxy.
#   src/test/bench/cluster-bench.sh N [seconds per run, default 15]
# Prerequisites: `mvn -B -q -pl web -am -DskipTests -Pdemo package`, PostgreSQL on 127.0.0.1:5432
# (user postgres, trust), haproxy (src/test/bin/ensure-haproxy.sh), wrk and python3.
set -euo pipefail
cd "$(dirname "$0")/../../.."
N=${1:?number of instances (0 = one instance without clustering)}
DURATION=${2:-15}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
export WORK=$(mktemp -d /tmp/parley-cluster-bench.XXXXXX)
export PORT=$(free_port) FIRST_PORT=$(free_port) HZ_PORT=$((20000 + RANDOM % 20000)) CLUSTER=bench-$RANDOM
DB=parley_bench_$RANDOM$RANDOM
createdb -h 127.0.0.1 -U postgres "$DB"
export PARLEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB PARLEY_DB_USER=postgres
export PARLEY_ADMIN_USER=admin PARLEY_ADMIN_PASSWORD=bench-admin-password ADMIN_PASSWORD=bench-admin-password
export PARLEY_POLICY_FILE=$PWD/src/test/bench/bench-policy.json
export PARLEY_RATE_ADDRESS_POSTS_PER_MINUTE=100000000 PARLEY_RATE_ADDRESS_WRITES_PER_MINUTE=100000000
BASE=http://127.0.0.1:$PORT
cleanup() {
  [ -n "${SCRIPT:-}" ] && kill "$SCRIPT" 2>/dev/null && wait "$SCRIPT" 2>/dev/null
  [ -n "${SINGLE:-}" ] && kill "$SINGLE" "$HAPROXY_PID" 2>/dev/null && wait "$SINGLE" 2>/dev/null
  dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB" || true
  rm -rf "$WORK"
}
trap cleanup EXIT
source src/test/bench/lib.sh
source bin/jvm-defaults.sh   # the launcher's JVM settings, as parley-cluster.sh uses them

START=$(date +%s.%N)
if [ "$N" -eq 0 ]; then
  printf 'defaults\n  mode http\n  timeout connect 2s\n  timeout client 1h\n  timeout server 1h\nfrontend f\n  bind 127.0.0.1:%s\n  default_backend b\nbackend b\n  server one 127.0.0.1:%s\n' \
    "$PORT" "$FIRST_PORT" > "$WORK/haproxy.cfg"
  haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.log" 2>&1 & HAPROXY_PID=$!
  "$JAVA_HOME/bin/java" "${PARLEY_JVM_DEFAULTS[@]}" -Dparley.data-dir="$WORK/data" \
    -Dparley.public-url=$BASE -jar web/target/payara-micro.jar --prebootcommandfile "$PWD/deploy/payara-preboot.asadmin" \
    --deploy web/target/parley.war --contextroot / --port "$FIRST_PORT" --nohazelcast --disablephonehome \
    --rootdir "$WORK/payara" > "$WORK/instance.log" 2>&1 & SINGLE=$!
  PIDS=$SINGLE
  until [ "$(curl -s -o /dev/null -w '%{http_code}' $BASE/health/ready)" = 200 ]; do
    kill -0 $SINGLE 2>/dev/null || { tail -50 "$WORK/instance.log"; exit 1; }; sleep 0.5
  done
else
  src/test/bin/parley-cluster.sh "$N" > "$WORK/cluster.log" 2>&1 & SCRIPT=$!
  until grep -q "ready behind HAProxy" "$WORK/cluster.log"; do
    kill -0 $SCRIPT 2>/dev/null || { cat "$WORK/cluster.log"; exit 1; }; sleep 1
  done
  PIDS=$(cat "$WORK"/instance-*.pid | tr '\n' ' ')
  HAPROXY_PID=$(pgrep -f "haproxy -f $WORK/haproxy.cfg" | head -1)
fi
echo "$N instance(s) ready in $(echo "$(date +%s.%N) - $START" | bc) s; RSS $(rss) MB in all (load $(load))"
H0=$(awk '{print $14 + $15}' /proc/$HAPROXY_PID/stat)
reads_and_posts $BASE bench-$(date +%s)
echo "HAProxy used $(echo "scale=1; ($(awk '{print $14 + $15}' /proc/$HAPROXY_PID/stat) - $H0) / $(getconf CLK_TCK)" | bc) CPU-s during the runs"

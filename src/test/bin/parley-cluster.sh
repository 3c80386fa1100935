#!/usr/bin/env bash
# Runs N Parley instances (Payara Micro) clustered by Payara's Hazelcast data grid on loopback,
# on one PostgreSQL, with HAProxy in front; stays in the foreground until Ctrl+C (or SIGTERM),
# then stops everything. It prints the command line of each instance (environment: PARLEY_DB_*,
# PARLEY_TOKEN_SECRET, PARLEY_TRUSTED_PROXIES=1). Each instance is supervised: one that exits (kill -9, crash) is started
# again and rejoins the cluster, and a start that makes no progress (Payara's rare HK2 start-up
# hang: the process sits at 0 % CPU) is killed and retried: less than one CPU-second used in
# NO_PROGRESS seconds before it is ready. A slow start on a busy machine is left to finish. Instance 1 starts first (it creates the
# schema, the first administrator and the demo); the others then start together.
#
#   PARLEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/parley PARLEY_DB_USER=postgres \
#     src/test/bin/parley-cluster.sh 3
#
# Settings (environment; all but PARLEY_DB_URL have defaults):
#   PARLEY_DB_URL, PARLEY_DB_USER, PARLEY_DB_PASSWORD   the shared PostgreSQL database (required)
#   PARLEY_TOKEN_SECRET      the same reader-token secret everywhere (generated into WORK if unset)
#   PORT                     HAProxy's port on 127.0.0.1 (8080)
#   FIRST_PORT               HTTP port of instance 1; instance i listens on FIRST_PORT+i-1 (8081)
#   HZ_PORT                  data-grid port of instance 1; instance i uses HZ_PORT+i-1 (6900)
#   CLUSTER                  cluster name (parley); instances join only a cluster of the same name
#   WORK                     logs, data folders, pid files, haproxy.cfg (./target/parley-cluster)
#   WAR, PAYARA              web/target/parley.war and web/target/payara-micro.jar (built by the
#                            README's main command or `mvn -B -q -pl web -am -DskipTests -Pdemo package`)
#   JAVA_OPTS                extra JVM options for every instance (after the defaults of bin/jvm-defaults.sh)
#   NO_PROGRESS              seconds of (almost) no CPU use before an unready instance is restarted (60)
#   START_TIMEOUT            seconds to wait for /health/ready in any case before restarting (1200)
# Any other PARLEY_* variable (e.g. PARLEY_RATE_ADDRESS_POSTS_PER_MINUTE) reaches every instance.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source bin/jvm-defaults.sh   # PARLEY_JVM_DEFAULTS, MALLOC_ARENA_MAX: the same as bin/parley
N=${1:-2}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=${PORT:-8080}
FIRST_PORT=${FIRST_PORT:-8081}
HZ_PORT=${HZ_PORT:-6900}
CLUSTER=${CLUSTER:-parley}
WORK=${WORK:-$PWD/target/parley-cluster}
WAR=${WAR:-$PWD/web/target/parley.war}
PAYARA=${PAYARA:-$PWD/web/target/payara-micro.jar}
START_TIMEOUT=${START_TIMEOUT:-1200}
NO_PROGRESS=${NO_PROGRESS:-60}
TICKS=$(getconf CLK_TCK)
: "${PARLEY_DB_URL:?set PARLEY_DB_URL to the shared PostgreSQL database}"
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
[ -x "$HAPROXY" ] || { echo "haproxy is missing: src/test/bin/ensure-haproxy.sh installs Debian's" >&2; exit 2; }
[ -f "$WAR" ] && [ -f "$PAYARA" ] || { echo "build first: $WAR and $PAYARA are missing" >&2; exit 2; }

mkdir -p "$WORK"
rm -f "$WORK"/stopping "$WORK"/ready-*
if [ -z "${PARLEY_TOKEN_SECRET:-}" ]; then
  [ -f "$WORK/token-secret" ] || (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$WORK/token-secret")
  PARLEY_TOKEN_SECRET=$(cat "$WORK/token-secret")
fi
export PARLEY_TOKEN_SECRET PARLEY_DB_URL
export PARLEY_TRUSTED_PROXIES=${PARLEY_TRUSTED_PROXIES:-1}
MEMBERS=$(for i in $(seq 1 "$N"); do printf '127.0.0.1:%s,' $((HZ_PORT + i - 1)); done)
MEMBERS=${MEMBERS%,}

# One instance, started again whenever it exits or makes no progress, until the script stops.
supervise() {
  local i=$1 port=$((FIRST_PORT + $1 - 1)) hz=$((HZ_PORT + $1 - 1)) pid deadline cpu last_cpu last_check
  # shellcheck disable=SC2206 # JAVA_OPTS is a list of options
  local command=("$JAVA_HOME/bin/java" "${PARLEY_JVM_DEFAULTS[@]}"
      -Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS ${JAVA_OPTS:-}
      -Dparley.data-dir="$WORK/data-$i" -Dparley.public-url="http://127.0.0.1:$PORT"
      -jar "$PAYARA" --prebootcommandfile "$PWD/deploy/payara-preboot-cluster.asadmin"
      --deploy "$WAR" --contextroot / --port "$port" --name "parley-$i"
      --clustername "$CLUSTER" --clustermode "tcpip:$MEMBERS" --interfaces 127.0.0.1 --nohostaware
      --startport "$hz" --hzinitialjoinwait 1 --disablephonehome --rootdir "$WORK/payara-$i")
  echo "instance $i: ${command[*]}"
  while [ ! -e "$WORK/stopping" ]; do
    # A fresh Payara root folder for every start: on the root folder of an earlier run Payara loads
    # the application registered there and then deploys --deploy again (undeploying the first), so
    # an instance would answer 500s for a minute after it first said it was ready.
    rm -rf "$WORK/payara-$i"
    "${command[@]}" >> "$WORK/instance-$i.log" 2>&1 &
    pid=$!
    echo "$pid" > "$WORK/instance-$i.pid"
    deadline=$((SECONDS + START_TIMEOUT)); last_cpu=0; last_check=$SECONDS
    until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
      if ! kill -0 "$pid" 2>/dev/null; then break; fi
      if [ $((SECONDS - last_check)) -ge "$NO_PROGRESS" ]; then
        cpu=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
        if [ $((cpu - last_cpu)) -lt "$TICKS" ]; then
          echo "instance $i: no progress in ${NO_PROGRESS}s before ready (start-up hang), restarting it"
          kill -9 "$pid" 2>/dev/null || true; break
        fi
        last_cpu=$cpu; last_check=$SECONDS
      fi
      if [ "$SECONDS" -ge "$deadline" ]; then
        echo "instance $i: not ready after ${START_TIMEOUT}s, restarting it"; kill -9 "$pid" 2>/dev/null || true; break
      fi
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "instance $i: ready on http://127.0.0.1:$port/ (pid $pid, data grid 127.0.0.1:$hz)"
      touch "$WORK/ready-$i"
    fi
    wait "$pid" 2>/dev/null || true
    rm -f "$WORK/ready-$i"
    [ -e "$WORK/stopping" ] || echo "instance $i: exited, starting it again"
  done
}

# HAProxy: round robin, health checks every second, a failed connection is retried on another instance.
{
  echo "global"
  echo "  maxconn 4000"
  echo "defaults"
  echo "  mode http"
  echo "  timeout connect 2s"
  echo "  timeout client 1h"
  echo "  timeout server 1h"
  echo "  timeout tunnel 1h"
  echo "  timeout check 10s"
  echo "  retries 3"
  echo "  option redispatch"
  echo "  option forwardfor"
  echo "frontend parley"
  echo "  bind 127.0.0.1:$PORT"
  echo "  default_backend instances"
  echo "backend instances"
  echo "  balance roundrobin"
  echo "  option httpchk GET /health/ready"
  echo "  http-check expect status 200"
  echo "  default-server inter 2s fastinter 1s downinter 2s fall 3 rise 1"
  for i in $(seq 1 "$N"); do echo "  server parley-$i 127.0.0.1:$((FIRST_PORT + i - 1)) check"; done
} > "$WORK/haproxy.cfg"

stop() {
  touch "$WORK/stopping"
  [ -n "${HAPROXY_PID:-}" ] && kill "$HAPROXY_PID" 2>/dev/null || true
  for f in "$WORK"/instance-*.pid; do [ -e "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 0' INT TERM

"$HAPROXY" -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
sleep 1
kill -0 "$HAPROXY_PID" 2>/dev/null || { echo "haproxy did not start:" >&2; cat "$WORK/haproxy.log" >&2; exit 2; }
# The first instance alone first: it migrates the schema and creates the first administrator (and
# the demo) that the others then find, so no two instances race to create them.
supervise 1 &
until [ -e "$WORK/ready-1" ]; do sleep 1; done
for i in $(seq 2 "$N"); do supervise "$i" & done
until [ "$(ls "$WORK"/ready-* 2>/dev/null | wc -l)" -ge "$N" ]; do sleep 1; done
echo "Parley cluster of $N ready behind HAProxy: http://127.0.0.1:$PORT/ (logs in $WORK)"
wait

#!/usr/bin/env bash
# One start of the packaged server with the launcher's defaults (bin/jvm-defaults.sh) on a fresh
# root and data folder: prints wall and CPU seconds to /health/ready, RSS and the load average,
# then stops the server with SIGTERM and waits for it (so -XX:AOTCacheOutput=FILE writes its cache).
#   src/test/bench/start-once.sh WAR [extra JVM options...]
# e.g. an AOT comparison: start-once.sh web/target/parley.war -XX:AOTCacheOutput=/tmp/payara.aot,
# then start-once.sh web/target/parley.war -XX:AOTCache=/tmp/payara.aot against start-once.sh web/target/parley.war
set -euo pipefail
cd "$(dirname "$0")/../../.."
source bin/jvm-defaults.sh
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
WAR=$1; shift
W=$(mktemp -d /tmp/parley-start.XXXXXX)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
T0=$(date +%s.%N)
"$JAVA_HOME/bin/java" "${PARLEY_JVM_DEFAULTS[@]}" "$@" -Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS -Dparley.data-dir=$W/data \
  -Dparley.admin.password=bench-admin-password -Dparley.public-url=http://127.0.0.1:$PORT \
  -jar web/target/payara-micro.jar --prebootcommandfile deploy/payara-preboot.asadmin --deploy "$WAR" --contextroot / \
  --port $PORT --nohazelcast --disablephonehome --rootdir $W/payara > $W/server.log 2>&1 &
PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/health/ready)" = 200 ]; do
  kill -0 $PID 2>/dev/null || { tail -30 $W/server.log; exit 1; }; sleep 0.2; done
T1=$(date +%s.%N)
TICKS=$(awk '{print $14 + $15}' /proc/$PID/stat)
echo "$(basename $WAR) $*: ready in $(echo "$T1 - $T0" | bc) s wall, $(echo "scale=1; $TICKS / $(getconf CLK_TCK)" | bc) CPU-s, RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status) MB, load $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/counts?site=demo&keys=a"
kill $PID; wait $PID 2>/dev/null || true
rm -rf $W

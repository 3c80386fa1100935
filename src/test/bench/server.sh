# Sourced by the benchmark scripts: starts the packaged server (web/target/parley.war, or
# PARLEY_WAR) on a free loopback port with a fresh data folder, the bench policy (per-author rate
# limit off) and per-address limits off, and waits until /health/ready answers 200. Sets PID,
# BASE, WORK (data in $WORK/data, log in $WORK/server.log) and ADMIN_PASSWORD; the server is
# stopped and $WORK removed when the script exits. Extra JVM options: start_server -Dkey=value...
# PARLEY_BENCH_H2_OPTIONS (e.g. ";WRITE_DELAY=500") appends settings to the H2 URL of the data folder.
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PAYARA=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/*/payara-micro-*.jar | sort | tail -1)
WAR=${PARLEY_WAR:-web/target/parley.war}
WORK=$(mktemp -d /tmp/parley-bench.XXXXXX)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
ADMIN_PASSWORD=bench-admin-password
# The server's exit status after the TERM (143) must not end a caller running with `set -e` (the
# last command of an && list is subject to it, in a trap too).
cleanup() { if [ -n "${PID:-}" ]; then kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

start_server() {
  "$JAVA_HOME/bin/java" -Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS -Dparley.data-dir="$WORK/data" \
    -Dparley.admin.password=$ADMIN_PASSWORD -Dparley.public-url=$BASE \
    -Dparley.policy-file="$PWD/src/test/bench/bench-policy.json" \
    -Dparley.rate.address-posts-per-minute=100000000 -Dparley.rate.address-writes-per-minute=100000000 \
    ${PARLEY_BENCH_H2_OPTIONS:+"-Dparley.db.url=jdbc:h2:file:$WORK/data/parley$PARLEY_BENCH_H2_OPTIONS"} "$@" \
    -jar "$PAYARA" --prebootcommandfile "$PWD/deploy/payara-preboot.asadmin" --deploy "$WAR" --contextroot / \
    --port "$PORT" --nohazelcast --disablephonehome \
    --rootdir "$WORK/payara" > "$WORK/server.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' $BASE/health/ready)" = 200 ]; do
    kill -0 $PID 2>/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
    sleep 0.5
  done
}

#!/usr/bin/env bash
# Starts of the packaged server through the launcher (bin/parley: its JVM defaults, its AOT cache)
# on a fresh work and data folder: prints wall and CPU seconds to /health/ready, RSS and the load
# average, then stops the server with SIGTERM and waits for it.
#   src/test/bench/start-once.sh [--restart] [--keep DIR] WAR [extra JVM options...]
#   --restart   after the first start (fresh data: schema, administrator, demo seeding), start again
#               on the same data folder and work folder (a restart: no seeding, the AOT cache the
#               first start trained), and report both
#   --keep DIR  use DIR as the work folder and keep it (server logs, the AOT cache) instead of a
#               temporary one that is removed
# Extra JVM options go to the server, e.g. PARLEY_AOT=off start-once.sh WAR for a start without the
# launcher's AOT cache, or start-once.sh WAR -XX:StartFlightRecording=filename=/tmp/s.jfr,settings=profile.
set -euo pipefail
cd "$(dirname "$0")/../../.."
RESTART=0
KEEP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --restart) RESTART=1; shift ;;
    --keep) KEEP=$2; shift 2 ;;
    *) break ;;
  esac
done
WAR=$1; shift
if [ -n "$KEEP" ]; then W=$KEEP; mkdir -p "$W"; else W=$(mktemp -d /tmp/parley-start.XXXXXX); fi
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')

# One start: the launcher in the background, its java child measured from /proc.
start() {
  local label=$1 T0 T1 LPID PID="" TICKS
  shift
  T0=$(date +%s.%N)
  bin/parley --war "$WAR" --port "$PORT" --work "$W/run" -Dparley.data-dir="$W/data" \
    -Dparley.admin.password=bench-admin-password -Dparley.public-url="http://127.0.0.1:$PORT" "$@" \
    > "$W/$label.console" 2>&1 &
  LPID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready")" = 200 ]; do
    kill -0 $LPID 2>/dev/null || { tail -30 "$W/$label.console"; exit 1; }
    sleep 0.2
  done
  T1=$(date +%s.%N)
  PID=$(pgrep -P $LPID -x java)
  TICKS=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  echo "$label $(basename "$WAR") $*: ready in $(echo "$T1 - $T0" | bc) s wall," \
    "$(echo "scale=1; $TICKS / $(getconf CLK_TCK)" | bc) CPU-s, RSS $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$PID/status") MB," \
    "load $(cut -d' ' -f1-3 /proc/loadavg)"
  curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/counts?site=demo&keys=a"
  kill $LPID; wait $LPID 2>/dev/null || true
  cp "$W/run/server.log" "$W/$label.log"
}

start first-start "$@"
if [ "$RESTART" = 1 ]; then start restart "$@"; fi
[ -n "$KEEP" ] || rm -rf "$W"

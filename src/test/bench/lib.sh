# Shared by scale-bench.sh and cluster-bench.sh (sourced, not run). The caller sets DURATION and
# PIDS (the server processes whose CPU is charged to the requests, space-separated).
# CPU per request = the CPU-seconds those processes used during a wrk run (from /proc/PID/stat)
# divided by the requests wrk completed, so a shared machine's neighbours do not distort it the
# way they distort wall-clock throughput. The load average is printed next to every run.

# Clock ticks (user + system) used so far by every process in PIDS.
ticks() { local t=0 p; for p in $PIDS; do t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat))); done; echo $t; }
rss() { local t=0 p; for p in $PIDS; do t=$((t + $(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$p/status))); done; echo $t; }
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
  echo "$out" | grep -E "HTTP [0-9]+:|Non-2xx|Socket errors" || true
}

# reads_and_posts BASE KEYS_PREFIX: seeds the 1,000-comment thread through BASE, then the five runs.
reads_and_posts() {
  local base=$1 key=$2 token keys page counts
  token=$(python3 src/test/bench/seed.py "$base" admin "$ADMIN_PASSWORD" "$key" 1000)
  keys=$key$(for i in 1 2 3 4 5 6 7 8 9; do printf ',%s-%s' "$key" "$i"; done)
  echo "seeded 1000 comments on $key; RSS $(rss) MB"
  page="$base/api/v1/articles/$key/comments?site=demo&limit=20"
  counts="$base/api/v1/counts?site=demo&keys=$keys"
  echo "first page: $(curl -s "$page" | wc -c) bytes"
  wrk -t2 -c16 -d5s "$page" > /dev/null; wrk -t2 -c16 -d5s "$counts" > /dev/null   # warm-up (JIT)
  PARLEY_TOKEN=$token PARLEY_PATH="/api/v1/articles/$key/comments?site=demo" \
    wrk -t2 -c16 -d5s -s src/test/bench/post.lua "$base" > /dev/null
  wrk -t2 -c16 -d5s "$page" -H "Authorization: Bearer $token" > /dev/null
  run "read first page" 16 "$page"
  run "read first page, If-None-Match" 16 "$page" -H "If-None-Match: $(curl -s -D - -o /dev/null "$page" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')"
  run "counts of 10 articles" 16 "$counts"
  run "read first page as a reader (no cache)" 16 "$page" -H "Authorization: Bearer $token"
  PARLEY_TOKEN=$token PARLEY_PATH="/api/v1/articles/$key/comments?site=demo" run "post a comment" 16 "$base" -s src/test/bench/post.lua
  TOKEN=$token
}

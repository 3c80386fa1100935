#!/bin/bash
# Time of a refused HTTP Basic sign-in: a real username with a wrong password vs unknown usernames.
# Usage: signin-timing.sh PORT ROUNDS   (alternates the two kinds; prints the median and p90 of each in ms)
P=$1; N=${2:-20}
url=http://127.0.0.1:$P/api/v1/moderation/queues
for i in 1 2 3; do  # warm-up, not counted
  curl -s -o /dev/null -u "admin:warm-up-$i" $url; curl -s -o /dev/null -u "warm-up-$i-$RANDOM:x" $url
done
for i in $(seq 1 $N); do
  curl -s -o /dev/null -w 'known %{http_code} %{time_total}\n' -u "admin:wrong-guess-$i" $url
  curl -s -o /dev/null -w 'unknown %{http_code} %{time_total}\n' -u "nobody-$i-$RANDOM:wrong-guess-$i" $url
done | awk '{ t[$1][++n[$1]] = $3 * 1000; code[$1] = $2 }
  END { for (k in t) { m = n[k]; asort(t[k]); printf "%-7s HTTP %s  n=%d  median %.0f ms  p90 %.0f ms\n", k, code[k], m, t[k][int((m+1)/2)], t[k][int(m*0.9)] } }'

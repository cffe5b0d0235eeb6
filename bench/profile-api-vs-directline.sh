#!/usr/bin/env bash
# Profiles one host build on both paths with the same warm-up (as api-vs-directline-cpu.sh): /api/messages, then Direct
# Line, each phase recorded on its own. MODE=perf: perf record -a -g of the machine (filter the host's pid with
# `perf script --pid`), and with CLIENTPERF=1 of the load client too; MODE=strace: strace -c -f of the host (system
# calls per phase). Then e.g. `perf script -i OUT/host-dl.data --pid PID -F comm,tid,ip,sym,dso > dl.txt` and
# `python3 bench/perf-shares.py dl.txt PID 2000 999` (BENCHMARKS.md "Load", session 13).
# Settings: BIN (the host's folder), OUT (where to write), MODE, WARM_API, WARM_DL, API, DL. Needs perf or strace.
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
out=${OUT:?}; mkdir -p "$out"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
data=$(mktemp -d /tmp/profile-api-dl.XXXX)
(cd "${BIN:?}" && exec env DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 Urls="http://127.0.0.1:$port" Storage__DataDirectory="$data" 'Bot__Coordinators__0=bench|bench-koord' 'Bot__Coordinators__1=directline|bench-koord' DirectLine__Secret=bench-secret-for-loopback-only RateLimit__TurnsPerMinute=100000000 RateLimit__Burst=100000000 HttpRateLimit__WebhooksPerMinute=1000000 dotnet Bot.Host.dll > "$data/host.log" 2>&1) &
hp=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/readyz" && break; sleep 0.5; done
pid=$hp
curl -s -o /dev/null -m 900 -H 'Content-Type: application/json' -d '{"type":"message","id":"prime","channelId":"bench","serviceUrl":"http://127.0.0.1","conversation":{"id":"prime"},"from":{"id":"prime"},"recipient":{"id":"bot"},"text":"halo","deliveryMode":"expectReplies"}' "http://127.0.0.1:$port/api/messages"
echo "pid=$pid port=$port data=$data"
load="dotnet $root/bench/Bot.Bench.Load/bin/Release/net10.0/Bot.Bench.Load.dll"
script=bench/scripts/sinergi-registration.json
secret=bench-secret-for-loopback-only
$load botframework --url "http://127.0.0.1:$port" --script $script --pid $pid --label w --out "$data/w.json" --turns ${WARM_API:-3000} --warmup 0 --concurrency 16 --duration 600 > /dev/null 2>&1
$load directline --url "http://127.0.0.1:$port" --script $script --secret $secret --pid $pid --label dlw --out "$data/dlw.json" --turns ${WARM_DL:-1500} --warmup 0 --concurrency 16 --duration 600 > /dev/null 2>&1
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
for path in api dl; do
  if [ $path = api ]; then mode=botframework; n=${API:-3000}; extra=""; else mode=directline; n=${DL:-2000}; extra="--secret $secret"; fi
  case ${MODE:-perf} in
    perf) perf record -F 999 -g -a -o "$out/host-$path.data" > /dev/null 2>&1 & rec=$! ;;
    strace) strace -c -f -p $pid -o "$out/strace-$path.txt" > /dev/null 2>&1 & rec=$! ;;
  esac
  sleep 2
  a=$(cpu)
  if [ "${CLIENTPERF:-}" = 1 ]; then
    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 999 -g -o "$out/client-$path.data" -- $load $mode --url "http://127.0.0.1:$port" --script $script $extra --pid $pid --label $path --out "$data/$path.json" --turns $n --warmup 0 --concurrency 16 --duration 600 > "$out/$path.txt" 2>&1
  else
    /usr/bin/time -f "%U %S" -o "$out/t$path" $load $mode --url "http://127.0.0.1:$port" --script $script $extra --pid $pid --label $path --out "$data/$path.json" --turns $n --warmup 0 --concurrency 16 --duration 600 > "$out/$path.txt" 2>&1
  fi
  b=$(cpu)
  sleep 1
  kill -INT $rec; wait $rec
  echo "$path: turns $n host cpu ticks $((b-a)) load $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/summary.txt"
  grep -h "turns/s\|^|" "$out/$path.txt" | tail -n 2 >> "$out/summary.txt"
done
cp /tmp/perf-$pid.map "$out/" 2>/dev/null
kill $hp; wait

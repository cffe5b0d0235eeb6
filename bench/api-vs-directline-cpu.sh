#!/usr/bin/env bash
# Same host, same run: the registration script on /api/messages, then over Direct Line (WebSocket), two rounds each,
# after a warm-up of both. Prints turns/s and the host's CPU per turn (from /proc/<pid>/stat) and the load client's
# CPU per turn, so Direct Line's cost per turn can be compared with /api/messages on a shared machine. The first figures
# are whole runs (host between the runs, client process with its start-up, JIT and setup turns); "window" ones are the
# load client's own, over the measured turns only (a run of 2,000 turns spreads a client's start-up over fewer turns than
# one of 3,000, which made Direct Line's client look dearer than it is).
# Build first: dotnet build Bot.sln -c Release && dotnet build bench/Bot.Bench.Load -c Release
# Settings: API and DL (turns per round, default 6000 and 3000), WARM_API and WARM_DL (warm-up turns, default 8000 and 3000), BIN
# (the host's folder, default Bot.Host/bin/Release/net10.0, e.g. a copy of another commit's build to compare), EXTRAENV (more host settings), HOLD (seconds to keep the host).
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
data=$(mktemp -d /tmp/api-vs-dl.XXXX)
(cd "${BIN:-Bot.Host/bin/Release/net10.0}" && exec env Urls="http://127.0.0.1:$port" Storage__DataDirectory="$data" 'Bot__Coordinators__0=bench|bench-koord' 'Bot__Coordinators__1=directline|bench-koord' DirectLine__Secret=bench-secret-for-loopback-only RateLimit__TurnsPerMinute=100000000 RateLimit__Burst=100000000 HttpRateLimit__WebhooksPerMinute=1000000 ${EXTRAENV:-} dotnet Bot.Host.dll > "$data/host.log" 2>&1) &
hp=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/readyz" && break; sleep 0.5; done
pid=$hp
# One turn with a long wait first: the host's first turns wait for its models' training, which on a busy machine takes
# longer than the load client's 30 s per reply (the warm-up would then fail and leave drafts behind).
curl -s -o /dev/null -m 900 -H 'Content-Type: application/json' -d '{"type":"message","id":"prime","channelId":"bench","serviceUrl":"http://127.0.0.1","conversation":{"id":"prime"},"from":{"id":"prime"},"recipient":{"id":"bot"},"text":"halo","deliveryMode":"expectReplies"}' "http://127.0.0.1:$port/api/messages"
echo "pid=$pid port=$port data=$data"
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
load="dotnet $root/bench/Bot.Bench.Load/bin/Release/net10.0/Bot.Bench.Load.dll"
script=bench/scripts/sinergi-registration.json
secret=bench-secret-for-loopback-only
api=${API:-6000}
dl=${DL:-3000}
per_turn() { python3 -c "print(round(($2-$1)*10/$3,3))"; }
client() { python3 -c "u,s=open('$1').read().split();print(round((float(u)+float(s))*1000/$2,3))"; }
$load botframework --url "http://127.0.0.1:$port" --script $script --pid $pid --label w --out "$data/w.json" --turns ${WARM_API:-8000} --warmup 0 --concurrency 16 --duration 600 > /dev/null 2>&1
$load directline --url "http://127.0.0.1:$port" --script $script --secret $secret --pid $pid --label dlw --out "$data/dlw.json" --turns ${WARM_DL:-3000} --warmup 0 --concurrency 16 --duration 600 > /dev/null 2>&1
for r in 1 2; do
  a=$(cpu)
  /usr/bin/time -f "%U %S" -o "$data/tapi$r" $load botframework --url "http://127.0.0.1:$port" --script $script --pid $pid --label api --out "$data/api$r.json" --turns $api --warmup 0 --concurrency 16 --duration 600 > "$data/api$r.txt" 2>&1
  b=$(cpu)
  /usr/bin/time -f "%U %S" -o "$data/tdl$r" $load directline --url "http://127.0.0.1:$port" --script $script --secret $secret --pid $pid --label dl --out "$data/dl$r.json" --turns $dl --warmup 0 --concurrency 16 --duration 600 > "$data/dl$r.txt" 2>&1
  c=$(cpu)
  echo "round $r: api $(per_turn "$a" "$b" $api) ms host CPU/turn; dl $(per_turn "$b" "$c" $dl) ms host CPU/turn; load $(cut -d' ' -f1 /proc/loadavg); client api $(client "$data/tapi$r" $api) dl $(client "$data/tdl$r" $dl) ms/turn"
  python3 -c "import json,sys;a,d=(json.load(open(f)) for f in sys.argv[1:]);print(f\"round $r window: host api {a['hostCpuMsPerTurn']} dl {d['hostCpuMsPerTurn']} ms/turn; client api {a['clientCpuMsPerTurn']} dl {d['clientCpuMsPerTurn']} ms/turn; turns/s api {a['turnsPerSecond']} dl {d['turnsPerSecond']} ratio {d['turnsPerSecond']/a['turnsPerSecond']:.2f}\")" "$data/api$r.json" "$data/dl$r.json"
  grep -h "turns/s\|^|" "$data/api$r.txt" "$data/dl$r.txt" | tail -n 4
done
[ -n "${HOLD:-}" ] && { echo holding; sleep "$HOLD"; }
kill $hp; wait

#!/usr/bin/env bash
# The load comparison in one command (BENCHMARKS.md "Load"): builds Sinergi in Release and the load generator,
# installs the Bot Framework SDK bot (bench/js-bot), starts both on free loopback ports (Sinergi on a fresh data
# folder), and drives both with the same generator at 16 concurrent conversations, alternating rounds; then Direct
# Line and 64 concurrent Q&A questions on Sinergi, and optionally the memory soak. Results: bench/out/<time>/.
#
# Usage: bench/run-comparison.sh [--turns N] [--warmup N] [--rounds N] [--soak-turns N] [--concurrency N]
#   --turns N         measured turns per run (default 20000)
#   --warmup N        unmeasured turns before each run (default 10000: .NET's tiered JIT needs them)
#   --rounds N        alternating rounds per bot (default 2)
#   --soak-turns N    also run the soak (1000000 in the documented run; default 0 = skip)
#   --soak-only       skip the comparison, Direct Line and Q&A runs (with --soak-turns)
#   --dl-turns N      measured Direct Line turns (default 2000)
# Everything stays on 127.0.0.1; every run is bounded by its turn count and a time limit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

turns=20000
warmup=10000
rounds=2
soak_turns=0
concurrency=16
soak_only=0
dl_turns=2000
while [ $# -gt 0 ]; do
  case "$1" in
    --turns) turns=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --soak-turns) soak_turns=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --soak-only) soak_only=1; shift ;;
    --dl-turns) dl_turns=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/out/$stamp"
mkdir -p "$out"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
wait_healthy() {
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "not healthy: $1" >&2
  return 1
}

echo "== build (Release)"
dotnet build Bot.Host -c Release -warnaserror -v q -nologo >/dev/null
dotnet build bench/Bot.Bench.Load -c Release -warnaserror -v q -nologo >/dev/null
if [ ! -d bench/js-bot/node_modules ]; then
  echo "== npm ci (botbuilder 4.23.3)"
  # botbuilder-dialogs' postinstall calls npx; let it fetch its helper without asking.
  (cd bench/js-bot && npm_config_yes=true npm ci --no-audit --no-fund >/dev/null)
fi
load="dotnet $root/bench/Bot.Bench.Load/bin/Release/net10.0/Bot.Bench.Load.dll"

echo "== start"
sinergi_port=$(free_port)
data="$out/sinergi-data"
mkdir -p "$data"
(cd Bot.Host/bin/Release/net10.0 && exec env \
  Urls="http://127.0.0.1:$sinergi_port" \
  Storage__DataDirectory="$data" \
  'Bot__Coordinators__0=bench|bench-koord' \
  'Bot__Coordinators__1=directline|bench-koord' \
  DirectLine__Secret=bench-secret-for-loopback-only \
  RateLimit__TurnsPerMinute=100000000 RateLimit__Burst=100000000 HttpRateLimit__WebhooksPerMinute=1000000 \
  dotnet Bot.Host.dll >"$out/sinergi.log" 2>&1) &
sinergi_pid=$!
pids+=("$sinergi_pid")
js_port=$(free_port)
(cd bench/js-bot && PORT=$js_port exec node index.js >"$out/js-bot.log" 2>&1) &
js_pid=$!
pids+=("$js_pid")
wait_healthy "http://127.0.0.1:$sinergi_port/healthz"
wait_healthy "http://127.0.0.1:$js_port/healthz"
# The processes we measure are the dotnet and node processes themselves (exec above).
echo "sinergi pid $sinergi_pid on $sinergi_port, js-bot pid $js_pid on $js_port"

{
  echo "date: $stamp"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) x $(nproc)"
  echo "memory: $(free -m | awk '/Mem:/ {print $2}') MiB"
  echo "dotnet: $(dotnet --version), node: $(node --version)"
  echo "disk of the data folder: $(df -h "$data" | awk 'NR==2 {print $1, $6}')"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

common=(--turns "$turns" --warmup "$warmup" --concurrency "$concurrency" --duration 900)
if [ "$soak_only" = 1 ]; then rounds=0; fi
for round in $(seq 1 "$rounds"); do
  echo "== round $round: JS SDK (expectReplies, MemoryStorage)"
  $load botframework --url "http://127.0.0.1:$js_port" --script bench/scripts/js-waterfall.json --locale en-US \
    --pid "$js_pid" --label "js-sdk-$round" --out "$out/js-sdk-$round.json" "${common[@]}" || true
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
  echo "== round $round: Sinergi (expectReplies, LiteDB)"
  $load botframework --url "http://127.0.0.1:$sinergi_port" --script bench/scripts/sinergi-registration.json \
    --pid "$sinergi_pid" --label "sinergi-$round" --out "$out/sinergi-$round.json" "${common[@]}" || true
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
  # The same 11 turns answering "tidak" at the end: every turn still commits its state, but nothing is registered,
  # which is the closer match to the JS waterfall (it saves nothing either).
  echo "== round $round: Sinergi, the same form declined at the end"
  $load botframework --url "http://127.0.0.1:$sinergi_port" --script bench/scripts/sinergi-registration-declined.json \
    --pid "$sinergi_pid" --label "sinergi-declined-$round" --out "$out/sinergi-declined-$round.json" "${common[@]}" || true
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
done

if [ "$soak_only" = 0 ]; then
echo "== Sinergi over Direct Line (WebSocket)"
$load directline --url "http://127.0.0.1:$sinergi_port" --script bench/scripts/sinergi-registration.json \
  --secret bench-secret-for-loopback-only --pid "$sinergi_pid" --label sinergi-directline \
  --out "$out/sinergi-directline.json" --turns "$dl_turns" --warmup 500 --concurrency "$concurrency" --duration 900 || true

echo "== Sinergi Q&A, 64 concurrent questions"
$load qa --url "http://127.0.0.1:$sinergi_port" --script bench/scripts/qa-questions.json \
  --pid "$sinergi_pid" --label sinergi-qa --out "$out/sinergi-qa.json" --turns 5000 --warmup 500 --duration 600 || true
fi

if [ "$soak_turns" -gt 0 ]; then
  echo "== soak: $soak_turns turns, RSS every $((soak_turns / 50)) turns"
  echo "soak start: $(date -u +%H:%M:%S), load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
  $load soak --url "http://127.0.0.1:$sinergi_port" --script bench/scripts/sinergi-registration.json \
    --pid "$sinergi_pid" --label sinergi-soak --out "$out/sinergi-soak.json" --turns "$soak_turns" \
    --rss-every "$((soak_turns / 50))" --concurrency "$concurrency" --duration 14400 || true
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
du -sh "$data" | tee -a "$out/machine.txt"

python3 "$root/bench/summarize.py" "$out" | tee "$out/summary.md"

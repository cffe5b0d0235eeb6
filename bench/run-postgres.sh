#!/usr/bin/env bash
# LiteDB against PostgreSQL, one and two hosts, in one command (BENCHMARKS.md "Several hosts on PostgreSQL"):
# builds Sinergi in Release and the load generator, starts a private PostgreSQL (initdb in a temporary folder as the
# `postgres` user when run as root, a free loopback port, fsync on as in production; stopped and deleted at the
# end), one Sinergi host on LiteDB and two on that PostgreSQL (each on a free loopback port with a data folder of its
# own), and drives them with the same generator and the registration script over /api/messages (expectReplies):
#   litedb-N       the LiteDB host
#   postgres-1-N   PostgreSQL host A alone
#   postgres-2-N   hosts A and B: each new conversation goes to the next host in turn
# The order turns round every round (L P1 P2, then P2 P1 L, …) so drift of the shared machine falls on each alike.
# Every run reports turns/s, p50/p99 and CPU per turn (the hosts' process CPU time, and PostgreSQL's, per measured
# turn). Results: bench/out/pg-<time>/ (summary.md).
#
# Usage: bench/run-postgres.sh [--turns N] [--warmup N] [--rounds N] [--concurrency N] [--statements]
#   --turns N         measured turns per run (default 5000)
#   --warmup N        unmeasured turns before each run (default 3000); before the first round, every host also gets
#                     a warm-up pass of its own (results in warm-up/, not in the summary), so no round meets a cold JIT
#   --rounds N        rounds of the three runs (default 2)
#   --concurrency N   concurrent conversations (default 16)
#   --statements      also load pg_stat_statements and write, per PostgreSQL run, the statements the database ran
#                     with their calls per turn (statements-<run>.txt); it costs time of its own, so not for figures
#   --round-trips     after the rounds, one more short run per provider (600 measured turns, 200 warm-up) under strace:
#                     the messages the host sends to PostgreSQL per turn (each round trip starts with one send; the
#                     other hosts' connections and the LISTEN connection count too), written to round-trips.txt;
#                     strace slows the host, so those runs are not in the summary
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

turns=5000
warmup=3000
rounds=2
concurrency=16
statements=0
round_trips=0
while [ $# -gt 0 ]; do
  case "$1" in
    --turns) turns=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --statements) statements=1; shift ;;
    --round-trips) round_trips=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "PostgreSQL is not installed (./test.sh installs it: apt-get install postgresql)" >&2
  exit 1
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/out/pg-$stamp"
mkdir -p "$out"
pg_folder=$(mktemp -d /tmp/sinergi-bench-pg-XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$pg_folder"
  as_pg=(runuser -u postgres --)
fi

pids=()
pg_started=0
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$pg_started" = 1 ]; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_folder/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  cp "$pg_folder/server.log" "$out/postgres.log" 2>/dev/null || true
  rm -rf "$pg_folder"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
wait_healthy() {
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "not healthy: $1" >&2
  return 1
}
# The understanding model loads in the background after start (minutes on a busy machine); a turn before that waits.
wait_model() {
  for _ in $(seq 1 1200); do
    if grep -q "Understanding model ready" "$out/$1.log"; then return 0; fi
    sleep 0.5
  done
  echo "$1: understanding model not ready" >&2
  return 1
}

echo "== build (Release)"
dotnet build Bot.Host -c Release -warnaserror -v q -nologo >/dev/null
dotnet build bench/Bot.Bench.Load -c Release -warnaserror -v q -nologo >/dev/null
load="dotnet $root/bench/Bot.Bench.Load/bin/Release/net10.0/Bot.Bench.Load.dll"

echo "== PostgreSQL ($pg_bin)"
pg_port=$(free_port)
pg_options="-p $pg_port -k $pg_folder -c listen_addresses=127.0.0.1 -c max_connections=200"
if [ "$statements" = 1 ]; then
  pg_options+=" -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
fi
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_folder/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_folder/data" -l "$pg_folder/server.log" -w -t 60 -o "$pg_options" start >/dev/null
pg_started=1
pg_pid=$(head -1 "$pg_folder/data/postmaster.pid")
sql() { "${as_pg[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$1" -qAt -c "$2"; }
sql postgres "create database sinergi" >/dev/null
if [ "$statements" = 1 ]; then sql sinergi "create extension pg_stat_statements" >/dev/null; fi
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=sinergi;Maximum Pool Size=50"

# start_host NAME PORT [environment…]: the host process itself (exec), so its pid is the one measured.
start_host() {
  local name=$1 port=$2
  shift 2
  mkdir -p "$out/$name-data"
  (cd Bot.Host/bin/Release/net10.0 && exec env \
    Urls="http://127.0.0.1:$port" \
    Storage__DataDirectory="$out/$name-data" \
    'Bot__Coordinators__0=bench|bench-koord' \
    DirectLine__Secret=bench-secret-for-loopback-only \
    RateLimit__TurnsPerMinute=100000000 RateLimit__Burst=100000000 HttpRateLimit__WebhooksPerMinute=1000000 \
    "$@" dotnet Bot.Host.dll >"$out/$name.log" 2>&1) &
  pids+=("$!")
}

echo "== start the hosts"
lite_port=$(free_port)
start_host litedb "$lite_port"
lite_pid=${pids[-1]}
postgres_env=(Storage__Provider=Postgres "ConnectionStrings__Sinergi=$connection"
  DirectLine__TokenSigningKey=bench-token-signing-key-for-loopback-only-0123456789)
a_port=$(free_port)
start_host postgres-a "$a_port" "${postgres_env[@]}"
a_pid=${pids[-1]}
wait_healthy "http://127.0.0.1:$a_port/healthz" # A runs the migrations; B then finds them done
b_port=$(free_port)
start_host postgres-b "$b_port" "${postgres_env[@]}"
b_pid=${pids[-1]}
wait_healthy "http://127.0.0.1:$lite_port/healthz"
wait_healthy "http://127.0.0.1:$b_port/healthz"
for host in litedb postgres-a postgres-b; do wait_model "$host"; done
echo "litedb pid $lite_pid on $lite_port; postgres host A pid $a_pid on $a_port, B pid $b_pid on $b_port; postgres pid $pg_pid on $pg_port"

{
  echo "date: $stamp"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Bot.Host Bot.Dialogs || echo ' (with uncommitted changes)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) x $(nproc)"
  echo "memory: $(free -m | awk '/Mem:/ {print $2}') MiB"
  echo "dotnet: $(dotnet --version), $("$pg_bin/postgres" --version)"
  echo "turns $turns, warm-up $warmup, concurrency $concurrency, rounds $rounds"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

common=(botframework --script bench/scripts/sinergi-registration.json --turns "$turns" --warmup "$warmup"
  --concurrency "$concurrency" --duration 900)
run() {
  local label=$1
  shift
  echo "== $label"
  if [ "$statements" = 1 ]; then sql sinergi "select pg_stat_statements_reset()" >/dev/null; fi
  $load "${common[@]}" --label "$label" --out "$out/$label.json" "$@" || true
  if [ "$statements" = 1 ] && [[ $label == postgres-* ]]; then
    # Every turn of the run (set-up and warm-up too), by the hosts' database only.
    local all=$(python3 -c "import json; r=json.load(open('$out/$label.json')); print(r['measuredTurns'] + r['warmupTurns'] + 5 * r['concurrency'])")
    sql sinergi "select round(calls::numeric / $all, 2) || ' per turn | ' || round(total_exec_time::numeric / calls, 3) || ' ms | ' || regexp_replace(query, '\s+', ' ', 'g')
      from pg_stat_statements where dbid = (select oid from pg_database where datname = 'sinergi') order by calls desc limit 60" >"$out/statements-$label.txt"
  fi
  echo "$label: load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
}
litedb() { run "litedb-$1" --url "http://127.0.0.1:$lite_port" --pid "$lite_pid"; }
postgres_1() { run "postgres-1-$1" --url "http://127.0.0.1:$a_port" --pid "$a_pid" --db-pid "$pg_pid"; }
postgres_2() {
  run "postgres-2-$1" --url "http://127.0.0.1:$a_port" --url "http://127.0.0.1:$b_port" \
    --pid "$a_pid" --pid "$b_pid" --db-pid "$pg_pid"
}

out_rounds=$out
out="$out/warm-up"
mkdir -p "$out"
litedb 0; postgres_2 0
out=$out_rounds

for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    litedb "$round"; postgres_1 "$round"; postgres_2 "$round"
  else
    postgres_2 "$round"; postgres_1 "$round"; litedb "$round"
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"

# trips LABEL PID URL: a short run with strace on the host; counts its sends to PostgreSQL and to its clients.
trips() {
  local label=$1 pid=$2 url=$3 trace="$out/round-trips/$1.strace"
  mkdir -p "$out/round-trips"
  strace -f -qq -yy -e trace=sendto,sendmsg,write -o "$trace" -p "$pid" &
  local strace_pid=$!
  sleep 3
  $load botframework --script bench/scripts/sinergi-registration.json --turns 600 --warmup 200 \
    --concurrency "$concurrency" --duration 900 --label "$label" --out "$out/round-trips/$label.json" --url "$url" || true
  kill -INT "$strace_pid"; wait "$strace_pid" 2>/dev/null || true
  local all=$(python3 -c "import json; r=json.load(open('$out/round-trips/$label.json')); print(r['measuredTurns'] + r['warmupTurns'] + 5 * r['concurrency'])")
  local to_db=$(grep -c -e "->127.0.0.1:$pg_port\]" "$trace" || true)
  python3 -c "print(f'$label: {$to_db / $all:.2f} sends to PostgreSQL per turn ($to_db over $all turns)')" | tee -a "$out/round-trips.txt"
}
if [ "$round_trips" = 1 ]; then
  trips litedb "$lite_pid" "http://127.0.0.1:$lite_port"
  trips postgres-1 "$a_pid" "http://127.0.0.1:$a_port"
fi

python3 "$root/bench/summarize.py" "$out" | tee "$out/summary.md"

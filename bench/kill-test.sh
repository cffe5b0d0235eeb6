#!/usr/bin/env bash
# Several hosts, one killed (issue 17; BENCHMARKS.md "Kill test, three hosts on PostgreSQL"): each round runs
# PostgresThreeHostKillTests once: a private PostgreSQL (initdb in a temp folder, loopback), three real hosts
# (dotnet Bot.Host.dll) on it, 6 fokal registering commitments with their turns spread over the hosts, a web chat
# socket on a host not running the reminder sweep with its messages posted to the other two, the deadline-day
# reminders of the saved commitments falling due, and kill -9 of the host running the reminder sweep (holding its
# Quartz trigger and the rows it claimed; another one only if the sweep moved to the socket's host meanwhile) while
# the channel holds its messages. A turn that fails is retried on another host with the same activity id.
# It checks that every acknowledged commitment exists once, every reminder due was sent (a message repeated only
# under its own id), each Quartz firing ran on one host, and the socket got every reply; then prints the round's
# "kill test summary" line (acknowledged, lost, duplicated, retries, reminders, firings).
# The hosts' logs of each round are kept in /tmp/kill-test-<time>/ (KILL_TEST_LOGS=1), named in the summary or failure.
# Usage: bench/kill-test.sh [rounds]   (default 5; KILL_TEST_NO_BUILD=1 skips the build)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
[ "${KILL_TEST_NO_BUILD:-}" = 1 ] || dotnet build tests/Bot.Tests -v q -nologo >/dev/null
for round in $(seq 1 "$rounds"); do
  echo "== kill round $round/$rounds"
  log=$(mktemp)
  status=0
  KILL_TEST_LOGS=1 dotnet test tests/Bot.Tests --no-build --filter "FullyQualifiedName~Storage.PostgresThreeHostKillTests" --logger "console;verbosity=detailed" >"$log" 2>&1 || status=$?
  grep -E "kill test summary|Passed!|Failed!|\[FAIL\]" -A2 "$log" | grep -v "^--$" || true
  # A failure's message names the state of every row left unsent, the Quartz tables and the hosts' reminder lines.
  sed -n '/Error Message:/,/Stack Trace:/p' "$log" || true
  rm -f "$log"
  if [ "$status" -ne 0 ]; then echo "round $round failed"; exit 1; fi
done
echo "$rounds passed, 0 failed"

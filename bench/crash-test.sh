#!/usr/bin/env bash
# Crash safety, as often as you like (BENCHMARKS.md "Load"): each round starts the real host as a child process
# (dotnet Bot.Host.dll, loopback, temp data folder), drives 8 fokal registering commitments concurrently over
# /api/messages, kills it with SIGKILL mid-run, restarts it on the same folder and checks that
#   - every conversation whose last reply said "Tersimpan sebagai RA-…" still has that commitment ("lihat RA-…"),
#   - no commitment was saved twice (the database file is opened after the host is gone),
#   - every conversation cut off mid-form continues at the right question (the in-flight activity is resent
#     with the same id: it either runs now or is recognised as already processed).
# TODO(reminders): the reminder exactly-once check belongs in CrashRecoveryTests at the marked hook once the
# Quartz reminders land from their branch.
# Usage: bench/crash-test.sh [rounds]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
dotnet build tests/Bot.Tests -v q -nologo >/dev/null
for round in $(seq 1 "$rounds"); do
  echo "== crash round $round/$rounds"
  dotnet test tests/Bot.Tests --no-build --filter "FullyQualifiedName~Reliability.CrashRecoveryTests" --logger "console;verbosity=detailed" | grep -E "crash summary|Passed!|Failed!|error" || exit 1
done
echo "$rounds passed, 0 failed"

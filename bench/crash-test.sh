#!/usr/bin/env bash
# Crash safety, as often as you like (BENCHMARKS.md "Load"): each round starts the real host as a child process
# (dotnet Bot.Host.dll, loopback, temp data folder), drives 8 fokal registering commitments concurrently over
# /api/messages, kills it with SIGKILL mid-run, restarts it on the same folder and checks that
#   - every conversation whose last reply said "Tersimpan sebagai RA-…" still has that commitment ("lihat RA-…"),
#   - no commitment was saved twice (the database file is opened after the host is gone),
#   - every conversation cut off mid-form continues at the right question (the in-flight activity is resent
#     with the same id: it either runs now or is recognised as already processed).
# and, in a second test, kills it while the reminder sweep is sending (ReminderCrashTests): 50 fokal with reminders
# that fell due while it was down, 40 on a loopback Bot Framework channel that stops answering after 10 messages
# (so every delivery slot holds a message the channel has but the host never heard accepted) and 10 on Direct Line;
# a coordinator's nudge queues more, SIGKILL, restart, and checks that
#   - every reminder due was sent (none lost),
#   - each Direct Line reminder is in its transcript exactly once,
#   - a Connector message is repeated only if it was in flight at the kill, under the same clientActivityID and with
#     the same reminders (a channel that de-duplicates by that id shows it once), and no reminder went out under two ids.
# and, in a third (TipCrashTests, issue 14), kills it while 12 residents confirm anonymous tips, restarts it and sends
# every unanswered confirmation again (same activity id), then checks that
#   - each resident gets the receipt of their own tip (whether its turn had been committed or not) or, when nothing
#     was stored, is told so truthfully,
#   - no tip is stored twice.
# Usage: bench/crash-test.sh [rounds]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
dotnet build tests/Bot.Tests -v q -nologo >/dev/null
for round in $(seq 1 "$rounds"); do
  echo "== crash round $round/$rounds"
  dotnet test tests/Bot.Tests --no-build --filter "FullyQualifiedName~Reliability.CrashRecoveryTests|FullyQualifiedName~Reliability.ReminderCrashTests|FullyQualifiedName~Reliability.TipCrashTests" --logger "console;verbosity=detailed" | grep -E "crash summary|Passed!|Failed!|error" || exit 1
done
echo "$rounds passed, 0 failed"

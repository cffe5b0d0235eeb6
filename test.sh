#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, then restores, builds (warnings are errors) and runs every test.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~DirectLine]
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Headless Chromium from Debian's packages drives the official Web Chat in the browser tests
# (Playwright's own browser download does not work offline).
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Chromium (Debian package)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# npm fetches the Web Chat bundle during the build (Bot.Host.csproj, target FetchWebChat).
if ! command -v npm >/dev/null 2>&1; then
  echo "== installing Node.js and npm (Debian packages)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

echo "== restore"
dotnet restore Bot.sln
echo "== build"
dotnet build Bot.sln --no-restore -c Release -warnaserror
echo "== test"
log=$(mktemp)
set +e
dotnet test Bot.sln --no-build -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line for CI: "N passed, N failed".
passed=$( (grep -E "^\s+Passed: [0-9]+" "$log" || true) | awk '{s+=$2} END {print s+0}')
# No "Failed:" line at all when nothing failed: grep's exit 1 must not end the script (set -e, pipefail).
failed=$( (grep -E "^\s+Failed: [0-9]+" "$log" || true) | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"

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

# PostgreSQL from Debian's packages: the Postgres storage tests start a private server of their own (initdb in a
# temporary folder, a free loopback port; tests/Bot.Tests/Storage/PostgresServer.cs), never the system service.
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "== installing PostgreSQL (Debian package)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

# nginx from Debian's packages: NginxProxyTests runs the README's reverse-proxy sample (deploy/nginx/sinergi.conf) in
# front of two hosts, as a process of its own in a temporary folder (never the system service).
if [ ! -x /usr/sbin/nginx ]; then
  echo "== installing nginx (Debian package nginx-light)"
  as_root apt-get update -qq
  # Keep the package from starting the system service (port 80) where no policy says so already.
  no_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    no_policy=1
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod +x /usr/sbin/policy-rc.d
  fi
  # nginx-light is Debian 12's small build; later releases have only nginx.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null \
    || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  if [ "$no_policy" = 1 ]; then as_root rm -f /usr/sbin/policy-rc.d; fi
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
# (awk, not grep: grep exits 1 when there is no "Failed:" line, which set -e and pipefail would turn into a failure)
passed=$(awk '/^[[:space:]]+Passed: [0-9]+/ {s+=$2} END {print s+0}' "$log")
failed=$(awk '/^[[:space:]]+Failed: [0-9]+/ {s+=$2} END {print s+0}' "$log")
# CI shows only the end of the output, so name the failing tests (with their first message line) right here.
if [ "${failed:-0}" != 0 ]; then
  echo "== failed tests"
  awk '/^[[:space:]]+Failed [A-Za-z]/ {print; getline; getline; print "    " $0}' "$log" | head -60
fi
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"

#!/usr/bin/env bash
# Runs every FixIt test assembly against real services, and prints one closing line:
#   N passed, N failed, N skipped
# As root on Debian it installs what the tests need (apt) and starts a throw-away PostgreSQL
# cluster on loopback, then stops everything it started. Elsewhere it says what is missing.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

APT_PACKAGES=(postgresql postgresql-15-postgis-3 chromium swaks dovecot-imapd wrk)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

missing=()
command -v dotnet >/dev/null || missing+=("the .NET 10 SDK (dotnet)")
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  need=()
  for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing ${need[*]} ..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
      || { echo "apt-get install ${need[*]} failed"; exit 1; }
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || missing+=("PostgreSQL server binaries (Debian: apt-get install postgresql)")
command -v chromium >/dev/null || missing+=("Chromium for the browser tests (Debian: apt-get install chromium)")
command -v swaks >/dev/null || missing+=("swaks for the inbound-mail tests (Debian: apt-get install swaks)")
command -v npm >/dev/null || missing+=("Node.js and npm, to install the map libraries")
if [ ${#missing[@]} -gt 0 ]; then
  echo "Cannot run the tests; missing:"
  printf '  - %s\n' "${missing[@]}"
  echo "Run this script as root on Debian to install them, or install them yourself."
  exit 1
fi

WORK=$(mktemp -d /tmp/fixit-test.XXXXXX)
chmod 755 "$WORK"
PGDATA="$WORK/pg"
PG_PORT=${FIXIT_TEST_PG_PORT:-55432}
while (exec 3<>/dev/tcp/127.0.0.1/$PG_PORT) 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done

as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

cleanup() {
  as_pg "'$PG_BIN/pg_ctl' -D '$PGDATA' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$PGDATA"
[ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
as_pg "'$PG_BIN/initdb' -D '$PGDATA' -U postgres -A trust --no-sync" >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log"; echo "initdb failed"; exit 1; }
as_pg "'$PG_BIN/pg_ctl' -D '$PGDATA' -l '$PGDATA/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PGDATA' -c fsync=off -c max_connections=200\" start" >/dev/null \
  || { cat "$PGDATA/server.log"; echo "PostgreSQL did not start"; exit 1; }
export FIXIT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RESULTS="$WORK/results"
dotnet build FixIt.sln -c Release -nologo -v q || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
status=0
# Layout as .editorconfig says; the build already fails on analyzer and code-style warnings, so only whitespace
# (which needs no compilation) is checked here. A difference counts as one failed test.
format_failed=0
if ! dotnet format whitespace FixIt.sln --verify-no-changes -v q; then
  echo "Formatting differs from .editorconfig (files listed above): run 'dotnet format FixIt.sln' and commit the result."
  format_failed=1
fi
projects=$(find tests -name '*.csproj' -exec grep -l 'Microsoft.NET.Test.Sdk' {} + | sort)
for project in $projects; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo --results-directory "$RESULTS/$name" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" || status=1
done

# What ships (issue 13): the linux-x64 publish the Dockerfile makes must stay within PUBLISH_LIMIT_MB (decimal MB).
# It reuses the build above (no restore; only FixIt.Web is compiled again for the runtime) and counts as one test.
PUBLISH_LIMIT_MB=120
publish_check=failed
if dotnet publish src/FixIt.Web -c Release -r linux-x64 --no-restore --nologo -v q -o "$WORK/publish" >"$WORK/publish.log" 2>&1; then
  publish_bytes=$(du -sb "$WORK/publish" | cut -f1)
  echo "Published linux-x64: $((publish_bytes / 1000000)) MB (limit $PUBLISH_LIMIT_MB MB)"
  if [ "$publish_bytes" -le $((PUBLISH_LIMIT_MB * 1000000)) ]; then
    publish_check=passed
  else
    echo "FAILED: the linux-x64 publish is over $PUBLISH_LIMIT_MB MB; its largest files:"
    find "$WORK/publish" -type f -printf '%s %P\n' | sort -rn | head -n 10
  fi
else
  cat "$WORK/publish.log"
  echo "FAILED: dotnet publish src/FixIt.Web -r linux-x64"
fi

passed=0; failed=0; skipped=0; files=0
[ $publish_check = passed ] && passed=1 || failed=1
for trx in "$RESULTS"/*/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  # A skipped xunit test is counted in total but not in executed (notExecuted stays 0).
  skipped=$((skipped + $(get total) - $(get executed)))
done
expected=$(echo "$projects" | wc -w)
if [ "$files" -lt "$expected" ]; then
  echo "Only $files of $expected test assemblies reported results (a test host crashed?)."
  failed=$((failed + expected - files))
fi
failed=$((failed + format_failed))
[ $status -ne 0 ] && [ $failed -eq 0 ] && failed=1
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]

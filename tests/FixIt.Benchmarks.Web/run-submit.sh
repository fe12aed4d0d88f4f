#!/usr/bin/env bash
# The submit benchmark (docs/benchmarks.md, "Report submission"): the app (Release) with the outbox dispatcher sending
# every confirmation to a counting SMTP sink in another process, loaded by wrk from a third process with the same
# JSON at POST /bench/ceiling (the framework's ceiling, mapped by Benchmark:CeilingEndpoint) and POST /api/reports,
# in the same app, one after the other. Then it waits for the outbox to drain and checks that every 201 is a stored
# report and every stored report's confirmation reached the sink.
#
# Usage: tests/FixIt.Benchmarks.Web/run-submit.sh [Sqlite|PostgreSql|both] [seconds, default 20] [connections, default 8]
# Env:   FIXIT_BENCH_PGPORT (default 55432): a PostgreSQL on 127.0.0.1 with user postgres and trust auth.
#        NO_BUILD=1 skips the Release build.
#        SUBMIT_WARMUP_SECONDS (default: the measured seconds): how long submissions run before the measured run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
which=${1:-both}
seconds=${2:-20}
connections=${3:-8}
warmup=${SUBMIT_WARMUP_SECONDS:-$seconds}
pgport=${FIXIT_BENCH_PGPORT:-55432}
app_port=5390
sink_port=2690
lua="$ROOT/tests/FixIt.Benchmarks.Web/submit.lua"
work=$(mktemp -d /tmp/fixit-submit-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ "${NO_BUILD:-0}" != 1 ]; then
  dotnet build src/FixIt.Web -c Release -nologo -v q >/dev/null
  dotnet build tests/FixIt.Benchmarks.Mail -c Release -nologo -v q >/dev/null
fi

"$ROOT/tests/FixIt.Benchmarks.Mail/bin/Release/net10.0/FixIt.Benchmarks.Mail" --sink-only --port "$sink_port" --seconds 3600 \
  >"$work/sink.log" 2>&1 &
pids+=($!)

sink_count() {
  python3 - "$sink_port" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
f = s.makefile("rwb")
f.readline(); f.write(b"XCNT\r\n"); f.flush()
print(int(f.readline().split()[1])); f.write(b"QUIT\r\n"); f.flush()
PY
}

# Counts in the app's database: reports from the benchmark, their confirmation emails, and those marked sent.
db_counts() {
  local sql="SELECT (SELECT COUNT(*) FROM \"Reports\" WHERE \"ReporterEmail\" LIKE 'bench-%'), (SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Kind\" = 'ReporterConfirmation' AND \"ToAddress\" LIKE 'bench-%'), (SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Kind\" = 'ReporterConfirmation' AND \"ToAddress\" LIKE 'bench-%' AND \"Status\" = 'Sent')"
  if [ "$1" = Sqlite ]; then sqlite3 -separator ' ' "$2/fixit.db" "$sql"; else psql -h 127.0.0.1 -p "$pgport" -U postgres -d "$2" -tA -F ' ' -c "$sql"; fi
}

wrk_run() { # path label duration
  wrk -t"$(( connections < 2 ? connections : 2 ))" -c"$connections" -d"$3"s --latency -s "$lua" "http://127.0.0.1:$app_port" -- "$1" "$2" | grep '^result'
}

run_provider() {
  local provider=$1 data="$work/$1" db_arg conn
  mkdir -p "$data"
  if [ "$provider" = PostgreSql ]; then
    db_arg="fixit_submit_bench_$$"
    psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "DROP DATABASE IF EXISTS $db_arg" -c "CREATE DATABASE $db_arg" >/dev/null
    conn="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$db_arg;Maximum Pool Size=50"
  else
    db_arg="$data"
    conn=""
  fi
  (cd src/FixIt.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet bin/Release/net10.0/FixIt.Web.dll --urls "http://127.0.0.1:$app_port" \
    --Database:Provider "$provider" ${conn:+"--Database:ConnectionString=$conn"} --Storage:DataFolder "$data" --Seed:Demo true \
    --Mail:Transport Smtp --Mail:SmtpHost 127.0.0.1 --Mail:SmtpPort "$sink_port" --Mail:TlsMode None \
    --RateLimits:Submit:PermitLimit 1000000000 --MailboxCaps:ReportConfirmationsPerDay 1000000000 \
    --Benchmark:CeilingEndpoint true --Logging:LogLevel:Default=Warning >"$work/app-$provider.log" 2>&1) &
  local app=$!
  pids+=($app)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null || { cat "$work/app-$provider.log"; echo "the app did not start"; exit 1; }

  local before_sink
  before_sink=$(sink_count)
  # Warm-up: the JIT's optimised tier, pools, caches. Counted in the checks like every other request. The submit path
  # runs far more distinct methods than the ceiling (EF Core, SQLite or Npgsql, FluentValidation, MimeKit, MailKit),
  # and the JIT promotes them to their optimised tier in the background for thousands of requests (the mail benchmark
  # found ~2,400 methods still compiling after 3,000 messages): it warms up as long as it is measured.
  wrk_run /bench/ceiling warm "$(( seconds / 4 + 1 ))" >/dev/null
  wrk_run /api/reports warm "$warmup" > "$work/warm.txt"
  sleep 2

  echo "== $provider, $connections connections, ${seconds}s each, $(nproc) cores; load before: $(uptime | sed 's/.*load average: //')"
  local ceiling submit
  ceiling=$(wrk_run /bench/ceiling ceiling "$seconds")
  submit=$(wrk_run /api/reports measured "$seconds")
  echo "ceiling  $ceiling"
  echo "submit   $submit"
  echo "load after: $(uptime | sed 's/.*load average: //')"
  local c_rps s_rps
  c_rps=$(sed -n 's/.* rps=\([0-9]*\).*/\1/p' <<<"$ceiling")
  s_rps=$(sed -n 's/.* rps=\([0-9]*\).*/\1/p' <<<"$submit")
  echo "submit / ceiling: $(python3 -c "print(f'{$s_rps / $c_rps:.1%}')")"

  # Every 201 is a stored report (a request cut off by wrk's clock may be stored without its answer being
  # counted: at most one per connection), and every stored report's confirmation reaches the sink.
  local created stored queued sent received
  created=$(( $(sed -n 's/.* created=\([0-9]*\).*/\1/p' "$work/warm.txt") + $(sed -n 's/.* created=\([0-9]*\).*/\1/p' <<<"$submit") ))
  for _ in $(seq 1 240); do
    read -r stored queued sent < <(db_counts "$provider" "$db_arg")
    [ "$sent" = "$stored" ] && break
    sleep 0.5
  done
  received=$(( $(sink_count) - before_sink ))
  echo "checks: 201s=$created stored=$stored confirmations queued=$queued sent=$sent received by the sink=$received"
  local ok=1
  grep -q ' other=0 ' <<<"$submit" || { echo "FAIL: answers other than 201"; ok=0; }
  (( stored >= created && stored - created <= 2 * connections )) || { echo "FAIL: stored reports do not match the 201s"; ok=0; }
  [ "$queued" = "$stored" ] && [ "$sent" = "$stored" ] && [ "$received" = "$stored" ] || { echo "FAIL: not every confirmation was sent"; ok=0; }
  [ $ok = 1 ] && echo "OK: every report stored, every confirmation sent"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  if [ "$provider" = PostgreSql ]; then
    psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "DROP DATABASE IF EXISTS $db_arg WITH (FORCE)" >/dev/null
  fi
  [ $ok = 1 ]
}

status=0
case "$which" in
  both) run_provider Sqlite || status=1; run_provider PostgreSql || status=1 ;;
  *) run_provider "$which" || status=1 ;;
esac
exit $status

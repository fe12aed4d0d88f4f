#!/usr/bin/env bash
# What one submission costs, in measures a busy machine does not distort much (docs/benchmarks.md, "Report
# submission"): CPU time per request of the app process and of the SMTP sink (process CPU seconds / requests, from
# /proc, the outbox drained before the second reading, so the dispatcher's work is in it), the ceiling endpoint's the
# same way for comparison, and the database statements per submission, counted from EF Core's command log in a short
# second run with one connection (the dispatcher's statements for those confirmations included).
#
# Usage: tests/FixIt.Benchmarks.Web/cost-per-submit.sh [Sqlite|PostgreSql] [seconds, default 10] [connections, default 4]
# Env:   FIXIT_BENCH_PGPORT (default 55432), NO_BUILD=1 as for run-submit.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
provider=${1:-Sqlite}
seconds=${2:-10}
connections=${3:-4}
pgport=${FIXIT_BENCH_PGPORT:-55432}
app_port=5391
sink_port=2691
lua="$ROOT/tests/FixIt.Benchmarks.Web/submit.lua"
work=$(mktemp -d /tmp/fixit-submit-cost.XXXXXX)
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
sink=$!
pids+=($sink)

# CPU seconds (user + system) a process has used so far.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }

start_app() { # log level for EF Core's commands
  local data="$work/data-$RANDOM" db_arg="" conn=""
  mkdir -p "$data"
  if [ "$provider" = PostgreSql ]; then
    db_arg="fixit_submit_cost_$RANDOM"
    psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE $db_arg" >/dev/null
    conn="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$db_arg;Maximum Pool Size=50"
  fi
  (cd src/FixIt.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet bin/Release/net10.0/FixIt.Web.dll --urls "http://127.0.0.1:$app_port" \
    --Database:Provider "$provider" ${conn:+"--Database:ConnectionString=$conn"} --Storage:DataFolder "$data" --Seed:Demo true \
    --Mail:Transport Smtp --Mail:SmtpHost 127.0.0.1 --Mail:SmtpPort "$sink_port" --Mail:TlsMode None \
    --RateLimits:Submit:PermitLimit 1000000000 --MailboxCaps:ReportConfirmationsPerDay 1000000000 \
    --Benchmark:CeilingEndpoint true --Logging:LogLevel:Default=Warning \
    "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=$1" >"$work/app.log" 2>&1) &
  app=$!
  pids+=($app)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null || { cat "$work/app.log"; echo "the app did not start"; exit 1; }
  # The dotnet host execs the app: the pid is the app's.
}

wrk_run() { # path label duration connections
  wrk -t"$(( $4 < 2 ? $4 : 2 ))" -c"$4" -d"$3"s --latency -s "$lua" "http://127.0.0.1:$app_port" -- "$1" "$2" | grep '^result'
}

measure() { # path label
  local a0 s0 a1 s1 line n
  a0=$(cpu_of "$app"); s0=$(cpu_of "$sink")
  line=$(wrk_run "$1" "$2" "$seconds" "$connections")
  # Let the outbox drain, so the dispatcher's share of the work is counted too.
  sleep 3
  a1=$(cpu_of "$app"); s1=$(cpu_of "$sink")
  n=$(sed -n 's/.* created=\([0-9]*\).*/\1/p' <<<"$line")
  python3 -c "
n=$n; a=$a1-$a0; s=$s1-$s0
print(f'$1: {n} requests, app {a:.2f} s CPU = {1000*a/n:.3f} ms/request, sink {1000*s/n:.3f} ms/request   ($line)')"
}

start_app Warning
echo "== $provider, $connections connections, ${seconds}s; load: $(uptime | sed 's/.*load average: //')"
wrk_run /bench/ceiling warm 5 "$connections" >/dev/null
wrk_run /api/reports warm "$(( seconds ))" "$connections" >/dev/null
sleep 3
measure /bench/ceiling ceiling
measure /api/reports measured
echo "load after: $(uptime | sed 's/.*load average: //')"
kill "$app"; wait "$app" 2>/dev/null || true

# Statements per submission: a short run with EF Core's command log on, one connection, after a warm-up.
start_app Information
wrk_run /api/reports warm 3 1 >/dev/null
sleep 3
before=$(grep -c 'Executed DbCommand' "$work/app.log" || true)
line=$(wrk_run /api/reports counted 3 1)
sleep 3
after=$(grep -c 'Executed DbCommand' "$work/app.log" || true)
n=$(sed -n 's/.* created=\([0-9]*\).*/\1/p' <<<"$line")
python3 -c "print(f'statements: {$after - $before} for {$n} submissions = {($after - $before) / $n:.1f} per submission (the dispatcher\'s included)')"

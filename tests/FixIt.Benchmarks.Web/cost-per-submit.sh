#!/usr/bin/env bash
# What one submission costs, in measures a busy machine does not distort much (docs/benchmarks.md, "Report
# submission"): CPU time per request of the app process, of the SMTP sink and of the PostgreSQL server (process CPU
# seconds / requests, from /proc, read after every confirmation is marked sent, so the dispatcher's work is in it), the
# ceiling endpoint's the same way for comparison, and the database statements per submission, counted from EF Core's command log in a short
# second run with one connection (the dispatcher's statements for those confirmations included).
#
# It measures a number of requests, not a time, after a warm-up of a number of requests, so that a slow machine
# measures the same work as a quiet one. The app runs with the JIT's tiers off (every method compiled optimised once)
# unless FIXIT_BENCH_JIT=tiered: on a machine shared with builds, the tiered JIT's background recompilation of the
# submit path's thousands of methods goes on for minutes and would be measured with the requests.
#
# Usage: tests/FixIt.Benchmarks.Web/cost-per-submit.sh [Sqlite|PostgreSql] [submissions, default 1000] [connections, default 2]
# Env:   FIXIT_BENCH_PGPORT (default 55432), NO_BUILD=1 as for run-submit.sh.
#        FIXIT_BENCH_WARMUP (default 500): submissions before the measured ones.
#        FIXIT_BENCH_APP_PORT, FIXIT_BENCH_SINK_PORT (default 5391, 2691): as for run-submit.sh.
#        FIXIT_BENCH_JIT=tiered: the runtime's default JIT (then give a long warm-up).
#        FIXIT_BENCH_TRACE=/tmp/submit.nettrace also samples the app's stacks with dotnet-trace during the measured
#        submissions, for FIXIT_BENCH_TRACE_SECONDS (default 20) from their start (a .speedscope.json beside it;
#        read it with trace-breakdown.py).
#        FIXIT_BENCH_APP_ARGS: more arguments for the app (e.g. "--Logging:LogLevel:Default=Information").
#        FIXIT_BENCH_STATEMENTS=0 skips the second run (the statement count), for runtime-setting comparisons.
#        Runtime settings (DOTNET_ThreadPool_UnfairSemaphoreSpinLimit, DOTNET_gcServer, ...) in the environment reach
#        the app and the sink alike.
set -euo pipefail
cd "$(dirname "$0")/../.."
provider=${1:-Sqlite}
count=${2:-1000}
connections=${3:-2}
warmup=${FIXIT_BENCH_WARMUP:-500}
pgport=${FIXIT_BENCH_PGPORT:-55432}
app_port=${FIXIT_BENCH_APP_PORT:-5391}
sink_port=${FIXIT_BENCH_SINK_PORT:-2691}
work=$(mktemp -d /tmp/fixit-submit-cost.XXXXXX)
[ "${FIXIT_BENCH_JIT:-full}" = tiered ] || export DOTNET_TieredCompilation=0
# shellcheck source=submit-bench-common.sh
. tests/FixIt.Benchmarks.Web/submit-bench-common.sh

start_cost_app() { # log level for EF Core's commands
  cost_db="fixit_submit_cost_$$_$RANDOM"
  cost_data="$work/data-$RANDOM"
  # shellcheck disable=SC2086 # FIXIT_BENCH_APP_ARGS is a list of arguments
  start_app "$provider" "$cost_data" "$cost_db" "$work/app.log" \
    "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=$1" ${FIXIT_BENCH_APP_ARGS:-}
  cost_where=$([ "$provider" = PostgreSql ] && echo "$cost_db" || echo "$cost_data")
}

stop_cost_app() {
  stop_app
  [ "$provider" != PostgreSql ] || drop_database "$cost_db"
}

measure() { # path label answers
  local a0 s0 d0 a1 s1 d1 line n tracer=""
  if [ -n "${FIXIT_BENCH_TRACE:-}" ] && [ "$1" = /api/reports ]; then
    # Stacks of the app's threads sampled through the measured run, for tests/FixIt.Benchmarks.Web/trace-breakdown.py.
    dotnet-trace collect -p "$app" --profile dotnet-sampled-thread-time --format Speedscope \
      --duration "00:00:00:${FIXIT_BENCH_TRACE_SECONDS:-20}" -o "$FIXIT_BENCH_TRACE" >"$work/trace.log" 2>&1 &
    tracer=$!
    sleep 2
  fi
  a0=$(cpu_of "$app"); s0=$(cpu_of "$sink"); d0=$(db_cpu "$provider")
  line=$(wrk_run "$1" "$2" 600 "$connections" "$3")
  wait_for_outbox "$provider" "$cost_where" || echo "the outbox did not drain"
  a1=$(cpu_of "$app"); s1=$(cpu_of "$sink"); d1=$(db_cpu "$provider")
  [ -z "$tracer" ] || wait "$tracer" || cat "$work/trace.log"
  n=$(sed -n 's/.* created=\([0-9]*\).*/\1/p' <<<"$line")
  python3 -c "
n=$n; a=$a1-$a0; s=$s1-$s0; d=$d1-$d0
print(f'$1: {n} requests, app {a:.2f} s CPU = {1000*a/n:.3f} ms/request, sink {1000*s/n:.3f}, PostgreSQL {1000*d/n:.3f}, together {1000*(a+s+d)/n:.3f} ms/request   ($line)')"
}

start_cost_app Warning
echo "== $provider, $connections connections, $count submissions after $warmup, JIT ${FIXIT_BENCH_JIT:-full}; load: $(load_average)"
wrk_run /bench/ceiling warm 600 "$connections" 5000 >/dev/null
wrk_run /api/reports warm 600 "$connections" "$warmup" >/dev/null
wait_for_outbox "$provider" "$cost_where"
measure /bench/ceiling ceiling "$(( count * 10 ))"
measure /api/reports measured "$count"
echo "load after: $(load_average)"
stop_cost_app

# Statements per submission: a short run with EF Core's command log on, one connection, after a warm-up.
[ "${FIXIT_BENCH_STATEMENTS:-1}" != 0 ] || exit 0
start_cost_app Information
wrk_run /api/reports warm 600 1 100 >/dev/null
wait_for_outbox "$provider" "$cost_where"
before=$(grep -c 'Executed DbCommand' "$work/app.log" || true)
line=$(wrk_run /api/reports counted 600 1 200)
wait_for_outbox "$provider" "$cost_where"
after=$(grep -c 'Executed DbCommand' "$work/app.log" || true)
n=$(sed -n 's/.* created=\([0-9]*\).*/\1/p' <<<"$line")
python3 -c "print(f'statements: {$after - $before} for {$n} submissions = {($after - $before) / $n:.1f} per submission (the dispatcher\'s included)')"
stop_cost_app

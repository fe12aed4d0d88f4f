#!/usr/bin/env bash
# The submit benchmark (docs/benchmarks.md, "Report submission"): the app (Release) with the outbox dispatcher sending
# every confirmation to a counting SMTP sink in another process, loaded by wrk from a third process with the same
# JSON at POST /bench/ceiling (the framework's ceiling, mapped by Benchmark:EnableCeilingEndpoint) and POST /api/reports,
# in the same app, one after the other. Then it waits for the outbox to drain and checks that every 201 is a stored
# report and every stored report's confirmation reached the sink.
#
# Usage: tests/FixIt.Benchmarks.Web/run-submit.sh [Sqlite|PostgreSql|both] [seconds, default 20] [connections, default 8]
# Env:   FIXIT_BENCH_PGPORT (default 55432): a PostgreSQL on 127.0.0.1 with user postgres and trust auth.
#        NO_BUILD=1 skips the Release build.
#        FIXIT_BENCH_APP_PORT, FIXIT_BENCH_SINK_PORT (default 5390, 2690): ports for the app and the sink, to run beside another benchmark.
#        SUBMIT_WARMUP_SECONDS (default: the measured seconds): how long submissions run before the measured run.
set -euo pipefail
cd "$(dirname "$0")/../.."
which=${1:-both}
seconds=${2:-20}
connections=${3:-8}
warmup=${SUBMIT_WARMUP_SECONDS:-$seconds}
pgport=${FIXIT_BENCH_PGPORT:-55432}
app_port=${FIXIT_BENCH_APP_PORT:-5390}
sink_port=${FIXIT_BENCH_SINK_PORT:-2690}
work=$(mktemp -d /tmp/fixit-submit-bench.XXXXXX)
# shellcheck source=submit-bench-common.sh
. tests/FixIt.Benchmarks.Web/submit-bench-common.sh

run_provider() {
  local provider=$1 data="$work/$1" db_arg
  db_arg=$([ "$provider" = PostgreSql ] && echo "fixit_submit_bench_$$" || echo "$data")
  start_app "$provider" "$data" "$db_arg" "$work/app-$provider.log"

  local before_sink
  before_sink=$(sink_count)
  # Warm-up: the JIT's optimised tier, pools, caches. Counted in the checks like every other request. The submit path
  # runs far more distinct methods than the ceiling (EF Core, SQLite or Npgsql, FluentValidation, MimeKit, MailKit),
  # and the JIT promotes them to their optimised tier in the background for thousands of requests (the mail benchmark
  # found ~2,400 methods still compiling after 3,000 messages): it warms up as long as it is measured.
  wrk_run /bench/ceiling warm "$(( seconds / 4 + 1 ))" "$connections" >/dev/null
  wrk_run /api/reports warm "$warmup" "$connections" > "$work/warm.txt"
  sleep 2

  echo "== $provider, $connections connections, ${seconds}s each, $(nproc) cores; load before: $(load_average)"
  local ceiling submit
  ceiling=$(wrk_run /bench/ceiling ceiling "$seconds" "$connections")
  submit=$(wrk_run /api/reports measured "$seconds" "$connections")
  echo "ceiling  $ceiling"
  echo "submit   $submit"
  echo "load after: $(load_average)"
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
  stop_app
  [ "$provider" != PostgreSql ] || drop_database "$db_arg"
  [ $ok = 1 ]
}

status=0
case "$which" in
  both) run_provider Sqlite || status=1; run_provider PostgreSql || status=1 ;;
  *) run_provider "$which" || status=1 ;;
esac
exit $status

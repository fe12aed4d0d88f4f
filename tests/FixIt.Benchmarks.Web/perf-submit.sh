#!/usr/bin/env bash
# Where a submission's CPU goes, as the kernel sees it (docs/benchmarks.md, "Report submission", fourth pass): the
# app as cost-per-submit.sh starts it (JIT tiers off, dispatcher sending to the sink), warmed up, then `perf record`
# samples the app's threads only while they are on a core (unlike dotnet-trace's thread-time, which counts a thread
# waiting for a core as running) during a run of submissions; the JIT'd frames are named through the runtime's perf
# map (DOTNET_PerfMapEnabled). Prints the samples by library and the top symbols; perf-breakdown.py groups them.
#
# Usage: tests/FixIt.Benchmarks.Web/perf-submit.sh [Sqlite|PostgreSql] [seconds, default 15] [connections, default 2]
# Env:   FIXIT_BENCH_PGPORT, NO_BUILD=1 as for run-submit.sh; FIXIT_BENCH_PERF (default /tmp/submit.perf.data);
#        FIXIT_BENCH_PATH (default /api/reports; /bench/ceiling profiles the ceiling instead).
# Needs perf and kernel.perf_event_paranoid <= 1, or root.
set -euo pipefail
cd "$(dirname "$0")/../.."
provider=${1:-Sqlite}
seconds=${2:-15}
connections=${3:-2}
pgport=${FIXIT_BENCH_PGPORT:-55432}
path=${FIXIT_BENCH_PATH:-/api/reports}
out=${FIXIT_BENCH_PERF:-/tmp/submit.perf.data}
app_port=5393
sink_port=2693
work=$(mktemp -d /tmp/fixit-submit-perf.XXXXXX)
[ "${FIXIT_BENCH_JIT:-full}" = tiered ] || export DOTNET_TieredCompilation=0
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
# shellcheck source=submit-bench-common.sh
. tests/FixIt.Benchmarks.Web/submit-bench-common.sh

db="fixit_submit_perf_$$"
start_app "$provider" "$work/data" "$db" "$work/app.log"
where=$([ "$provider" = PostgreSql ] && echo "$db" || echo "$work/data")
wrk_run /bench/ceiling warm 600 "$connections" 5000 >/dev/null
wrk_run /api/reports warm 600 "$connections" 500 >/dev/null
wait_for_outbox "$provider" "$where"
echo "== $provider $path, $connections connections, ${seconds}s; load: $(load_average)"
a0=$(cpu_of "$app")
perf record -F 997 -g -p "$app" -o "$out" -- sleep "$seconds" 2>"$work/perf.log" &
recorder=$!
line=$(wrk_run "$path" measured "$seconds" "$connections")
wait "$recorder"
[ "$path" != /api/reports ] || wait_for_outbox "$provider" "$where" || echo "the outbox did not drain"
a1=$(cpu_of "$app")
n=$(sed -n 's/.* created=\([0-9]*\).*/\1/p' <<<"$line")
echo "$line"
python3 -c "print(f'app CPU {$a1 - $a0:.2f} s for {$n} requests = {1000 * ($a1 - $a0) / $n:.3f} ms/request; load after: $(load_average)')"
echo "JIT symbols: /tmp/perf-$app.map (perf script reads it from there; delete it with $out when done)"
stop_app
[ "$provider" != PostgreSql ] || drop_database "$db"
perf report -i "$out" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -15

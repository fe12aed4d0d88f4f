#!/usr/bin/env bash
# The mail benchmark with its SMTP receiver in a separate process on loopback.
# Usage: tests/FixIt.Benchmarks.Mail/run-separate-sink.sh [provider] [pool] [batch] [messages] [port] [warmup]
# Build first: dotnet build -c Release tests/FixIt.Benchmarks.Mail
set -euo pipefail
provider=${1:-Sqlite}
pool=${2:-2}
batch=${3:-100}
messages=${4:-10000}
port=${5:-2626}
warmup=${6:-30000}
bench="$(dirname "$0")/bin/Release/net10.0/FixIt.Benchmarks.Mail"
raw=$(( messages < 5000 ? messages : 5000 ))
expected=$(( 2 * raw + warmup + messages ))
log=$(mktemp)

# The sink stops by itself once it has every message (or after 300 s), and prints its own total.
"$bench" --sink-only --port "$port" --exit-after "$expected" --seconds 300 > "$log" 2>&1 &
sink=$!
sleep 1
status=0
"$bench" --sink "127.0.0.1:$port" --provider "$provider" --pool "$pool" --batch "$batch" --messages "$messages" --warmup "$warmup" 2>&1 \
    | grep -E '^(raw|dispatcher|Unhandled)' || status=1
wait "$sink" || status=1
cat "$log"
received=$(sed -n 's/^sink received \([0-9]*\) .*/\1/p' "$log")
rm -f "$log"
if [ "$received" != "$expected" ]; then
    echo "MISMATCH: the sink received ${received:-nothing}, expected $expected (2 × $raw raw + $warmup warm-up + $messages measured)"
    status=1
fi
exit $status

# Shared by run-submit.sh and cost-per-submit.sh (sourced, not run): the Release build, the counting SMTP sink in its
# own process, the app started against it with the benchmark's settings, wrk, and clean-up of what they started.
#
# The sourcing script sets, before it sources this file: app_port, sink_port, work (a fresh folder), pgport.
# It gets: ROOT, lua, pids (killed on exit), sink (the sink's pid), app (the last app's pid), and the functions below.
# Env: NO_BUILD=1 skips the Release build.

ROOT=$(pwd)
lua="$ROOT/tests/FixIt.Benchmarks.Web/submit.lua"
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

# How many messages the sink has received so far (its non-standard XCNT command).
sink_count() {
  python3 - "$sink_port" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
f = s.makefile("rwb")
f.readline(); f.write(b"XCNT\r\n"); f.flush()
print(int(f.readline().split()[1])); f.write(b"QUIT\r\n"); f.flush()
PY
}

# CPU seconds (user + system) a process has used so far.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }

# start_app PROVIDER DATA_FOLDER DATABASE_NAME LOG_FILE [more app arguments]: the app (Production, demo data, Release)
# on app_port with the dispatcher sending to the sink, the limits raised for one client and the ceiling endpoint
# mapped; returns once it answers /health/ready. DATABASE_NAME: a PostgreSQL database on pgport, created here if
# missing; ignored on SQLite. Sets app to its pid (the dotnet host execs the app: the pid is the app's).
start_app() {
  local provider=$1 data=$2 database=$3 log=$4 conn=""
  shift 4
  mkdir -p "$data"
  if [ "$provider" = PostgreSql ]; then
    psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database" >/dev/null
    conn="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$database;Maximum Pool Size=50"
  fi
  (cd src/FixIt.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet bin/Release/net10.0/FixIt.Web.dll --urls "http://127.0.0.1:$app_port" \
    --Database:Provider "$provider" ${conn:+"--Database:ConnectionString=$conn"} --Storage:DataFolder "$data" --Seed:Demo true \
    --Mail:Transport Smtp --Mail:SmtpHost 127.0.0.1 --Mail:SmtpPort "$sink_port" --Mail:TlsMode None \
    --RateLimits:Submit:PermitLimit 1000000000 --MailboxCaps:ReportConfirmationsPerDay 1000000000 \
    --Benchmark:EnableCeilingEndpoint true --Logging:LogLevel:Default=Warning "$@" >"$log" 2>&1) &
  app=$!
  pids+=($app)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null || { cat "$log"; echo "the app did not start"; exit 1; }
}

stop_app() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
}

drop_database() { # DATABASE_NAME (PostgreSQL)
  psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null
}

# wrk_run PATH LABEL SECONDS CONNECTIONS [ANSWERS]: prints submit.lua's one "result" line. With ANSWERS, wrk stops
# after about that many answers (each of its threads after its share), or after SECONDS, whichever comes first.
wrk_run() {
  local threads=$(( $4 < 2 ? $4 : 2 ))
  if [ -z "${5:-}" ]; then
    wrk -t"$threads" -c"$4" -d"$3"s --latency -s "$lua" "http://127.0.0.1:$app_port" -- "$1" "$2" | grep '^result'
    return
  fi
  local marker="$work/wrk-done-$RANDOM" out="$work/wrk-$RANDOM.txt" runner
  wrk -t"$threads" -c"$4" -d"$3"s --latency -s "$lua" "http://127.0.0.1:$app_port" -- "$1" "$2" "$(( $5 / threads ))" "$marker" >"$out" &
  runner=$!
  while kill -0 "$runner" 2>/dev/null && [ "$(compgen -G "$marker.*" | wc -l)" -lt "$threads" ]; do sleep 0.2; done
  kill -INT "$runner" 2>/dev/null || true
  wait "$runner" || true
  grep '^result' "$out"
}

# db_counts PROVIDER DATA_FOLDER|DATABASE_NAME: the benchmark's reports, their confirmation emails, those marked sent.
db_counts() {
  local sql="SELECT (SELECT COUNT(*) FROM \"Reports\" WHERE \"ReporterEmail\" LIKE 'bench-%'), (SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Kind\" = 'ReporterConfirmation' AND \"ToAddress\" LIKE 'bench-%'), (SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Kind\" = 'ReporterConfirmation' AND \"ToAddress\" LIKE 'bench-%' AND \"Status\" = 'Sent')"
  if [ "$1" = Sqlite ]; then sqlite3 -separator ' ' "$2/fixit.db" "$sql"; else psql -h 127.0.0.1 -p "$pgport" -U postgres -d "$2" -tA -F ' ' -c "$sql"; fi
}

# wait_for_outbox PROVIDER DATA_FOLDER|DATABASE_NAME: until every benchmark report's confirmation is marked sent (2 min at most).
wait_for_outbox() {
  local stored queued sent
  for _ in $(seq 1 240); do
    read -r stored queued sent < <(db_counts "$1" "$2")
    [ "$sent" = "$stored" ] && return 0
    sleep 0.5
  done
  return 1
}

# CPU seconds the PostgreSQL server on pgport has used so far: the postmaster and its live children (the app's pooled
# connections' backends live as long as the app). 0 on SQLite, which runs inside the app.
db_cpu() {
  local postmaster total=0 p
  [ "$1" = PostgreSql ] || { echo 0; return; }
  postmaster=$(pgrep -f -- "postgres.* -p $pgport( |$)" | head -1)
  for p in $postmaster $(pgrep -P "$postmaster"); do
    [ -r "/proc/$p/stat" ] && total=$(python3 -c "print($total + $(cpu_of "$p"))")
  done
  echo "$total"
}

load_average() { uptime | sed 's/.*load average: //'; }

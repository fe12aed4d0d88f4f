-- wrk script: report submissions, each a new report from its own address, in the demo city, JSON as the API
-- takes it (the same body goes to /bench/ceiling for the framework's ceiling).
-- wrk -t2 -c8 -d20s --latency -s tests/FixIt.Benchmarks.Web/submit.lua http://127.0.0.1:5300 -- /api/reports run1 [answers per thread, marker file]
-- Prints one line at the end: "result <path> created=<n 201s> other=<n other answers> p50_ms= p90_ms= p99_ms= max_ms= rps=".
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  path = args[1] or "/api/reports"
  run = args[2] or "run"
  -- Optional: this thread stops after so many answers and says so in the file <marker>.<thread id> (cost-per-submit.sh
-- measures a count, not a time).
  limit = tonumber(args[3] or "0")
  marker = args[4]
  created = 0
  other = 0
  n = 0
  math.randomseed(id * 7919)
end

local categories = { "street-lighting", "pothole", "graffiti", "bus-shelter" }

request = function()
  n = n + 1
  local lat = 53.7997 + (math.random() - 0.5) * 0.02
  local lon = -1.5492 + (math.random() - 0.5) * 0.03
  local body = string.format(
    '{"categoryCode":"%s","title":"Benchmark report %d","description":"Reported by the submit benchmark, thread %d.",' ..
    '"latitude":%.6f,"longitude":%.6f,"reporterName":"Bench %d","reporterEmail":"bench-%s-%d-%d@example.net","showName":false}',
    categories[math.random(#categories)], n, id, lat, lon, id, run, id, n)
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end

response = function(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
  if limit > 0 and created + other == limit then
    -- wrk itself runs on to its duration: the caller waits for these files, then stops it with SIGINT.
    local done = io.open(string.format("%s.%d", marker, id), "w")
    done:close()
    wrk.thread:stop()
  end
end

done = function(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("result %s created=%d other=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.0f errors=%d\n",
    threads[1]:get("path"), c, o, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / seconds,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

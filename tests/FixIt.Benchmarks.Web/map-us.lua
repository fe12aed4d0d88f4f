-- wrk script: the map API (GET /api/reports?bbox=) for city-sized viewports at random places over the contiguous US.
-- wrk -t1 -c2 -d30s --latency -s tests/FixIt.Benchmarks.Web/map-us.lua http://127.0.0.1:5310
math.randomseed(42)
request = function()
  local lon = -124 + math.random() * 57
  local lat = 25 + math.random() * 24
  local path = string.format("/api/reports?bbox=%.5f,%.5f,%.5f,%.5f", lon - 0.05, lat - 0.025, lon + 0.05, lat + 0.025)
  return wrk.format("GET", path)
end

-- wrk script: city-sized map viewports (about 7 km x 5.5 km, zoom 13 on a laptop screen) at random
-- places around the centres of the benchmark's cities, each asking for the unresolved reports in view.
-- wrk -t2 -c8 -d30s --latency -s tests/FixIt.Benchmarks.Web/bbox.lua http://127.0.0.1:5300
local centres = {
  {-1.88, 52.495}, {-1.545, 53.825}, {-4.23, 55.855}, {-1.56, 53.40}, {-2.235, 53.475},
  {-3.265, 55.94}, {-2.92, 53.395}, {-2.615, 51.47}, {-3.21, 51.47}, {-1.135, 52.635},
}
math.randomseed(42)
request = function()
  local c = centres[math.random(#centres)]
  local lon = c[1] + (math.random() - 0.5) * 0.1
  local lat = c[2] + (math.random() - 0.5) * 0.05
  local path = string.format("/api/reports?bbox=%.5f,%.5f,%.5f,%.5f", lon - 0.05, lat - 0.025, lon + 0.05, lat + 0.025)
  return wrk.format("GET", path)
end

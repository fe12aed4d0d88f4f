-- wrk script: report submissions (POST /api/reports) at random places over the contiguous US, each routed
-- through the routing index (docs/benchmarks.md, "Routing index: rebuilds in a running app").
-- wrk -t1 -c2 -d30s --latency -s tests/FixIt.Benchmarks.Web/submit-us.lua http://127.0.0.1:5310
math.randomseed(7)
local n = 0
request = function()
  n = n + 1
  local lon = -124 + math.random() * 57
  local lat = 25 + math.random() * 24
  local body = string.format('{"categoryCode":"pothole","title":"Pothole %d","description":"Deep pothole","latitude":%.5f,"longitude":%.5f,"reporterName":"Load","reporterEmail":"load%d@example.net","reporterPhone":null,"showName":false}', n, lat, lon, n % 1000)
  return wrk.format("POST", "/api/reports", {["Content-Type"] = "application/json"}, body)
end

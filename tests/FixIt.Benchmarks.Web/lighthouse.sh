#!/usr/bin/env bash
# Lighthouse 12 against the five public pages issue 18 names: the home page, a report page, /map, /operators and an
# operator's page. Prints one row per page: performance, accessibility, best practices, SEO, and the metrics behind
# performance. Lighthouse's defaults: a mobile device with simulated throttling (slow 4G, CPU slowed 4x).
#
#   tests/FixIt.Benchmarks.Web/lighthouse.sh            # [runs per page, default 3: the median performance is kept]
#
# It installs lighthouse@12.2.3 from npm into a temporary folder (LH_DIR to reuse one), builds and starts the app in
# Production with the demo data (300 reports, as in Development) on SQLite, and serves map tiles from loopback (a blank 256x256 PNG for every tile):
# this machine has no internet, and a tile that fails to load is a console error, which Lighthouse counts against
# "best practices" — a deployment's tiles come from its tile server. Chromium: /usr/bin/chromium (CHROME_PATH).
# Env: NO_BUILD=1 skips the Release build; APP_PORT (5170), TILE_PORT (5171); PAGES="/map /operators" measures only
# those (a report page is "/reports/ID", an operator page "/operators/SLUG"); LH_OUT=DIR keeps each run's JSON report.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
app_port=${APP_PORT:-5170}
tile_port=${TILE_PORT:-5171}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

lh_dir=${LH_DIR:-$work/lh}
if [ ! -x "$lh_dir/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$lh_dir"
  (cd "$lh_dir" && npm init -y >/dev/null && npm i -E --no-audit --no-fund lighthouse@12.2.3 >/dev/null 2>&1)
fi

if [ "${NO_BUILD:-0}" != 1 ]; then
  dotnet build src/FixIt.Web -c Release -nologo -v q >/dev/null
fi

python3 - "$tile_port" >"$work/tiles.log" 2>&1 <<'PY' &
import http.server, struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
raw = b"".join(b"\x00" + b"\xee\xee\xe4" * 256 for _ in range(256))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 256, 256, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
class Tile(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(png)))
        self.send_header("Cache-Control", "public, max-age=86400")
        self.end_headers()
        self.wfile.write(png)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Tile).serve_forever()
PY
pids+=($!)

(cd src/FixIt.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet bin/Release/net10.0/FixIt.Web.dll --urls "http://127.0.0.1:$app_port" \
  --Storage:DataFolder "$work/data" --Seed:Demo true --Seed:DemoReports 300 --Map:TileUrl "http://127.0.0.1:$tile_port/{z}/{x}/{y}.png" \
  --Logging:LogLevel:Default=Warning >"$work/app.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 240); do
  curl -sf -o /dev/null "http://127.0.0.1:$app_port/health/ready" && break
  sleep 1
done
curl -sf -o /dev/null "http://127.0.0.1:$app_port/health/ready" || { cat "$work/app.log"; exit 1; }

base="http://127.0.0.1:$app_port"
report=$(curl -s "$base/api/reports?bbox=-180,-90,180,90&status=all&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["features"][0]["id"])')
operator=$(curl -s "$base/operators" | grep -o 'href="/operators/[^"]*"' | head -1 | sed 's|href="/operators/||; s|"||')
# Warm the app's JIT and caches for every page before measuring.
for p in / "/reports/$report" /map /operators "/operators/$operator"; do curl -s -o /dev/null "$base$p"; done

printf '%-28s %5s %5s %5s %5s   %s\n' page perf a11y bp seo "FCP / LCP / TBT / CLS (of the median run)"
pages=${PAGES:-/ /reports/$report /map /operators /operators/$operator}
for p in $pages; do
  for i in $(seq 1 "$runs"); do
    CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} "$lh_dir/node_modules/.bin/lighthouse" "$base$p" --quiet \
      --chrome-flags="--headless=new --no-sandbox" --output=json --output-path="$work/run-$i.json" \
      --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1
    if [ -n "${LH_OUT:-}" ]; then mkdir -p "$LH_OUT" && cp "$work/run-$i.json" "$LH_OUT/$(echo "$p" | tr '/' '_')-$i.json"; fi
  done
  python3 - "$p" "$work" "$runs" <<'PY'
import json, sys
page, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
reports = [json.load(open(f"{work}/run-{i}.json")) for i in range(1, runs + 1)]
reports.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
median = reports[len(reports) // 2]
c, a = median["categories"], median["audits"]
score = lambda k: round((c[k]["score"] or 0) * 100)
metrics = " / ".join(a[k]["displayValue"] for k in
                     ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"])
print(f"{page:<28} {score('performance'):>5} {score('accessibility'):>5} {score('best-practices'):>5} {score('seo'):>5}   {metrics}")
for cat in ["accessibility", "best-practices", "seo"]:
    for ref in c[cat]["auditRefs"]:
        audit = a[ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            print(f"    {cat}: {ref['id']} ({audit['title']})")
PY
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

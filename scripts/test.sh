#!/usr/bin/env bash
# Runs every test: the Rust workspace's tests, a release build of the web
# app, then the end-to-end tests in headless Chromium against the real
# server, which each test file starts on a free loopback port. Exits
# non-zero on the first failing step.
#
# Screenshots of every screen land in tests/e2e/artifacts/.
set -euo pipefail

cd "$(dirname "$0")/.."

./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"

echo "test: cargo test --workspace" >&2
cargo test --workspace

echo "test: trunk build --release" >&2
trunk build --release --offline

echo "test: building the server" >&2
cargo build --release -p dukao-server --bin dukao

echo "test: end-to-end tests" >&2
e2e_status=0
DUKAO_BIN="$PWD/target/release/dukao" node --test \
  --test-concurrency=1 tests/e2e/ || e2e_status=$?

# The sizes help to read a failed first-load budget, so print them either
# way.
./scripts/size-report.sh
exit "$e2e_status"

#!/usr/bin/env bash
# Installs what building and testing Dukao needs and this machine lacks.
# That is Debian's Chromium and CJK fonts (for the end-to-end tests and the
# screenshots), the wasm32 Rust target, Trunk, and wasm-bindgen-cli at the
# version in Cargo.lock. It also installs the npm packages locked in
# package-lock.json: ECharts, esbuild, binaryen's wasm-opt, playwright-core.
#
# Idempotent: each step is skipped when its tool is already present at the
# required version. Run from anywhere; it works in the repository root.
set -euo pipefail

cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14

log() {
  printf 'setup: %s\n' "$*" >&2
}

need_command() {
  if ! command -v "$1" >/dev/null 2>&1; then
    log "$1 is missing: $2"
    exit 1
  fi
}

need_command cargo "install Rust with rustup (https://rustup.rs)"
need_command rustup "install Rust with rustup (https://rustup.rs)"
need_command node "install Node.js 20 or newer"
need_command npm "install Node.js 20 or newer, which includes npm"

# Debian packages: Chromium runs the end-to-end tests, Noto CJK draws the
# Chinese text in them and in the app icons.
apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
# Read the font list whole: with pipefail, `fc-list | grep -q` fails
# whenever grep stops reading early and fc-list dies of SIGPIPE.
fonts=$(fc-list 2>/dev/null || true)
grep -q "Noto Sans CJK" <<<"$fonts" || apt_missing+=(fonts-noto-cjk)
if ((${#apt_missing[@]})); then
  log "installing ${apt_missing[*]} with apt-get"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update
  "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${apt_missing[@]}"
else
  log "chromium and fonts-noto-cjk are present"
fi

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rust target wasm32-unknown-unknown is present"
else
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

installed_version() {
  # Prints the version a `tool --version` reports, or nothing.
  "$1" --version 2>/dev/null | awk '{print $2}' || true
}

if [[ $(installed_version trunk) == "$TRUNK_VERSION" ]]; then
  log "trunk $TRUNK_VERSION is present"
else
  log "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly, or the
# generated JavaScript and the wasm module disagree.
bindgen_version=$(
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' \
    Cargo.lock
)
if [[ -z $bindgen_version ]]; then
  log "Cargo.lock has no wasm-bindgen entry; run cargo build first"
  exit 1
fi
if [[ $(installed_version wasm-bindgen) == "$bindgen_version" ]]; then
  log "wasm-bindgen-cli $bindgen_version is present"
else
  # Without --locked, so cargo resolves the CLI's dependencies afresh
  # instead of using the lock file published with it.
  log "installing wasm-bindgen-cli $bindgen_version"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

if grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  :
else
  log "Trunk.toml pins a wasm_bindgen version other than Cargo.lock's" \
    "$bindgen_version; update [tools] wasm_bindgen in Trunk.toml"
  exit 1
fi

# npm ci reinstalls from scratch, so run it only when package-lock.json
# changed since the last install (npm records the lock in node_modules).
if [[ -f node_modules/.package-lock.json ]] &&
  [[ node_modules/.package-lock.json -nt package-lock.json ]]; then
  log "npm packages are installed"
else
  log "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

log "done"

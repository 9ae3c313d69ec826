#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh machine of this kind.
# Idempotent: each step is skipped when its tool is already present at the pinned version.
# --no-browser skips Chromium and the npm packages (enough to build and run the CLI).
set -euo pipefail
browser=1
[ "${1:-}" = "--no-browser" ] && browser=0
WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=X"` pin in crate/wasm/Cargo.toml

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if [ "$browser" = 1 ] && ! command -v chromium >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
here=$(cd "$(dirname "$0")/.." && pwd)
if [ "$browser" = 1 ] && [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

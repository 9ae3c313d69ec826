#!/usr/bin/env bash
# Runs every test from a fresh clone: the Rust core (unit, golden, property tests), then the
# extension in real headless Chromium. Installs what it needs first (tools/setup.sh).
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh
./build.sh
cargo test --workspace --release
npm run --silent test:browser

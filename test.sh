#!/usr/bin/env bash
# Runs every test from a fresh clone: the Rust core (unit, golden, property tests), then the
# extension in real headless Chromium. Installs what it needs first (tools/setup.sh).
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh
./build.sh
cargo test --workspace --release
# Accuracy on PolNeAR dev (real news annotated by people) must meet the issue's targets.
cargo build --release -p quotetrace
python3 tests/eval/polnear.py --split dev --errors 0 --check
npm run --silent test:browser

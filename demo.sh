#!/usr/bin/env bash
# Builds the extension from a fresh clone and shows it working: scans the bundled sample articles
# against the bundled ledger and prints what each badge would say.
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh --no-browser
./build.sh
echo
./target/release/quotetrace ledger stats dist/ledger.qtl
echo
./target/release/quotetrace scan --ledger dist/ledger.qtl --format text dist/samples/articles.jsonl

#!/usr/bin/env bash
# Builds the wasm core and assembles the loadable Manifest V3 extension in dist/ (and dist.zip).
#
#   dist/manifest.json            from ./manifest.json
#   dist/*.js, *.html, *.css      from extension/
#   dist/pkg/quotetrace_wasm.js   wasm-bindgen glue (--target web), plus quotetrace_wasm_bg.wasm
#   dist/ledger.qtl               the bundled ledger, compiled by `quotetrace ledger build`
#                                 from ../shared/corpus/moscow-2024 (never written by hand)
#   dist/samples/*.txt            the sample articles the developer page offers
#
# Needs what tools/setup.sh installs. QT_PROFILE=debug builds the wasm without optimisation.
set -euo pipefail
cd "$(dirname "$0")"
SHARED=${QT_SHARED:-../shared}
CORPUS="$SHARED/corpus/moscow-2024"

cargo build --release --quiet -p quotetrace
cargo build --release --quiet -p quotetrace-wasm --target wasm32-unknown-unknown

rm -rf dist dist.zip
mkdir -p dist/pkg dist/samples
wasm-bindgen --target web --out-dir dist/pkg --no-typescript \
  target/wasm32-unknown-unknown/release/quotetrace_wasm.wasm
cp manifest.json dist/
cp -r extension/. dist/
./target/release/quotetrace ledger build "$CORPUS/articles.jsonl" -o dist/ledger.qtl --quiet
for f in "$CORPUS"/*.txt "$CORPUS/articles.jsonl"; do cp "$f" dist/samples/; done
ls dist/samples | grep '\.txt$' > dist/samples/index.txt
(cd dist && zip -qr ../dist.zip .) 2>/dev/null || python3 -c "import shutil; shutil.make_archive('dist', 'zip', 'dist')"
echo "built dist/ ($(du -sh dist | cut -f1)) and dist.zip"

#!/usr/bin/env bash
# Takes docs/screenshot-home.png: the home page of content/ built offline, in headless Chromium.
# Usage: bash scripts/screenshot.sh   (make screenshot builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
command -v chromium >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/release/broadsheet build --root . --output "$out/site" --offline --quiet
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1100 \
  --screenshot="$PWD/docs/screenshot-home.png" "file://$out/site/index.html" 2>/dev/null
echo "wrote docs/screenshot-home.png"

#!/usr/bin/env bash
# Renders the HTML final text packet in headless Chromium and saves a screenshot, to check that it
# looks right in a real browser. Usage: bash scripts/screenshot-packet.sh PACKET.html OUT.png
set -euo pipefail
html="${1:?usage: screenshot-packet.sh PACKET.html OUT.png}"
png="${2:?usage: screenshot-packet.sh PACKET.html OUT.png}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-noto-core
        browser="$(command -v chromium)"
    else
        echo "Chromium is needed: sudo apt-get install -y chromium" >&2
        exit 1
    fi
fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1600 \
    --screenshot="$(realpath -m "$png")" "file://$(realpath "$html")" 2>/dev/null
test -s "$png"
echo "$png"

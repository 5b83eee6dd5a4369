#!/usr/bin/env bash
# Starts the member portal on a fresh copy of the demo workspace: prints a link for Canada and
# one for the secretariat, then serves on 127.0.0.1 until Ctrl-C.
#   bash scripts/portal-demo.sh [FOLDER] [PORT]     (default: /tmp/draftflow-portal-demo, 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="$PATH:/opt/swift/usr/bin"
folder="${1:-/tmp/draftflow-portal-demo}"
port="${2:-8080}"
swift build --product draftflow >/dev/null
draftflow="$PWD/.build/debug/draftflow"
rm -rf "$folder" "$folder-packet"
"$draftflow" demo --out "$folder" >/dev/null
echo "Canada:      $("$draftflow" member invite CAN --workspace "$folder" --url "http://127.0.0.1:$port" 2>/dev/null)"
echo "Secretariat: $("$draftflow" member invite --secretariat --workspace "$folder" --url "http://127.0.0.1:$port" 2>/dev/null)"
exec "$draftflow" serve --workspace "$folder" --port "$port"

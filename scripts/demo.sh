#!/usr/bin/env bash
# Sets up, builds and runs `draftflow demo`: the 2020 HLPF case replayed into a fresh workspace.
# Arguments are passed to `draftflow demo` (e.g. --out /tmp/hlpf-2020).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="$PATH:/opt/swift/usr/bin"
bash scripts/install-dependencies.sh
swift build --product draftflow
exec .build/debug/draftflow demo "$@"

#!/usr/bin/env bash
# Builds DraftFlow in release mode and runs the benchmark: a UN-scale negotiation (193 members,
# 1,000 paragraphs, four comment rounds, silence, finalize, export) replayed with the real
# `draftflow` executable, side by side with the git command line. See BENCHMARKS.md.
# Arguments go to draftflow-bench, e.g.:
#   bash scripts/bench.sh                      # scale 1
#   bash scripts/bench.sh --scale 0.25,1       # two scales and how cost grows between them
#   bash scripts/bench.sh --scale 1 --only intake
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="$PATH:/opt/swift/usr/bin"
# libgit2-dev, pkg-config, git, tzdata; and `time` (GNU time, for anyone checking a command's
# peak memory by hand with /usr/bin/time -f %M: the benchmark itself reads it from wait4).
bash scripts/install-dependencies.sh time
swift build -c release --product draftflow
swift build -c release --product draftflow-bench
exec .build/release/draftflow-bench "$@"

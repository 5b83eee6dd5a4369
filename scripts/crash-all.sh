#!/usr/bin/env bash
# Kills draftflow at every crash point of the crash-injection test, not only the sample CI runs:
# the N-th write, rename, fsync, flock and unlink (N = 1, 2, ... until the command runs to its
# end) of comment, intake, merge, resolve, dispose, dispose --all-undecided and publish, each on
# a fresh copy of a small round built by the command line. After each kill it checks git fsck
# --strict, that `draftflow status` recovers with no help, git status, that nothing recorded is
# lost, and that the round ends publishing exactly the decided text. Prints a table: points,
# kills, failures. Needs strace (scripts/install-dependencies.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
export GIT_AUTHOR_NAME="${GIT_AUTHOR_NAME:-DraftFlow test}" GIT_AUTHOR_EMAIL="${GIT_AUTHOR_EMAIL:-test@example.org}"
export GIT_COMMITTER_NAME="${GIT_COMMITTER_NAME:-DraftFlow test}" GIT_COMMITTER_EMAIL="${GIT_COMMITTER_EMAIL:-test@example.org}"
table="$(mktemp)"
trap 'rm -f "$table"' EXIT
swift build --build-tests
status=0
DRAFTFLOW_CRASH_ALL=1 DRAFTFLOW_CRASH_TABLE="$table" swift test --skip-build --filter CrashRecoveryTests || status=$?
cat "$table"
exit $status

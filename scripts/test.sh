#!/usr/bin/env bash
# Sets up and runs the whole test suite, then a short run of every fuzz target (scripts/fuzz.sh:
# 20 000 inputs or 30 s each). Exits non-zero when any test fails or a fuzz target crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="$PATH:/opt/swift/usr/bin"
bash scripts/install-dependencies.sh
# Tests make git repositories of their own; give git an identity where the machine has none.
export GIT_AUTHOR_NAME="${GIT_AUTHOR_NAME:-DraftFlow tests}" GIT_AUTHOR_EMAIL="${GIT_AUTHOR_EMAIL:-tests@example.org}"
export GIT_COMMITTER_NAME="${GIT_COMMITTER_NAME:-DraftFlow tests}" GIT_COMMITTER_EMAIL="${GIT_COMMITTER_EMAIL:-tests@example.org}"
swift test
# The member portal in headless Chromium (chromium-driver, Selenium): screenshots of each page.
/usr/bin/python3 Tests/Browser/portal_browser.py .build/debug/draftflow .build/browser-screenshots
bash scripts/fuzz.sh

#!/usr/bin/env bash
# Measures DraftFlow's push and collect against a real `git daemon` on loopback, beside `git push`
# and `git fetch` doing the same transfers (BENCHMARKS.md, "Sharing through a git host").
# Measures only: it asserts nothing.
#
#   bash scripts/bench-remote.sh [--members N] [--draftflow PATH]
set -euo pipefail

members=193
draftflow="$(cd "$(dirname "$0")/.." && pwd)/.build/release/draftflow"
while [ $# -gt 0 ]; do
    case "$1" in
        --members) members="$2"; shift 2 ;;
        --draftflow) draftflow="$2"; shift 2 ;;
        *) echo "usage: $0 [--members N] [--draftflow PATH]" >&2; exit 64 ;;
    esac
done
[ -x "$draftflow" ] || { echo "no $draftflow: build it (swift build -c release) or pass --draftflow" >&2; exit 2; }

work="$(mktemp -d /tmp/draftflow-bench-remote-XXXXXX)"
daemon_pid=""
cleanup() {
    if [ -n "$daemon_pid" ]; then
        for child in $(pgrep -P "$daemon_pid" || true); do kill "$child" 2>/dev/null || true; done
        kill "$daemon_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
export DRAFTFLOW_NOW=2020-02-14T10:00:00+01:00

# Seconds taken by a command, to the millisecond.
seconds() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo "scale=3; ($end - $start) / 1000000000" | bc
}

cd "$work"
python3 - "$members" <<'EOF'
import sys
n = int(sys.argv[1])
with open("members.csv", "w") as out:
    for i in range(n):
        out.write(f"M{i:04d},Member {i},m{i}@example.org\n")
with open("draft.md", "w") as out:
    out.write("# Draft\n\n## 1 Text\n\n")
    for i in range(1, 1001):
        out.write(f"1.{i} Paragraph {i} of the draft, with enough words to look like a real one.\n\n")
EOF
"$draftflow" init ws --title "Bench" --document draft.md >/dev/null
(cd ws && "$draftflow" member import ../members.csv >/dev/null && "$draftflow" publish draft-1 >/dev/null \
    && "$draftflow" round open --on draft-1 --closes 2020-03-01 --name draft-1 >/dev/null)

mkdir base
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
git daemon --reuseaddr --listen=127.0.0.1 --port="$port" --base-path="$work/base" --export-all --enable=receive-pack "$work/base" 2>/dev/null &
daemon_pid=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.05; done
git init -q --bare -b main base/ws.git
git init -q --bare -b main base/plain.git
url="git://127.0.0.1:$port/ws.git"
(cd ws && "$draftflow" remote add origin "$url" >/dev/null)

first_push=$(cd ws && seconds "$draftflow" push)
git_push=$(cd ws && seconds git push -q "git://127.0.0.1:$port/plain.git" main --tags)
noop_push=$(cd ws && seconds "$draftflow" push)
git_noop_push=$(cd ws && seconds git push -q "git://127.0.0.1:$port/plain.git" main --tags)

# Every member submits: one commit each on its own branch, pushed by plain git in one go. The
# same files go in inbox/, for `intake` to record in a copy of the workspace: what the recording
# alone costs.
mkdir inbox
cp -a ws ws-intake
git clone -q "$url" members
(
    cd members
    base=$(git rev-parse HEAD)
    specs=()
    for i in $(seq 0 $((members - 1))); do
        code=$(printf "M%04d" "$i")
        printf '## 1.%d\nComment of %s.\n' $((i + 1)) "$code" > "$work/inbox/$code.md"
        blob=$(git hash-object -w "$work/inbox/$code.md")
        GIT_INDEX_FILE=.git/bench-index git read-tree "$base"
        GIT_INDEX_FILE=.git/bench-index git update-index --add --cacheinfo 100644,"$blob","Comments/draft-1/$code/sent/$code.md"
        tree=$(GIT_INDEX_FILE=.git/bench-index git write-tree)
        commit=$(echo "Submission of $code" | git commit-tree "$tree" -p "$base")
        specs+=("$commit:refs/heads/submissions/draft-1/$code")
    done
    git push -q origin "${specs[@]}"
)
git_fetch=$(cd members && seconds git fetch -q origin '+refs/heads/submissions/*:refs/remotes/origin/submissions/*')
collect=$(cd ws && DRAFTFLOW_NOW=2020-02-28T09:00:00+01:00 seconds "$draftflow" collect)
intake=$(cd ws-intake && DRAFTFLOW_NOW=2020-02-28T09:00:00+01:00 seconds "$draftflow" intake ../inbox --received 2020-02-28T09:00:00+01:00)
noop_collect=$(cd ws && DRAFTFLOW_NOW=2020-02-28T10:00:00+01:00 seconds "$draftflow" collect)
git_noop_fetch=$(cd members && seconds git fetch -q origin '+refs/heads/submissions/*:refs/remotes/origin/submissions/*' --prune)

recorded=$(cd ws && git log --format=%s | grep -c '^Comments of' || true)
echo "| step ($members members, 1,000 paragraphs) | draftflow | git |"
echo "|---|---|---|"
echo "| first push of main and draft-1 | $first_push s | $git_push s (\`git push main --tags\`) |"
echo "| push with nothing new | $noop_push s | $git_noop_push s |"
echo "| collect $members submission branches (fetch, check, record $recorded, push main, delete the branches) | $collect s | $git_fetch s (\`git fetch\` of the branches alone) |"
echo "| of which the recording: \`draftflow intake\` of the same $members files from a folder | $intake s | |"
echo "| collect with nothing waiting (cron) | $noop_collect s | $git_noop_fetch s (\`git fetch --prune\`) |"

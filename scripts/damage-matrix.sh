#!/usr/bin/env bash
# Runs every command of draftflow against every kind of repository damage, each run under a
# 20 s timeout, and prints one line per run: kind, command, exit code, verdict.
#
#   scripts/damage-matrix.sh [--binary PATH] [--jobs N] [--tsv] [--kinds 'k1 k2'] [--commands 'status|log'] [--sample N]
#
# --sample N runs one pair in N: the pair of the i-th kind and the j-th command when (i + j) % N
# is 0, so that every kind meets several commands and every command several kinds (the test
# suite's short run).
# A run is "ok" when it did not hang (timeout), did not die of a signal, ended with a documented
# exit code (0, 2-7; 1 only for merge and resolve, which mean collisions are left), and printed a
# `fix:` line whenever it printed an error. Exit status: 0 when every run is ok, 1 otherwise.
# The base workspace is the demo's (`draftflow demo`): versions, a merged round, a silence round.
# The test suite runs this script (draftflowTests/DamageMatrixTests.swift).
set -u
binary=.build/debug/draftflow
jobs=$(nproc 2>/dev/null || echo 2)
tsv=0
kinds=""
commands=""
sample=1
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=$2; shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        --tsv) tsv=1; shift ;;
        --kinds) kinds=$2; shift 2 ;;
        --commands) commands=$2; shift 2 ;;
        --sample) sample=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
export GIT_AUTHOR_NAME=${GIT_AUTHOR_NAME:-damage} GIT_AUTHOR_EMAIL=${GIT_AUTHOR_EMAIL:-damage@example.org}
export GIT_COMMITTER_NAME=${GIT_COMMITTER_NAME:-damage} GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-damage@example.org}
export DRAFTFLOW_NOW=2020-03-14T10:00:00+01:00
work=$(mktemp -d /tmp/draftflow-damage.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$binary" demo --out "$work/base" >/dev/null 2>&1 || { echo "cannot build the demo workspace" >&2; exit 2; }
# A second base whose objects are all in one pack, for the pack damages.
cp -a "$work/base" "$work/packed"
git -C "$work/packed" repack -a -d -q && git -C "$work/packed" prune-packed

ALL_KINDS="truncated-commit truncated-tree truncated-blob truncated-document truncated-old-commit truncated-tag empty-object-file
 bitflip-commit bitflip-tree bitflip-blob missing-commit missing-tree missing-blob missing-tag-object missing-old-commit
 object-file-is-folder empty-objects corrupt-pack truncated-pack corrupt-idx missing-pack missing-idx
 head-missing-branch head-detached head-garbage branch-ref-garbage branch-ref-empty branch-ref-missing-object
 packed-refs-garbage tag-ref-garbage corrupt-index truncated-index config-garbage
 workflow-deleted workflow-deleted-committed invalid-yaml-committed unknown-key-committed workflow-not-utf8-committed
 bad-submission-json missing-submission-json corrupt-merge-json corrupt-index-json corrupt-merge-summary corrupt-dispositions
 document-deleted stale-index-lock"
ALL_COMMANDS="status|log|member list|member add ZZZ --name Zedland|round open --on final --closes 2020-04-01T12:00|round close
|comment CAN IN/CAN.md|intake IN|merge|collisions|resolve C1 --take base|dispose CAN-1 noted|dispositions
|publish v9 --allow-undecided|compile|finalize|redline draft-1 final|outline|export --output OUT.md|verify"
[ -n "$kinds" ] || kinds=$ALL_KINDS
[ -n "$commands" ] || commands=$ALL_COMMANDS

# The loose file of object $2 in workspace $1.
loose() { local id; id=$(git -C "$1" rev-parse "$2"); echo "$1/.git/objects/${id:0:2}/${id:2}"; }
truncate_half() { local f=$1; chmod u+w "$f"; truncate -s $(( $(stat -c %s "$f") / 2 )) "$f"; }
bitflip() { local f=$1 at; chmod u+w "$f"; at=$(( $(stat -c %s "$f") / 2 ))
    printf "$(printf '\\%03o' $(( $(od -An -tu1 -j "$at" -N1 "$f") ^ 0x10 )))" | dd of="$f" bs=1 seek="$at" conv=notrunc status=none; }
commit_file() { # workspace path content: commits content at path, by hand (as a careless person would)
    printf '%s' "$3" > "$1/$2"; git -C "$1" add -A "$2" && git -C "$1" commit -q -m "Edit $2 by hand"; }

damage() { # kind workspace
    local w=$2
    case "$1" in
        truncated-commit) truncate_half "$(loose "$w" HEAD)" ;;
        truncated-tree) truncate_half "$(loose "$w" 'HEAD^{tree}')" ;;
        truncated-blob) truncate_half "$(loose "$w" HEAD:Workflow.md)" ;;
        truncated-document) truncate_half "$(loose "$w" HEAD:Drafts/hlpf-2020-input.md)" ;;
        truncated-old-commit) truncate_half "$(loose "$w" HEAD~5)" ;;
        truncated-tag) truncate_half "$(loose "$w" refs/tags/final)" ;;
        empty-object-file) f=$(loose "$w" 'HEAD^{tree}'); chmod u+w "$f"; : > "$f" ;;
        bitflip-commit) bitflip "$(loose "$w" HEAD)" ;;
        bitflip-tree) bitflip "$(loose "$w" 'HEAD^{tree}')" ;;
        bitflip-blob) bitflip "$(loose "$w" HEAD:Workflow.md)" ;;
        missing-commit) rm -f "$(loose "$w" HEAD)" ;;
        missing-tree) rm -f "$(loose "$w" 'HEAD^{tree}')" ;;
        missing-blob) rm -f "$(loose "$w" HEAD:Workflow.md)" ;;
        missing-tag-object) rm -f "$(loose "$w" refs/tags/final)" ;;
        missing-old-commit) rm -f "$(loose "$w" HEAD~5)" ;;
        object-file-is-folder) f=$(loose "$w" 'HEAD^{tree}'); rm -f "$f"; mkdir "$f" ;;
        empty-objects) rm -rf "$w/.git/objects/"??; rm -rf "$w/.git/objects/pack/"* ;;
        corrupt-pack) f=$(ls "$w"/.git/objects/pack/*.pack); chmod u+w "$f"
            dd if=/dev/urandom of="$f" bs=1 seek=$(( $(stat -c %s "$f") / 2 )) count=512 conv=notrunc status=none ;;
        truncated-pack) truncate_half "$(ls "$w"/.git/objects/pack/*.pack)" ;;
        corrupt-idx) f=$(ls "$w"/.git/objects/pack/*.idx); chmod u+w "$f"
            dd if=/dev/urandom of="$f" bs=1 seek=1100 count=256 conv=notrunc status=none ;;
        missing-pack) rm -f "$w"/.git/objects/pack/*.pack ;;
        missing-idx) rm -f "$w"/.git/objects/pack/*.idx ;;
        head-missing-branch) echo "ref: refs/heads/gone" > "$w/.git/HEAD" ;;
        head-detached) git -C "$w" rev-parse HEAD > "$w/.git/HEAD.new" && mv "$w/.git/HEAD.new" "$w/.git/HEAD" ;;
        head-garbage) echo "this is not a reference" > "$w/.git/HEAD" ;;
        branch-ref-garbage) echo "not a commit id" > "$w/.git/refs/heads/main" ;;
        branch-ref-empty) : > "$w/.git/refs/heads/main" ;;
        branch-ref-missing-object) echo 0123456789abcdef0123456789abcdef01234567 > "$w/.git/refs/heads/main" ;;
        packed-refs-garbage) git -C "$w" pack-refs --all && printf 'garbage line\n^^^ more\n' >> "$w/.git/packed-refs" ;;
        tag-ref-garbage) echo "junk" > "$w/.git/refs/tags/final" ;;
        corrupt-index) head -c 400 /dev/urandom > "$w/.git/index" ;;
        truncated-index) truncate_half "$w/.git/index" ;;
        config-garbage) printf '[core\n\tbare = maybe\n' >> "$w/.git/config" ;;
        workflow-deleted) rm "$w/Workflow.md" ;;
        workflow-deleted-committed) git -C "$w" rm -q Workflow.md && git -C "$w" commit -q -m "Remove Workflow.md by hand"
            : > "$w/Workflow.md" ;;
        invalid-yaml-committed) commit_file "$w" Workflow.md $'---\ntitle: [unclosed\nmembers: {\n---\n' ;;
        unknown-key-committed) commit_file "$w" Workflow.md "$(sed 's/^members:/Members:/' "$w/Workflow.md")" ;;
        workflow-not-utf8-committed) commit_file "$w" Workflow.md $'---\ntitle: \xff\xfe\n---\n' ;;
        bad-submission-json) commit_file "$w" Comments/draft-1/CAN/submission-1.json '{"member": "CAN", "round": ' ;;
        missing-submission-json) git -C "$w" rm -q Comments/draft-1/CAN/submission-1.json && git -C "$w" commit -q -m "Remove a record by hand" ;;
        corrupt-merge-json) commit_file "$w" Comments/draft-1/merge.json '{"round": 12' ;;
        corrupt-index-json) commit_file "$w" Comments/draft-1/index.json 'not json' ;;
        corrupt-merge-summary) commit_file "$w" Comments/draft-1/merge-summary.json '[1, 2' ;;
        corrupt-dispositions) commit_file "$w" Comments/draft-1/dispositions.json '{"x": 1}' ;;
        document-deleted) rm "$w/Drafts/hlpf-2020-input.md" ;;
        stale-index-lock) : > "$w/.git/index.lock" ;;
        *) echo "unknown damage $1" >&2; return 1 ;;
    esac
}

# Commands that write nothing in the workspace, even when they succeed: they share one damaged copy.
is_read_only() { case "$1" in "member list"|status|log|collisions|dispositions|compile|redline*|outline|export*|verify) return 0 ;; esac; return 1; }

# One job: copies the base, damages it, runs the commands (separated by '|') on it; prints
# "kind<TAB>command<TAB>code<TAB>verdict" for each.
run_job() {
    local kind=$1 commands=$2 n=$3 w base=$work/base command
    case "$kind" in *pack*|*idx*) base=$work/packed ;; esac
    w=$work/run-$n
    cp -a "$base" "$w"
    mkdir -p "$w.in/IN"
    printf 'Comment on 1.1: please add a reference.\n' > "$w.in/IN/CAN.md"
    damage "$kind" "$w" 2>/dev/null
    IFS='|' read -r -a list <<< "$commands"
    for command in "${list[@]}"; do
        local args=${command//IN/$w.in/IN}
        args=${args//OUT.md/$w.in/out.md}
        # shellcheck disable=SC2086
        (cd "$w" && exec timeout -s KILL 20 "$binary" $args) > "$w.out" 2> "$w.err" < /dev/null
        local code=$? verdict=ok
        if [ $code -eq 137 ]; then verdict="HANG (killed after 20 s)"
        elif [ $code -gt 128 ]; then verdict="SIGNAL $((code - 128))"
        elif [ $code -eq 1 ] && [ "${command%% *}" != merge ] && [ "${command%% *}" != resolve ]; then verdict="EXIT 1 without collisions"
        elif [ $code -eq 1 ] && ! grep -q "collision" "$w.out" "$w.err"; then verdict="EXIT 1 without collisions"
        elif [ $code -gt 7 ]; then verdict="UNDOCUMENTED EXIT $code"
        elif grep -q '^error:' "$w.err" && ! grep -q '^  fix: ' "$w.err"; then verdict="NO FIX: $(grep -m1 '^error:' "$w.err" | cut -c1-150)"
        elif [ $code -ne 0 ] && ! grep -q '^  fix: ' "$w.err"; then verdict="NO FIX: $(head -c 150 "$w.err" | tr '\n' ' ')"
        fi
        printf '%s\t%s\t%s\t%s\n' "$kind" "$command" "$code" "$verdict"
    done
    rm -rf "$w" "$w.in" "$w.out" "$w.err"
}
export -f run_job damage loose truncate_half bitflip commit_file
export work binary

n=0
i=0
IFS='|' read -r -a command_list <<< "$(echo "$commands" | tr -d '\n')"
for kind in $kinds; do
    j=0
    shared=""
    for command in "${command_list[@]}"; do
        if [ $(( (i + j) % sample )) -eq 0 ]; then
            if is_read_only "$command"; then
                shared=${shared:+$shared|}$command
            else
                n=$((n + 1))
                printf '%s\0%s\0%s\0' "$kind" "$command" "$n"
            fi
        fi
        j=$((j + 1))
    done
    if [ -n "$shared" ]; then
        n=$((n + 1))
        printf '%s\0%s\0%s\0' "$kind" "$shared" "$n"
    fi
    i=$((i + 1))
done | xargs -0 -n 3 -P "$jobs" bash -c 'run_job "$0" "$1" "$2"' > "$work/results"

sort -t $'\t' -k1,1 -k2,2 "$work/results" > "$work/sorted"
if [ $tsv -eq 1 ]; then
    cat "$work/sorted"
else
    printf '%-30s %-50s %4s  %s\n' KIND COMMAND EXIT VERDICT
    while IFS=$'\t' read -r kind command code verdict; do
        printf '%-30s %-50s %4s  %s\n' "$kind" "$command" "$code" "$verdict"
    done < "$work/sorted"
    echo "$(wc -l < "$work/sorted") runs, $(grep -vc $'\tok$' "$work/sorted") not ok"
fi
! grep -qv $'\tok$' "$work/sorted"

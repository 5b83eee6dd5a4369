#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzzing/ and runs each on its corpus (Fuzzing/Corpus/<target>/).
#
#   bash scripts/fuzz.sh                  short run (CI): 20 000 inputs or 30 s per target
#   bash scripts/fuzz.sh --full           10^6 inputs per target (README.md, "Testing")
#   bash scripts/fuzz.sh --runs N         N inputs per target, no time limit
#   bash scripts/fuzz.sh --merge          run, then minimise the corpus with -merge=1 (keeps what
#                                         adds coverage, plus Fuzzing/Seeds/ when present)
#   bash scripts/fuzz.sh ... TARGET...    only these targets (FuzzCommentMarkdown, ...)
#
# The build goes to .build-fuzz/ (release, -sanitize=fuzzer,address), apart from the package's
# own .build/. New inputs a run finds go to a scratch folder, not into the corpus, unless --merge.
# Exits 1 when a target crashes, traps, leaks, exceeds 2 GB or spends more than 10 s on one input;
# the input is kept in .build-fuzz/artifacts/<target>/ (add it to the corpus with a regression
# test when the bug is fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="$PATH:/opt/swift/usr/bin"

runs=20000
max_time=30
merge=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --full) runs=1000000; max_time=0 ;;
        --runs) runs="$2"; max_time=0; shift ;;
        --merge) merge=1 ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) targets+=("$1") ;;
    esac
    shift
done
[ ${#targets[@]} -gt 0 ] || targets=(FuzzCommentMarkdown FuzzCommentISOTemplate FuzzWorkflowFile FuzzDocumentReader)

scratch=.build-fuzz
# lld: gold fails to link libFuzzer's driver into a SwiftPM executable (an internal error).
swift build -c release --package-path Fuzzing --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
bin="$scratch/release"
for target in "${targets[@]}"; do
    [ -x "$bin/$target" ] || { echo "fuzz.sh: no fuzz target $target (see Fuzzing/Package.swift)" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/draftflow-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
failed=0
for target in "${targets[@]}"; do
    corpus="Fuzzing/Corpus/$target"
    artifacts="$scratch/artifacts/$target"
    mkdir -p "$corpus" "$artifacts" "$work/$target"
    log="$work/$target.log"
    started=$SECONDS
    status=0
    # The first folder takes what the run finds; the committed corpus is only read.
    "$bin/$target" -runs="$runs" -max_total_time="$max_time" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "$work/$target" "$corpus" >"$log" 2>&1 || status=$?
    executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    if [ "$status" -eq 0 ]; then
        echo "$target: ${executed:-?} inputs in $((SECONDS - started)) s (${speed:-?}/s), 0 crashes"
    else
        failed=1
        echo "$target: FAILED (exit $status) after ${executed:-?} inputs; what libFuzzer said:" >&2
        grep -E -A 30 '^==[0-9]+==|ERROR: libFuzzer|Fatal error|deadly signal|SUMMARY' "$log" | head -60 >&2 || tail -40 "$log" >&2
        echo "the input is in $artifacts/" >&2
    fi
    if [ "$merge" -eq 1 ] && [ "$status" -eq 0 ]; then
        seeds=()
        [ -d "Fuzzing/Seeds/$target" ] && seeds=("Fuzzing/Seeds/$target")
        rm -rf "$work/$target.merged"
        mkdir -p "$work/$target.merged"
        "$bin/$target" -merge=1 -timeout=10 -rss_limit_mb=2048 "$work/$target.merged" \
            "$corpus" "$work/$target" "${seeds[@]}" >"$work/$target.merge.log" 2>&1
        # Inputs that once crashed stay, whatever their coverage (their names start with crash-).
        find "$corpus" -maxdepth 1 -name 'crash-*' -exec cp {} "$work/$target.merged/" \;
        rm -rf "$corpus"
        mv "$work/$target.merged" "$corpus"
        echo "$target: corpus merged: $(ls "$corpus" | wc -l) inputs, $(du -sk "$corpus" | cut -f1) KB"
    fi
done
exit "$failed"

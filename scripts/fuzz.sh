#!/usr/bin/env bash
# Fuzzes the readers of editors' input with libFuzzer: front matter, Pelican headers,
# dates, templates, the entity registry and Jekyll posts for the import (Sources/fuzz-*/, checks in Sources/FuzzChecks/).
#
#   scripts/fuzz.sh [SECONDS] [TARGET…]      default: 60 s each, every target
#   FUZZ_JOBS=2 scripts/fuzz.sh 600          run two harnesses at a time (one per core)
#
# Seeds are read from Tests/Fuzz/TARGET/; inputs that find new coverage go to
# .build-fuzz/corpus/TARGET/ (not committed); a crash, hang or broken property is written
# to Tests/Fuzz/TARGET/crash-… so that `make test` replays it from then on. Exit status 1
# if anything was found. A summary line per harness gives executions and findings.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(front-matter pelican dates templates registry jekyll)
JOBS=${FUZZ_JOBS:-1}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
RUNTIME="$(swiftc -print-target-info | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["paths"]["runtimeResourcePath"])')/clang/lib/linux"
[ -f "$RUNTIME/libclang_rt.fuzzer_no_main-x86_64.a" ] || { echo "no libFuzzer in $RUNTIME"; exit 1; }

# SwiftPM gives every executable its own entry symbol (fuzz_NAME_main) and defines
# main as that symbol, so link libFuzzer's no-main library and let each harness call
# LLVMFuzzerRunDriver; -sanitize=fuzzer would bring a second main.
FLAGS=(-c release --scratch-path "$SCRATCH"
       -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
       -Xswiftc -parse-as-library -Xswiftc -DFUZZING
       -Xcc -fsanitize=fuzzer-no-link,address
       -Xlinker "$RUNTIME/libclang_rt.fuzzer_no_main-x86_64.a" -Xlinker -lstdc++)

for target in "${TARGETS[@]}"; do
  echo "building fuzz-$target (libFuzzer, AddressSanitizer)…"
  swift build "${FLAGS[@]}" --product "fuzz-$target" 2>&1 | grep -E "error|warning: unre|Compiling fuzz|complete" || true
  [ -x "$SCRATCH/release/fuzz-$target" ] || { echo "fuzz-$target did not build"; exit 1; }
done

run_one() {
  local target=$1 log="$SCRATCH/fuzz-$1.log" status
  mkdir -p "$SCRATCH/corpus/$target"
  "$SCRATCH/release/fuzz-$target" "$SCRATCH/corpus/$target" "Tests/Fuzz/$target" \
    -max_total_time="$SECONDS_EACH" -timeout=5 -rss_limit_mb=2048 -max_len=16384 \
    -artifact_prefix="Tests/Fuzz/$target/" -print_final_stats=1 >"$log" 2>&1 && status=0 || status=$?
  local runs crashes
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
  crashes=$(ls "Tests/Fuzz/$target" | grep -cE "^(crash|timeout|oom|leak)-[0-9a-f]{40}$" || true)
  if [ $status -eq 0 ]; then
    echo "fuzz-$target: ${runs:-?} executions in ${SECONDS_EACH} s, nothing found (log: $log)"
  else
    echo "fuzz-$target: FOUND something after ${runs:-?} executions (exit $status); new crash files: $crashes; see $log"
  fi
  return $status
}

failed=0
pids=()
names=()
for target in "${TARGETS[@]}"; do
  run_one "$target" & pids+=($!); names+=("$target")
  if [ ${#pids[@]} -ge "$JOBS" ]; then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}"); names=("${names[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
exit $failed

#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz) over a copy of its seed corpus, one after another,
# single process, nice'd, and prints per target: executions, exec/s, coverage (libFuzzer's
# cov: and ft:), the corpus it ended with, and crashes; then the total executions.
#   tests/bench/fuzz.sh            full mode: LINLI_FUZZ_SECONDS per target (default 120)
#   tests/bench/fuzz.sh --short    a few seconds per target (default 3), as tests/run.sh runs it
# Optional arguments after the mode: target names (text_decode csv ...) to run only those.
# Builds first (python3 tools/build.py fuzz). The repository's corpus is never modified;
# a crash, hang (-timeout=10) or OOM (-rss_limit_mb=2048) leaves its input in
# test-results/fuzz-artifacts/ and makes the script exit non-zero.
set -uo pipefail
cd "$(dirname "$0")/../.."
mode=full
if [ "${1:-}" = "--short" ]; then
  mode=short
  shift
fi
if [ "$mode" = short ]; then
  seconds=${LINLI_FUZZ_SECONDS:-3}
else
  seconds=${LINLI_FUZZ_SECONDS:-120}
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(text_decode csv zip_reader xlsx sheet xlsx_exchange jielong volunteer_codes document
    records backup sync_replies)
fi
# Which dictionary helps which target.
declare -A dict=(
  [zip_reader]=xlsx [xlsx]=xlsx [sheet]=xlsx [jielong]=jielong [document]=json [records]=json
  [backup]=json [sync_replies]=json
)

nice -n 10 python3 tools/build.py fuzz || exit 1
bin=build/fuzz/tests/fuzz
artifacts=test-results/fuzz-artifacts
mkdir -p "$artifacts"
work=$(mktemp -d "${TMPDIR:-/tmp}/linli-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== fuzz ($mode: ${seconds} s per target, single process, nice'd) =="
printf '%-16s %12s %9s %7s %8s %7s %9s %8s\n' target executions exec/s cov ft corpus bytes crashes
status=0
total=0
start_all=$SECONDS
for t in "${targets[@]}"; do
  corpus="$work/$t"
  mkdir -p "$corpus"
  if [ -d "tests/fuzz/corpus/$t" ]; then
    cp -r "tests/fuzz/corpus/$t/." "$corpus/"
  fi
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
    -artifact_prefix="$artifacts/$t-")
  if [ -n "${dict[$t]:-}" ]; then
    args+=(-dict="tests/fuzz/dict/${dict[$t]}.dict")
  fi
  log="$work/$t.log"
  nice -n 10 "$bin/fuzz_$t" "${args[@]}" "$corpus" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  stats=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$stats")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$stats")
  files=$(find "$corpus" -type f | wc -l)
  bytes=$(du -sb "$corpus" | cut -f1)
  crashes=0
  if [ $rc -ne 0 ]; then
    crashes=1
    status=1
    if [ -z "$execs" ]; then # killed before its final stats: count from the last status line
      execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$stats")
    fi
  fi
  execs=${execs:-0}
  total=$((total + execs))
  printf '%-16s %12s %9s %7s %8s %7s %9s %8s\n' "$t" "$(printf "%'d" "$execs" 2>/dev/null || echo "$execs")" \
    "${rate:-?}" "${cov:-?}" "${ft:-?}" "$files" "$bytes" "$crashes"
  if [ $rc -ne 0 ]; then
    echo "  fuzz_$t failed (exit $rc); its report:"
    grep -E 'ERROR|invariant|SUMMARY|Test unit written|==[0-9]+==|^    #[0-9] ' "$log" | head -30 | sed 's/^/  /'
  fi
done
echo "total: $(printf "%'d" "$total") executions in $((SECONDS - start_all)) s (target: 10,000,000 executions in total)"
exit $status

#!/usr/bin/env bash
# Runs every benchmark (they print numbers and assert nothing) on the built site in dist/.
#   tests/bench/run.sh            full mode: 6,000 and 30,000 residents, every repetition
#                                 (about 7 minutes on 2 cores, then the fuzz targets:
#                                 tests/bench/fuzz.sh, 2 minutes each)
#   tests/bench/run.sh --short    short mode, as tests/run.sh (CI) runs them
# Build first (python3 tools/build.py web, or tests/run.sh once; the native benchmark
# builds itself: python3 tools/build.py bench). Exits non-zero if a
# benchmark failed to run.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = "--short" ]; then export LINLI_BENCH=short; else export LINLI_BENCH=full; fi
status=0
for bench in startup lighthouse store roster supplies shifts sync; do
  start=$SECONDS
  node "tests/bench/$bench.mjs" || status=1
  echo "# $bench.mjs took $((SECONDS - start)) s"
done
# Native (Release, no sanitizers): supply-order aggregation and the 接龙 preview.
start=$SECONDS
python3 tools/build.py bench && build/bench/tests/supplies_bench || status=1
echo "# supplies_bench took $((SECONDS - start)) s"
# Native: volunteer shifts (a month of 10 posts, 500 volunteers), codes and QR codes.
start=$SECONDS
build/bench/tests/shifts_bench || status=1
echo "# shifts_bench took $((SECONDS - start)) s"
# Full mode only: every fuzz target for LINLI_FUZZ_SECONDS (default 120 s each, about 25
# minutes); tests/run.sh runs the short fuzz run as its own step.
if [ "$LINLI_BENCH" = full ]; then
  start=$SECONDS
  tests/bench/fuzz.sh || status=1
  echo "# fuzz.sh took $((SECONDS - start)) s"
fi

exit $status

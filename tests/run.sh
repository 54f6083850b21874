#!/usr/bin/env bash
# Runs every test of Linli on a fresh or used machine:
#   installs what is missing (tools/build.py setup), builds the native tests (ASan+UBSan),
#   the fuzz targets (clang, libFuzzer) and the web site, checks layers and formatting,
#   prints the benchmarks (startup, store, roster; short mode, full: tests/bench/run.sh),
#   runs every fuzz target for a few seconds over its seeds (tests/bench/fuzz.sh --short),
#   then the unit and headless UI tests (ctest) and the browser tests (node --test,
#   Chromium).
# Ends with the ctest and node summaries; exits non-zero if anything failed, or if fewer
# test cases are registered than tests/min_test_counts says.
set -uo pipefail
cd "$(dirname "$0")/.."
set -e
python3 tools/build.py setup
python3 tools/build.py native
python3 tools/build.py fuzz
# The sync tests and benchmarks use PouchDB Server on its own loopback port: the site they
# test is built to allow sync there (its Content-Security-Policy, tools/build.py).
LINLI_SYNC_ORIGINS="http://127.0.0.1:*" python3 tools/build.py web
mkdir -p test-results
set +e
status=0
tests/check_style.sh || status=1
echo "== benchmarks (numbers only, short mode; full: tests/bench/run.sh) =="
tests/bench/run.sh --short || status=1
# A crash, hang or OOM of a fuzz target fails the run (its input: test-results/fuzz-artifacts/).
tests/bench/fuzz.sh --short || status=1
echo "== unit and headless UI tests (ctest, ASan+UBSan) =="
tests/check_test_counts.sh ctest build/native || status=1
ctest --test-dir build/native -j2 --output-on-failure --no-tests=error || status=1
echo "== browser tests (node --test, headless Chromium) =="
node --test --test-concurrency=1 tests/e2e/ | tee test-results/node-test.log
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
# Said only when it fails, so that node's summary stays the last lines.
counted=$(tests/check_test_counts.sh browser test-results/node-test.log) || { echo "$counted"; status=1; }
exit $status

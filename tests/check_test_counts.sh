#!/usr/bin/env bash
# Fails when fewer test cases are registered than tests/min_test_counts says.
#   tests/check_test_counts.sh ctest BUILD_DIR      counts `ctest -N` (fixture cases aside)
#   tests/check_test_counts.sh browser NODE_LOG     reads "# tests N" from node --test output
# Prints one line saying what it counted; exits 1 when below the minimum or uncountable.
set -uo pipefail
cd "$(dirname "$0")/.."
kind=$1 source=$2
min=$(awk -v k="$kind" '$1 == k { print $2 }' tests/min_test_counts)
if [ -z "$min" ]; then echo "test count: no minimum for '$kind' in tests/min_test_counts"; exit 1; fi
case $kind in
  ctest)
    # Lines like "  Test  #12: name"; the fixture cases are named "fixture: ...".
    list=$(ctest --test-dir "$source" -N) || { echo "test count: ctest -N failed"; exit 1; }
    count=$(grep -E '^ *Test +#[0-9]+: ' <<<"$list" | grep -vcE '^ *Test +#[0-9]+: fixture: ')
    fixtures=$(grep -cE '^ *Test +#[0-9]+: fixture: ' <<<"$list")
    what="ctest cases (not counting $fixtures fixture cases)" ;;
  browser)
    count=$(sed -nE 's/^(ℹ|#) tests ([0-9]+)$/\2/p' "$source" | tail -1) ;;
  *) echo "test count: unknown kind '$kind'"; exit 1 ;;
esac
what=${what:-"browser tests"}
if [ -z "$count" ]; then echo "test count: found no count of $what"; exit 1; fi
if [ "$count" -lt "$min" ]; then
  echo "test count: $count $what, fewer than the $min in tests/min_test_counts"; exit 1
fi
echo "test count: $count $what (at least $min)"

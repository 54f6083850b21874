#!/usr/bin/env bash
# Checks that CI cannot get from compilers: the layer rule and clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
# Pure layers include no ImGui, SDL or emscripten headers; the UI includes no emscripten.
if grep -rnE '#include *[<"](imgui|SDL|emscripten)' src/core src/store src/io src/app 2>/dev/null; then
  echo "layer rule: src/core, src/store, src/io and src/app must stay free of ImGui/SDL/emscripten"; status=1
fi
if grep -rnE '#include *[<"](SDL|emscripten)' src/ui; then
  echo "layer rule: src/ui must not include SDL or emscripten headers"; status=1
fi
# ctest splits test names at ';' and would then run a filter that matches nothing.
if grep -nE 'TEST_CASE\("[^"]*;' tests/unit/*.cpp tests/ui/*.cpp; then
  echo "test names must not contain ';' (ctest would run nothing for them)"; status=1
fi
files=$(git ls-files '*.cpp' '*.hpp')
if ! clang-format --dry-run --Werror $files 2>/dev/null; then
  echo "clang-format: run clang-format -i on the files above"; status=1
fi
[ $status -eq 0 ] && echo "style and layer checks passed"
exit $status

#!/usr/bin/env bash
# Checks that CI cannot get from compilers: the layer rule and clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
# The layer rule (docs/architecture.md): a layer includes only its own headers and those
# of the layers below it. The build enforces it too (each layer sees only those folders).
declare -A allowed=(
  [base]="base"
  [store]="base store"
  [sync]="base store sync"
  [core]="base core"
  [text]="base text"
  [io]="base core text io"
  [app]="base store sync core text io app"
  [ui]="base store sync core text io app ui"
  [platform]="base store sync core text io app ui platform"
)
for layer in "${!allowed[@]}"; do
  [ -d "src/$layer" ] || continue
  while IFS= read -r hit; do
    target=$(sed -E 's/.*#include *"([^/"]+)\/.*/\1/' <<<"$hit")
    case " ${allowed[$layer]} " in
      *" $target "*) ;;
      *) echo "$hit"; echo "layer rule: src/$layer must not include $target/ (a higher or unrelated layer)"; status=1 ;;
    esac
  done < <(grep -rnE '#include *"[a-z]+/' "src/$layer" || true)
done
# ImGui, SDL and emscripten stay in src/ui and src/platform; the UI includes no SDL or emscripten.
if grep -rnE '#include *[<"](imgui|SDL|emscripten)' src/base src/store src/core src/text src/io src/app 2>/dev/null; then
  echo "layer rule: only src/ui and src/platform may include ImGui/SDL/emscripten"; status=1
fi
if grep -rnE '#include *[<"](SDL|emscripten)' src/ui; then
  echo "layer rule: src/ui must not include SDL or emscripten headers"; status=1
fi
# Screens never touch the database: they call services and wait through PendingWrite.
if grep -rn 'Db()' src/ui; then
  echo "src/ui must not reach the database (use the services and app/pending_write.hpp)"; status=1
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

# ASan + UBSan for native builds (the `native` preset turns this on for unit tests).
add_library(linli_sanitizers INTERFACE)
if(LINLI_FUZZ)
  # The fuzz preset: libFuzzer's coverage instrumentation on our libraries (the fuzz targets
  # link libFuzzer itself with -fsanitize=fuzzer, tests/fuzz/CMakeLists.txt), ASan + UBSan,
  # and any UB report stops the run like a crash.
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "LINLI_FUZZ needs clang (cmake --preset fuzz)")
  endif()
  target_compile_options(linli_sanitizers INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  target_link_options(linli_sanitizers INTERFACE -fsanitize=address,undefined)
elseif(LINLI_SANITIZE AND NOT EMSCRIPTEN)
  target_compile_options(linli_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(linli_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

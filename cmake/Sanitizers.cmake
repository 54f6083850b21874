# ASan + UBSan for native builds (the `native` preset turns this on for unit tests).
add_library(linli_sanitizers INTERFACE)
if(LINLI_SANITIZE AND NOT EMSCRIPTEN)
  target_compile_options(linli_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(linli_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

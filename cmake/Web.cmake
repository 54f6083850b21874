# The web app: emscripten-only settings live here.
if(NOT LINLI_SDL2_PREFIX OR NOT EXISTS "${LINLI_SDL2_PREFIX}/lib/libSDL2.a")
  message(FATAL_ERROR "LINLI_SDL2_PREFIX must point at SDL2 built for wasm (run tools/build.py setup)")
endif()

add_library(imgui_backends STATIC
  ${LINLI_IMGUI_DIR}/backends/imgui_impl_sdl2.cpp
  ${LINLI_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
)
target_include_directories(imgui_backends SYSTEM PUBLIC
  ${LINLI_IMGUI_DIR}/backends ${LINLI_SDL2_PREFIX}/include/SDL2)
# The 1.92 SDL2 backend uses EMSCRIPTEN_KEEPALIVE without including emscripten.h.
target_compile_options(imgui_backends PRIVATE -include emscripten.h)
target_link_libraries(imgui_backends PUBLIC imgui)
target_compile_options(imgui_backends PRIVATE -Os)

add_executable(linli
  src/platform/web/barcode_api.cpp
  src/platform/web/main.cpp
  src/platform/web/web_platform.cpp
)
# The platform layer sees its own headers and, through linli_ui, every layer below.
# (LINLI_LAYER_INCLUDE is set in src/CMakeLists.txt, a scope this file does not see.)
set(LINLI_LAYER_INCLUDE ${CMAKE_BINARY_DIR}/layer-include)
if(NOT EXISTS ${LINLI_LAYER_INCLUDE}/platform/platform)
  file(MAKE_DIRECTORY ${LINLI_LAYER_INCLUDE}/platform)
  file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/platform ${LINLI_LAYER_INCLUDE}/platform/platform SYMBOLIC)
endif()
target_include_directories(linli PRIVATE ${LINLI_LAYER_INCLUDE}/platform)
# Compiled for size like the layers above the store (src/CMakeLists.txt); the link's
# optimisation (binaryen's passes over the whole module) too.
target_compile_options(linli PRIVATE -Os)
target_link_libraries(linli PRIVATE linli_ui imgui_backends linli_warnings
  ${LINLI_SDL2_PREFIX}/lib/libSDL2.a)
set(LINLI_JS_LIBRARY ${CMAKE_SOURCE_DIR}/src/platform/web/library_linli.js)
set_target_properties(linli PROPERTIES SUFFIX ".js" LINK_DEPENDS ${LINLI_JS_LIBRARY})
target_link_options(linli PRIVATE
  -Oz
  -sMALLOC=emmalloc
  -sENVIRONMENT=web
  -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432
  -sTOTAL_STACK=1048576
  -sEXIT_RUNTIME=0
  # No exceptions are caught, except in the code compiled with -fexceptions (zxing and
  # io/barcode.cpp, cmake/ThirdParty.cmake), which needs the runtime's support linked in.
  $<IF:$<BOOL:${LINLI_ZXING_FROM_SOURCES}>,-sDISABLE_EXCEPTION_CATCHING=0,-sDISABLE_EXCEPTION_CATCHING=1>
  "-sEXPORTED_FUNCTIONS=_main,_malloc,_free"
  "-sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8,HEAPU8"
  --js-library ${LINLI_JS_LIBRARY}
)

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

# The XLSX module: writing and reading .xlsx files (libxlsxwriter, expat, our zip reader), a
# second wasm that the page loads the first time a workbook is saved or opened
# (shell/bridge/xlsx.js), so that the first visit does not download it. It speaks
# io/xlsx_exchange.hpp's forms with the app.
add_executable(linli_xlsx src/platform/web/xlsx_module.cpp)
target_include_directories(linli_xlsx PRIVATE ${LINLI_LAYER_INCLUDE}/platform)
target_compile_options(linli_xlsx PRIVATE -Os)
target_link_libraries(linli_xlsx PRIVATE linli_io linli_warnings)
set_target_properties(linli_xlsx PROPERTIES SUFFIX ".js")
target_link_options(linli_xlsx PRIVATE
  -Oz
  -sMALLOC=emmalloc
  -sENVIRONMENT=web
  -sALLOW_MEMORY_GROWTH=1
  -sMODULARIZE=1
  -sEXPORT_NAME=LinliXlsx
  -sDISABLE_EXCEPTION_CATCHING=1
  "-sEXPORTED_FUNCTIONS=_linli_xlsx_write,_linli_xlsx_read,_malloc,_free"
  "-sEXPORTED_RUNTIME_METHODS=HEAPU8,HEAPU32"
)
add_dependencies(linli linli_xlsx)

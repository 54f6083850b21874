# The XLSX libraries, compiled from Debian source packages that tools/build.py fetches into
# the cache (never committed): zlib (deflate for writing, inflate for our zip reader),
# expat (the XML of a workbook being read) and libxlsxwriter 1.1.x (writing, with its
# bundled minizip). Static libraries for native builds and for wasm; none of our warning
# flags or sanitizers apply to them, and on wasm they are compiled for size (-Oz).
set(LINLI_XLSXWRITER_DIR "" CACHE PATH "libxlsxwriter 1.1.x sources (Debian source package; tools/build.py fetches it)")
set(LINLI_ZLIB_DIR "" CACHE PATH "zlib sources (Debian source package)")
set(LINLI_EXPAT_DIR "" CACHE PATH "expat sources (Debian source package)")
foreach(dir LINLI_XLSXWRITER_DIR LINLI_ZLIB_DIR LINLI_EXPAT_DIR)
  if(NOT ${dir} OR NOT EXISTS "${${dir}}")
    message(FATAL_ERROR "${dir} must point at its Debian source package (run tools/build.py setup)")
  endif()
endforeach()

function(linli_third_party target)
  set_target_properties(${target} PROPERTIES C_VISIBILITY_PRESET default POSITION_INDEPENDENT_CODE ON)
  target_compile_options(${target} PRIVATE -w)  # not our code: no warnings at all
  if(EMSCRIPTEN)
    target_compile_options(${target} PRIVATE -Oz)
  endif()
endfunction()

# zlib: only the in-memory deflate/inflate parts (no gz* file functions).
add_library(linli_zlib STATIC
  ${LINLI_ZLIB_DIR}/adler32.c ${LINLI_ZLIB_DIR}/crc32.c ${LINLI_ZLIB_DIR}/deflate.c
  ${LINLI_ZLIB_DIR}/inffast.c ${LINLI_ZLIB_DIR}/inflate.c ${LINLI_ZLIB_DIR}/inftrees.c
  ${LINLI_ZLIB_DIR}/trees.c ${LINLI_ZLIB_DIR}/zutil.c)
target_include_directories(linli_zlib SYSTEM PUBLIC ${LINLI_ZLIB_DIR})
linli_third_party(linli_zlib)

# expat: its configuration header written here (what configure would find on Linux and on
# emscripten alike). No entropy source is compiled in; ReadXlsx sets the hash salt itself.
# Without DTD support or namespaces (workbook parts use neither; ReadXlsx refuses any
# document type declaration as it starts, before an entity could be declared): smaller.
set(LINLI_EXPAT_CONFIG ${CMAKE_BINARY_DIR}/third-party-config/expat)
file(MAKE_DIRECTORY ${LINLI_EXPAT_CONFIG})
file(WRITE ${LINLI_EXPAT_CONFIG}/expat_config.h.new [=[
#ifndef EXPAT_CONFIG_H
#define EXPAT_CONFIG_H 1
#define BYTEORDER 1234
#define HAVE_FCNTL_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_UNISTD_H 1
#define STDC_HEADERS 1
#define XML_CONTEXT_BYTES 1024
#define XML_POOR_ENTROPY 1
#define PACKAGE "expat"
#define PACKAGE_URL ""
#endif
]=])
file(COPY_FILE ${LINLI_EXPAT_CONFIG}/expat_config.h.new ${LINLI_EXPAT_CONFIG}/expat_config.h ONLY_IF_DIFFERENT)
add_library(linli_expat STATIC
  ${LINLI_EXPAT_DIR}/expat/lib/xmlparse.c ${LINLI_EXPAT_DIR}/expat/lib/xmlrole.c
  ${LINLI_EXPAT_DIR}/expat/lib/xmltok.c)
target_include_directories(linli_expat SYSTEM PUBLIC ${LINLI_EXPAT_DIR}/expat/lib)
target_include_directories(linli_expat PRIVATE ${LINLI_EXPAT_CONFIG})
target_compile_definitions(linli_expat PUBLIC XML_STATIC PRIVATE HAVE_EXPAT_CONFIG_H)
linli_third_party(linli_expat)

# libxlsxwriter with its bundled minizip (zip writing over our zlib), tmpfileplus and md5.
# USE_FMEMOPEN keeps its intermediate parts in memory; the workbook itself goes to a file
# (1.1.x has no in-memory output), which WriteXlsx reads back (MEMFS on wasm).
file(GLOB LINLI_XLSXWRITER_SOURCES ${LINLI_XLSXWRITER_DIR}/src/*.c)
add_library(linli_xlsxwriter STATIC ${LINLI_XLSXWRITER_SOURCES}
  ${LINLI_XLSXWRITER_DIR}/third_party/minizip/ioapi.c
  ${LINLI_XLSXWRITER_DIR}/third_party/minizip/zip.c
  ${LINLI_XLSXWRITER_DIR}/third_party/tmpfileplus/tmpfileplus.c
  ${LINLI_XLSXWRITER_DIR}/third_party/md5/md5.c)
target_include_directories(linli_xlsxwriter SYSTEM PUBLIC ${LINLI_XLSXWRITER_DIR}/include)
target_compile_definitions(linli_xlsxwriter PRIVATE USE_FMEMOPEN NOCRYPT NOUNCRYPT)
if(EMSCRIPTEN)
  target_compile_definitions(linli_xlsxwriter PRIVATE IOAPI_NO_64 USE_FILE32API)
endif()
target_link_libraries(linli_xlsxwriter PUBLIC linli_zlib)
linli_third_party(linli_xlsxwriter)

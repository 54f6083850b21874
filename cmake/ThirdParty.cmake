# Third-party libraries compiled from Debian source packages that tools/build.py fetches
# into the cache (never committed). For XLSX: zlib (deflate for writing, inflate for our zip
# reader), expat (the XML of a workbook being read) and libxlsxwriter 1.1.x (writing, with
# its bundled minizip). For QR codes and barcodes: nayuki's QR Code generator 1.8 (the C++
# encoder) and zxing-cpp 1.4 (reading QR Code and Code 128 only). Static libraries for
# native builds and for wasm; none of our warning flags or sanitizers apply to them, and on
# wasm they are compiled for size (-Oz).
set(LINLI_XLSXWRITER_DIR "" CACHE PATH "libxlsxwriter 1.1.x sources (Debian source package; tools/build.py fetches it)")
set(LINLI_ZLIB_DIR "" CACHE PATH "zlib sources (Debian source package)")
set(LINLI_EXPAT_DIR "" CACHE PATH "expat sources (Debian source package)")
set(LINLI_QRCODEGEN_DIR "" CACHE PATH "QR Code generator 1.8 sources (Debian source package qr-code-generator)")
set(LINLI_ZXING_DIR "" CACHE PATH "zxing-cpp 1.4 sources (Debian source package; empty: see linli_zxing below)")
foreach(dir LINLI_XLSXWRITER_DIR LINLI_ZLIB_DIR LINLI_EXPAT_DIR LINLI_QRCODEGEN_DIR)
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

# zlib: only the in-memory deflate/inflate parts (no gz* file functions); compress and
# uncompress for the sign-up link.
add_library(linli_zlib STATIC
  ${LINLI_ZLIB_DIR}/adler32.c ${LINLI_ZLIB_DIR}/compress.c ${LINLI_ZLIB_DIR}/crc32.c ${LINLI_ZLIB_DIR}/deflate.c ${LINLI_ZLIB_DIR}/uncompr.c
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

# QR Code generator: the C++ encoder only (the tarball also holds C, Java, Python, Rust and
# TypeScript versions). It throws when the text does not fit; EncodeQr checks first.
add_library(linli_qrcodegen STATIC ${LINLI_QRCODEGEN_DIR}/cpp/qrcodegen.cpp)
target_include_directories(linli_qrcodegen SYSTEM PUBLIC ${LINLI_QRCODEGEN_DIR}/cpp)
linli_third_party(linli_qrcodegen)

# zxing-cpp, reading only, QR Code and Code 128 only. Not its own CMake project (that
# builds every format, and writers): the common decoding code, the QR Code reader, the
# Code 128 row reader, and what the QR decoder needs to turn bytes into text (the GS1 and
# character-set decoders: Big5, GB2312/GB18030, Shift_JIS/EUC-JP, EUC-KR). zxing's
# ReadBarcode and MultiFormatReader are left out: they refer to every format's reader, so
# io/barcode.cpp calls the two readers itself (LINLI_ZXING_SOURCES).
# zxing reports some damaged symbols by throwing and catches a few of them itself, so on
# wasm it is compiled with -fexceptions (emscripten catches nothing by default and a throw
# would abort the app; cmake/Web.cmake links with catching on when zxing is in).
# When Debian's mirror cannot serve the sources (LINLI_ZXING_DIR empty), native builds use
# Debian's libzxing-dev (tools/build.py installs it; public ReadBarcode, LINLI_ZXING_SYSTEM)
# and the web build reads no barcodes (CanDecodeBarcodes() is false).
add_library(linli_zxing INTERFACE)
set(LINLI_ZXING_FROM_SOURCES OFF)
if(LINLI_ZXING_DIR)
  if(NOT EXISTS "${LINLI_ZXING_DIR}/core/src/qrcode/QRReader.cpp")
    message(FATAL_ERROR "LINLI_ZXING_DIR=${LINLI_ZXING_DIR} is not a zxing-cpp 1.4 source tree")
  endif()
  set(LINLI_ZXING_FROM_SOURCES ON)
  set(zx ${LINLI_ZXING_DIR}/core/src)
  add_library(linli_zxing_core STATIC
    ${zx}/BarcodeFormat.cpp ${zx}/BinaryBitmap.cpp ${zx}/BitArray.cpp ${zx}/BitMatrix.cpp
    ${zx}/BitSource.cpp ${zx}/CharacterSet.cpp ${zx}/ConcentricFinder.cpp ${zx}/Content.cpp
    ${zx}/ECI.cpp ${zx}/GenericGF.cpp ${zx}/GenericGFPoly.cpp ${zx}/GlobalHistogramBinarizer.cpp
    ${zx}/GridSampler.cpp ${zx}/GS1.cpp ${zx}/HybridBinarizer.cpp ${zx}/PerspectiveTransform.cpp
    ${zx}/ReedSolomonDecoder.cpp ${zx}/Result.cpp ${zx}/ResultPoint.cpp ${zx}/TextDecoder.cpp
    ${zx}/TextUtfEncoding.cpp
    ${zx}/qrcode/QRBitMatrixParser.cpp ${zx}/qrcode/QRCodecMode.cpp ${zx}/qrcode/QRDataBlock.cpp
    ${zx}/qrcode/QRDecoder.cpp ${zx}/qrcode/QRDetector.cpp ${zx}/qrcode/QRErrorCorrectionLevel.cpp
    ${zx}/qrcode/QRFormatInformation.cpp ${zx}/qrcode/QRReader.cpp ${zx}/qrcode/QRVersion.cpp
    ${zx}/oned/ODCode128Patterns.cpp ${zx}/oned/ODCode128Reader.cpp ${zx}/oned/ODRowReader.cpp
    ${zx}/textcodec/Big5MapTable.cpp ${zx}/textcodec/Big5TextDecoder.cpp
    ${zx}/textcodec/GBTextDecoder.cpp ${zx}/textcodec/JPTextDecoder.cpp
    ${zx}/textcodec/KRHangulMapping.cpp ${zx}/textcodec/KRTextDecoder.cpp)
  target_include_directories(linli_zxing_core SYSTEM PUBLIC ${zx})
  target_compile_definitions(linli_zxing_core PUBLIC ZX_USE_UTF8 PRIVATE ZXING_BUILD_READERS)
  target_compile_features(linli_zxing_core PUBLIC cxx_std_20)
  if(EMSCRIPTEN)
    target_compile_options(linli_zxing_core PRIVATE -fexceptions)
  endif()
  linli_third_party(linli_zxing_core)
  target_link_libraries(linli_zxing INTERFACE linli_zxing_core)
  target_compile_definitions(linli_zxing INTERFACE LINLI_ZXING_SOURCES)
elseif(NOT EMSCRIPTEN)
  find_library(LINLI_ZXING_SYSTEM_LIB ZXing)
  if(NOT LINLI_ZXING_SYSTEM_LIB OR NOT EXISTS /usr/include/ZXing/ReadBarcode.h)
    message(FATAL_ERROR "No zxing-cpp: neither LINLI_ZXING_DIR nor Debian's libzxing-dev (run tools/build.py setup)")
  endif()
  target_link_libraries(linli_zxing INTERFACE ${LINLI_ZXING_SYSTEM_LIB})
  target_compile_definitions(linli_zxing INTERFACE LINLI_ZXING_SYSTEM ZX_USE_UTF8)
else()
  message(STATUS "No zxing-cpp sources (LINLI_ZXING_DIR): this web build reads no barcodes")
endif()

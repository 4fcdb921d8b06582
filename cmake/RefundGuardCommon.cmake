# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# One INTERFACE target carries the language level, warnings and Qt strictness flags;
# every target of the project links it.
add_library(rg_common INTERFACE)
add_library(RefundGuard::common ALIAS rg_common)
target_compile_features(rg_common INTERFACE cxx_std_20)
target_compile_definitions(rg_common INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  RG_VERSION="${PROJECT_VERSION}")
target_compile_options(rg_common INTERFACE
  -Wall -Wextra -pedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wimplicit-fallthrough)
# GCC 12 reports false -Wrestrict positives inside libstdc++'s std::string (GCC bug 105651).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(rg_common INTERFACE -Wno-restrict)
endif()
if(RG_WARNINGS_AS_ERRORS)
  target_compile_options(rg_common INTERFACE -Werror)
endif()
# For fuzzing every target carries libFuzzer's coverage instrumentation, ASan and UBSan; only
# the fuzz targets link libFuzzer itself (tests/fuzz). Any UBSan report stops the run. Line
# tables are all the reports need, and build in a fraction of full debug info's time.
if(RG_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "RG_BUILD_FUZZERS needs clang (CXX=clang++), not ${CMAKE_CXX_COMPILER_ID}")
  endif()
  target_compile_options(rg_common INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer -gline-tables-only)
  target_link_options(rg_common INTERFACE -fsanitize=address,undefined)
endif()
# The asan preset (installer/dev.sh test --asan). Undefined behaviour ends the program like an
# ASan error does, so its test fails instead of printing a line nobody reads; frame pointers give
# whole stacks to the reports; -O1, as the ASan manual advises, keeps the suite's run time sane.
if(RG_SANITIZE)
  target_compile_options(rg_common INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -O1)
  target_link_options(rg_common INTERFACE -fsanitize=address,undefined)
  # The sanitizers' default options and leak suppressions, compiled into each executable.
  configure_file("${PROJECT_SOURCE_DIR}/cmake/sanitizers/options.cpp.in"
    "${PROJECT_BINARY_DIR}/sanitizeroptions.cpp" @ONLY)
  target_sources(rg_common INTERFACE
    "$<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:${PROJECT_BINARY_DIR}/sanitizeroptions.cpp>")
endif()

# rg_add_library(NAME SOURCES ... [LIBS ...]): one static library per src/ folder.
function(rg_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "rg_add_library(${name}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(${name} PUBLIC rg_common ${ARG_LIBS})
endfunction()

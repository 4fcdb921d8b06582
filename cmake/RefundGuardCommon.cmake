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

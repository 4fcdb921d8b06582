# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# CPack: `cpack` in the build directory makes the Debian package on Linux (installer/dev.sh
# package) and the WiX installer (.msi) on Windows. A package holds what `cmake --install` puts
# in place: the executables (app/CMakeLists.txt) and the desktop integration and licence
# (installer/CMakeLists.txt). Included last from the top-level CMakeLists.txt, so the install
# steps below run after those of app/ and installer/.

set(RG_PACKAGE_MAINTAINER "Refund Guard contributors <maintainers@refundguard.invalid>"
  CACHE STRING "Maintainer named in the packages: \"Name <email>\"")

set(CPACK_PACKAGE_NAME refundguard)
set(CPACK_PACKAGE_VENDOR "Refund Guard contributors")
set(CPACK_PACKAGE_CONTACT "${RG_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VERSION_MAJOR "${PROJECT_VERSION_MAJOR}")
set(CPACK_PACKAGE_VERSION_MINOR "${PROJECT_VERSION_MINOR}")
set(CPACK_PACKAGE_VERSION_PATCH "${PROJECT_VERSION_PATCH}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Refund Guard")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/installer/COPYING")
# Start menu entries (WiX); "Refund Guard" opens the agent's sidebar.
set(CPACK_PACKAGE_EXECUTABLES refundguard "Refund Guard")
# Installed binaries without debug info: the build is RelWithDebInfo, the package is not.
set(CPACK_STRIP_FILES ON)
# Directories the install creates get 0755 whatever the builder's umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# Only binary packages; `git archive` makes the source tarball.
set(CPACK_SOURCE_GENERATOR "")

# Debian (CPack DEB generator) ----------------------------------------------------------------
set(CPACK_DEBIAN_PACKAGE_NAME refundguard)
# refundguard_<version>_<arch>.deb, the architecture from dpkg --print-architecture.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The long description; CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY above it as the synopsis.
# Lines under 80 columns, as Debian policy 5.6.13 asks.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "Refund Guard sits beside a customer-service agent's console during refund
chats. It flags the social-engineering cues refund-fraud services coach their
customers to use, with the customer's own words as evidence, judges each
refund, replacement or account change against written policy, and records
every override in a tamper-evident audit log (SQLite or a shared PostgreSQL
server).
.
This package holds the agent's sidebar with the supervisor's review window and
the trainer (refundguard), the command-line tool (refundguard-cli) and the
demo case service (refundguard-caseserver).")
# dpkg-shlibdeps finds the libraries the executables link (Qt, ICU, RE2, libsodium, OpenSSL).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What Qt loads at run time, which dpkg-shlibdeps cannot see:
# - qt6-qpa-plugins: the xcb platform plugin; without it the sidebar does not start on X11
#   (libqt6gui6 only recommends it and holds just offscreen, minimal, eglfs and the like);
# - libqt6sql6-sqlite: the QSQLITE driver of the audit log, the case store, the session and the
#   training results; libqt6sql6-psql: QPSQL, for an audit database shared by the team.
# The OpenSSL that Qt's TLS backend dlopens for https comes with libqt6network6 (libssl3).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6sql6-psql")
# Wayland sessions without XWayland; the CA certificates https needs; Qt's own translations
# (qtbase_es.qm, qtbase_de.qm: the standard buttons in the interface's language).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, ca-certificates, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# Windows (CPack WIX generator, WiX Toolset 3) ------------------------------------------------
# Cannot be built on the Linux CI; README.md ("Packages") has the steps on Windows.
if(WIN32)
  set(CPACK_GENERATOR WIX)
  # The product's name in Programs and Features and on the installer's pages.
  set(CPACK_PACKAGE_NAME "Refund Guard")
  set(CPACK_PACKAGE_FILE_NAME "RefundGuard-${PROJECT_VERSION}-win64")
  # Never change: Windows Installer finds the installed version to upgrade by this code.
  set(CPACK_WIX_UPGRADE_GUID "5A9CC6FF-B808-4BEF-9E44-1A29731107C4")
  # Per-machine: Program Files, Start menu entry and uninstaller for every user of the desk.
  # CPACK_WIX_INSTALL_SCOPE (CMake 3.29+) only applies to CPack's default template; ours sets
  # InstallScope itself, so older CMake gets the same.
  set(CPACK_WIX_TEMPLATE "${PROJECT_SOURCE_DIR}/installer/windows/WIX.template.in")
  set(CPACK_WIX_INSTALL_SCOPE perMachine)
  set(CPACK_WIX_ARCHITECTURE x64)
  set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/installer/windows/refundguard.ico")
  set(CPACK_WIX_LICENSE_RTF "${PROJECT_SOURCE_DIR}/installer/windows/license.rtf")
  set(CPACK_WIX_PROGRAM_MENU_FOLDER "Refund Guard")
  set(CPACK_WIX_ROOT_FEATURE_TITLE "Refund Guard")
  set(CPACK_WIX_ROOT_FEATURE_DESCRIPTION "${PROJECT_DESCRIPTION}")
  set(CPACK_WIX_PROPERTY_ARPCOMMENTS "${PROJECT_DESCRIPTION}")

  # The C++ runtime beside the executables (MSVC: msvcp140.dll and friends; nothing for MinGW,
  # whose runtime DLLs the dependency scan below copies from the compiler's directory).
  set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
  include(InstallRequiredSystemLibraries)

  # windeployqt adds what Qt loads at run time: the platform plugin (qwindows), styles, image
  # formats, the SQL drivers (qsqlite, qsqlpsql), the TLS backends and Qt's translations, in
  # bin/ and its plugin folders. Run on the installed executables, i.e. in CPack's staging
  # directory.
  if(TARGET Qt6::windeployqt)
    set(rg_windeployqt "$<TARGET_FILE:Qt6::windeployqt>")
  else()
    find_program(RG_WINDEPLOYQT NAMES windeployqt windeployqt6 windeployqt-qt6
      HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" REQUIRED)
    set(rg_windeployqt "${RG_WINDEPLOYQT}")
  endif()
  install(CODE "set(rg_windeployqt \"${rg_windeployqt}\")")
  install(CODE [[
    foreach(exe IN ITEMS refundguard refundguard-cli refundguard-caseserver)
      execute_process(
        COMMAND "${rg_windeployqt}" --no-compiler-runtime --verbose 1
                "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/bin/${exe}.exe"
        COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
  ]])

  # Then every other DLL the executables and those plugins load, copied next to the
  # executables: spdlog, fmt, RE2, ICU, libsodium, OpenSSL, and libpq for qsqlpsql, from the
  # Qt and compiler directories (MSYS2 keeps all of them in one bin/), CMAKE_PREFIX_PATH and
  # vcpkg; the MinGW runtime comes from the compiler's directory.
  set(rg_dll_dirs "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
  foreach(prefix IN LISTS CMAKE_PREFIX_PATH)
    list(APPEND rg_dll_dirs "${prefix}/bin")
  endforeach()
  if(VCPKG_INSTALLED_DIR AND VCPKG_TARGET_TRIPLET)
    list(APPEND rg_dll_dirs "${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}/bin")
  endif()
  get_filename_component(rg_compiler_dir "${CMAKE_CXX_COMPILER}" DIRECTORY)
  list(APPEND rg_dll_dirs "${rg_compiler_dir}")
  # Forward slashes: a backslash would start an escape in the install script.
  file(TO_CMAKE_PATH "${rg_dll_dirs}" rg_dll_dirs)
  install(CODE "set(rg_dll_dirs \"${rg_dll_dirs}\")")
  install(CODE [[
    set(rg_bin "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/bin")
    file(GLOB rg_plugins "${rg_bin}/*/*.dll")
    file(GET_RUNTIME_DEPENDENCIES
      EXECUTABLES "${rg_bin}/refundguard.exe" "${rg_bin}/refundguard-cli.exe"
                  "${rg_bin}/refundguard-caseserver.exe"
      MODULES ${rg_plugins}
      DIRECTORIES ${rg_dll_dirs}
      RESOLVED_DEPENDENCIES_VAR rg_dlls
      UNRESOLVED_DEPENDENCIES_VAR rg_missing_dlls
      PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
      POST_EXCLUDE_REGEXES ".*[Ss]ystem32/.*\\.dll" ".*[Ww]indows/.*\\.dll")
    if(rg_missing_dlls)
      message(WARNING "Refund Guard: DLLs not found, the installer lacks them: ${rg_missing_dlls}")
    endif()
    # file(INSTALL) adds DESTDIR itself.
    file(INSTALL ${rg_dlls} DESTINATION "${CMAKE_INSTALL_PREFIX}/bin")
  ]])
else()
  set(CPACK_GENERATOR DEB)
endif()

include(CPack)

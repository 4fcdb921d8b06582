#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs every Debian 12 package Refund Guard needs to build, test and run. Idempotent: exits
# at once when everything is present; uses sudo only when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config dpkg-dev git python3
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libxkbcommon-dev qt6-charts-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-httpserver-dev
  # Qt's own translations (qtbase_es.qm, qtbase_de.qm): the standard buttons in the UI language.
  qt6-translations-l10n
  # Qt6HttpServer's CMake package requires Qt6WebSockets, which qt6-httpserver-dev does not pull in.
  qt6-websockets-dev
  libqt6sql6-sqlite libqt6sql6-psql
  libspdlog-dev libfmt-dev libsqlite3-dev libre2-dev libicu-dev libsodium-dev libssl-dev libbenchmark-dev
  postgresql xvfb xauth imagemagick fonts-dejavu-core
  # pdftotext, for the tests that read back the review report's PDF.
  poppler-utils
  # installer/dev.sh lint (clang-tidy 14 on Debian 12).
  clang-tidy
  # The Debian package (installer/dev.sh package, tests/package): file and dpkg-dev's
  # dpkg-shlibdeps for CPack's dependency scan, the validators of the desktop file and metainfo.
  file desktop-file-utils appstream
  # The browser extension's end-to-end test (tests/e2e): Chromium, driven by playwright-core from
  # npm, and Node.js to run it. chromium-driver is for WebDriver-based checks of the same page.
  chromium chromium-driver nodejs
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$package")
done
# Debian's nodejs comes without npm (NodeSource's has it, and conflicts with Debian's npm).
command -v npm >/dev/null || missing+=(npm)

# tests/e2e's npm packages (playwright-core, pinned by its package-lock.json), once node is there.
install_e2e_modules() {
  local e2e
  e2e="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/e2e"
  [ -d "$e2e/node_modules/playwright-core" ] && return 0
  if ! command -v npm >/dev/null; then
    echo "deps-debian: no npm; the browser extension's end-to-end test will be skipped" >&2
    return 0
  fi
  echo "deps-debian: npm ci in $e2e"
  npm ci --prefix "$e2e" --no-audit --no-fund --loglevel=error
}

if [ ${#missing[@]} -eq 0 ]; then
  install_e2e_modules
  exit 0
fi

echo "deps-debian: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "deps-debian: not root and no sudo; as root run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi
# Wait for apt-daily or unattended-upgrades instead of failing on the dpkg lock.
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600)
"${apt[@]}" update -qq
"${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}"
install_e2e_modules

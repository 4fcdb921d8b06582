#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ctest's entry to the browser extension's end-to-end test (extension.e2e.mjs): finds Node.js,
# then runs the test with the given arguments. Exit 77 (skipped) without Node.js, Chromium or
# the test's node_modules (npm ci, which installer/deps-debian.sh runs); with CI=true those
# fail instead.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if ! command -v node >/dev/null; then
  if [ "${CI:-}" = true ]; then
    echo "e2e: FAIL (CI=true, so not skipped): no node (apt-get install nodejs)" >&2
    exit 1
  fi
  echo "e2e: SKIP: no node (apt-get install nodejs)"
  exit 77
fi
exec node "$here/extension.e2e.mjs" "$@"

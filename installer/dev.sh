#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The developer's entry point. Every command installs what is missing and builds first.
#   installer/dev.sh run     build, then scan the bundled demo transcripts and show the findings
#   installer/dev.sh test    build, then run the whole ctest suite
#   installer/dev.sh build   build only
#   installer/dev.sh bench   build, then run the benchmarks (figures for the README)
# Environment: BUILD_DIR (default build), JOBS (default 2), CI=true turns warnings into errors.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
jobs=${JOBS:-2}

build() {
  "$root/installer/deps-debian.sh"
  local werror=OFF
  [ "${CI:-}" = true ] && werror=ON
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DRG_WARNINGS_AS_ERRORS=$werror
  cmake --build "$build_dir" -j "$jobs"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  run)
    build
    for transcript in "$root"/resources/demo/*.jsonl; do
      echo "== $(basename "$transcript")"
      "$build_dir/app/refundguard-cli" scan --explain "$transcript"
    done
    ;;
  test)
    build
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" "$@"
    ;;
  build)
    build
    ;;
  bench)
    build
    "$build_dir/tests/bench/bench_matcher" "$@"
    ;;
  *)
    echo "usage: installer/dev.sh run|test|build|bench" >&2
    exit 2
    ;;
esac

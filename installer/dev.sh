#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The developer's entry point. Every command installs what is missing and builds first.
#   installer/dev.sh run     build, then start the sidebar's demo (refundguard --demo: a scripted
#                            REKK-style shift, no servers; extra arguments go to it, e.g.
#                            --speed 2); without a display, the command-line demo instead: scan the
#                            bundled transcripts and check actions against the demo case service
#   installer/dev.sh test    build, then run the whole ctest suite against a throwaway PostgreSQL
#                            server on 127.0.0.1 (installer/pgtest.sh), whose URL the tests read
#                            from RG_TEST_POSTGRES_URL; extra arguments go to ctest
#   installer/dev.sh build   build only
#   installer/dev.sh package build, then make the Debian package with CPack:
#                            $BUILD_DIR/refundguard_<version>_<arch>.deb (README.md, "Packages";
#                            `ctest -L package` installs and tries it)
#   installer/dev.sh bench   build, then run the benchmarks (figures for the README)
#   installer/dev.sh screenshot [FILE] [REVIEW_FILE] [TRAINER_FILE] [RESULTS_FILE]
#                            build, then photograph the demo, the review demo, a trainer
#                            debrief and the trainer's results page under Xvfb (default
#                            docs/sidebar-demo.png, docs/review-demo.png,
#                            docs/trainer-debrief.png and docs/trainer-results.png)
# Environment: BUILD_DIR (default build), JOBS (default 2), CI=true turns warnings into errors
# and makes a test server that will not start fail the run instead of skipping its tests.
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

# Starts the case service on a free port with the demo cases, asks it for a decision on a
# proposed refund, and stops it again.
demo_check() {
  local data_dir server_log url pid
  data_dir=$(mktemp -d)
  server_log="$data_dir/caseserver.out"
  RG_CASESERVER_TOKEN=demo-token "$build_dir/app/refundguard-caseserver" --port 0 \
    --data "$data_dir/cases.db" --seed builtin >"$server_log" &
  pid=$!
  trap 'kill "$pid" 2>/dev/null; rm -rf "$data_dir"' RETURN
  for _ in $(seq 100); do
    url=$(sed -n 's/^listening on //p' "$server_log")
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { echo "the case service did not start" >&2; return 1; }
  echo "== check: gift-card refund on case-1003 from the case service at $url"
  RG_CASE_TOKEN=demo-token "$build_dir/app/refundguard-cli" check --case-url "$url/cases/case-1003" \
    --action '{"type": "refund", "order_id": "114-6639921", "amount": 329.0, "currency": "USD", "method": "gift_card"}'
  echo "== check: a partial refund within the limit on case-1007, from the embedded demo case store"
  "$build_dir/app/refundguard-cli" check --case-id case-1007 \
    --action '{"type": "refund", "order_id": "114-4471268", "amount": 200.0, "currency": "USD", "method": "original_payment", "return_required": true}'
}

# Runs ctest with a throwaway PostgreSQL server, stopped and removed on any exit, Ctrl-C
# included. Exits with ctest's status.
run_tests() {
  pg_dir=$(mktemp -d)
  trap '"$root/installer/pgtest.sh" stop "$pg_dir"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  local url status=0
  if url=$("$root/installer/pgtest.sh" start "$pg_dir"); then
    export RG_TEST_POSTGRES_URL=$url
  elif [ "${CI:-}" = true ]; then
    echo "dev.sh: the test PostgreSQL server did not start (see above)" >&2
    exit 1
  else
    echo "dev.sh: warning: the test PostgreSQL server did not start (see above);" \
      "tests that need it will be skipped" >&2
    unset RG_TEST_POSTGRES_URL
  fi
  ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" "$@" || status=$?
  exit "$status"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  run)
    build
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec "$build_dir/app/refundguard" --demo "$@"
    fi
    echo "dev.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset), so the sidebar cannot open;" \
      "running the command-line demo instead. For the sidebar: xvfb-run -a installer/dev.sh run," \
      "or run from a desktop session." >&2
    for transcript in "$root"/resources/demo/*.jsonl; do
      echo "== $(basename "$transcript")"
      "$build_dir/app/refundguard-cli" scan --explain "$transcript"
    done
    demo_check
    ;;
  screenshot)
    build
    out=${1:-$root/docs/sidebar-demo.png}
    mkdir -p "$(dirname "$out")"
    # The demo at speed 8 proposes the blocked refund after about 16 s; the window is photographed
    # from the X server itself, as an agent would see it.
    xvfb-run -a -s "-screen 0 1024x900x24" bash -c '
      "$1" --demo --speed 8 --settings "$(mktemp -d)/refundguard.ini" & app=$!
      sleep "$2"
      import -window root -crop 400x820+0+0 "$3"
      kill "$app"' _ "$build_dir/app/refundguard" "${SCREENSHOT_DELAY:-18}" "$out"
    echo "dev.sh: wrote $out"
    review_out=${2:-$root/docs/review-demo.png}
    # The review over four generated weeks; the window opens on the newest override.
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
      "$1" --review --demo --settings "$(mktemp -d)/refundguard.ini" & app=$!
      sleep 6
      import -window root "$2"
      kill "$app"' _ "$build_dir/app/refundguard" "$review_out"
    echo "dev.sh: wrote $review_out"
    trainer_out=${3:-$root/docs/trainer-debrief.png}
    # A scripted trainee (the credulous answers of the tests) plays the photo-at-the-door scenario
    # through the trainer window, so the debrief has missed cues and a policy breach to show; at
    # speed 16 the customer's 8 s of typing pass in half a second.
    xvfb-run -a -s "-screen 0 1100x760x24" bash -c '
      "$1" --trainer --demo --speed 16 --play-scenario rekk-non-receipt-photo --play-answers "$2" \
        --settings "$(mktemp -d)/refundguard.ini" & app=$!
      sleep 6
      import -window root "$3"
      kill "$app"' _ "$build_dir/app/refundguard" "$root/tests/data/scenarios/rekk-credulous.json" \
      "$trainer_out"
    echo "dev.sh: wrote $trainer_out"
    results_out=${4:-$root/docs/trainer-results.png}
    # The demo's results page: a simulated cohort's four weeks, with and without the assist.
    xvfb-run -a -s "-screen 0 1100x760x24" bash -c '
      "$1" --trainer --demo --results --settings "$(mktemp -d)/refundguard.ini" & app=$!
      sleep 6
      import -window root "$2"
      kill "$app"' _ "$build_dir/app/refundguard" "$results_out"
    echo "dev.sh: wrote $results_out"
    ;;
  test)
    build
    run_tests "$@"
    ;;
  build)
    build
    ;;
  package)
    build
    (cd "$build_dir" && cpack -G DEB)
    ;;
  bench)
    build
    "$build_dir/tests/bench/bench_matcher" "$@"
    "$build_dir/tests/bench/bench_policy"
    "$build_dir/tests/bench/bench_casefetch"
    # bench_audit's PostgreSQL figures need a server: a throwaway one, stopped on any exit.
    (pg_dir=/tmp/rg-bench-pg-$$; trap '"$root/installer/pgtest.sh" stop "$pg_dir"' EXIT
     trap 'exit 130' INT; trap 'exit 143' TERM
     if url=$("$root/installer/pgtest.sh" start "$pg_dir"); then export RG_TEST_POSTGRES_URL=$url
     else echo "dev.sh: the PostgreSQL server did not start; bench_audit skips it" >&2; fi
     "$build_dir/tests/bench/bench_audit")
    # Offscreen, so it runs without a display; about a minute and a half.
    "$build_dir/tests/bench/bench_sidebar"
    "$build_dir/tests/bench/bench_review"
    ;;
  *)
    echo "usage: installer/dev.sh run|test|build|package|bench|screenshot" >&2
    exit 2
    ;;
esac

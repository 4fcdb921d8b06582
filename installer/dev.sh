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
#   installer/dev.sh test --asan [CTEST ARGS]
#                            the same with AddressSanitizer, LeakSanitizer and UBSan: a Debug
#                            build in $ASAN_BUILD_DIR (the asan preset), timeouts scaled, the
#                            package and e2e tests left out (named when it starts); any sanitizer
#                            report fails the run, also one from a program a test started
#   installer/dev.sh lint    build, then clang-tidy (.clang-tidy) over the translation units of
#                            src/, app/ and ui/, JOBS at a time; any warning fails the run
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
#   installer/dev.sh fuzz [SECONDS]
#                            build the libFuzzer targets of tests/fuzz with clang in build-fuzz
#                            (installing clang and libFuzzer when missing), run each for SECONDS
#                            (default 60) and print its executions and coverage; fails naming
#                            the input of any crash, hang, leak or UBSan report
#   installer/dev.sh load    build, then the load runs of tests/load (README.md, "Load and
#                            soak"): 1,000 events/s for 60 s through the bridge of a real
#                            refundguard, then 50 concurrent clients on refundguard-caseserver for
#                            30 s; prints latency, memory and a verdict (fails on a lost,
#                            duplicated or refused event, or a failed fetch)
#   installer/dev.sh soak [MINUTES]
#                            build, then 20 events/s through the bridge for MINUTES (default 30);
#                            fails also when the app's memory grows (README.md, "Load and soak")
# Environment: BUILD_DIR (default build), ASAN_BUILD_DIR (default build-asan), JOBS (default 2),
# CI=true turns warnings into errors
# and makes a test server that will not start fail the run instead of skipping its tests.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
jobs=${JOBS:-2}

# Configures and builds $build_dir; arguments go to cmake after the defaults.
build() {
  "$root/installer/deps-debian.sh"
  local werror=OFF
  [ "${CI:-}" = true ] && werror=ON
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DRG_WARNINGS_AS_ERRORS=$werror "$@"
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
# included. Exits with ctest's status, or 1 when $sanitizer_reports holds a report ctest did not
# see: one of a program a test started and whose end the test did not check.
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
  if [ -n "${sanitizer_reports:-}" ] && [ -n "$(ls -A "$sanitizer_reports")" ]; then
    echo "dev.sh: sanitizer reports in $sanitizer_reports:" >&2
    tail -n +1 "$sanitizer_reports"/* >&2
    [ "$status" -ne 0 ] || status=1
  fi
  exit "$status"
}

# The test --asan command: the asan preset's build, then the suite as run_tests runs it, with
# every sanitizer report written to a file of $sanitizer_reports (the options compiled into the
# programs are in cmake/sanitizers/options.cpp.in).
run_asan_tests() {
  build_dir=${ASAN_BUILD_DIR:-$root/build-asan}
  # Warnings are errors in the normal build only: GCC warns falsely more often with sanitizers,
  # and its manual advises against -Werror with them.
  build -DCMAKE_BUILD_TYPE=Debug -DRG_SANITIZE=ON -DRG_BUILD_BENCHMARKS=OFF \
    -DRG_WARNINGS_AS_ERRORS=OFF
  sanitizer_reports=$build_dir/sanitizer-reports
  rm -rf "$sanitizer_reports"
  mkdir -p "$sanitizer_reports"
  export ASAN_OPTIONS=log_path=$sanitizer_reports/report:log_exe_name=1
  export UBSAN_OPTIONS=$ASAN_OPTIONS
  # ctest ANDs repeated -LE options, so the caller's exclusions join these in one.
  local excluded='package|e2e' args=()
  while [ $# -gt 0 ]; do
    case $1 in
      -LE | --label-exclude) excluded="$excluded|$2"; shift 2 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  echo "dev.sh: under ASan, left out: labels $excluded (package: it would install the sanitized" \
    "build into this machine; e2e: its subject is the browser extension in Chromium, the app's" \
    "side of it runs here in tst_bridge and tst_sidebar); benchmarks are not built" >&2
  run_tests -LE "$excluded" "${args[@]}"
}

# The lint command: clang-tidy with the checks of .clang-tidy over every translation unit of src/,
# app/ and ui/ in the build's compile_commands.json; the build made moc's and uic's headers.
run_lint() {
  local pattern
  # The source tree's own folders, not a build folder inside it (generated code).
  pattern="^$(printf '%s' "$root" | sed 's/[][\.^$*+?(){}|]/\\&/g')/(src|app|ui)/"
  # The compile commands are GCC's; clang-tidy's clang does not know some of its warning flags.
  # Its count of the warnings it left out (other libraries' headers) is dropped.
  if sed -n 's/^  "file": "\(.*\)",\{0,1\}$/\1/p' "$build_dir/compile_commands.json" |
    grep -E "$pattern" | sort -u | tr '\n' '\0' |
    xargs -0 -n 1 -P "$jobs" clang-tidy -p "$build_dir" --quiet --header-filter="$pattern" \
      --extra-arg=-Wno-unknown-warning-option 2>&1 |
    { grep -vE '^[0-9]+ warnings? generated\.$' || true; }; then
    echo "dev.sh: clang-tidy found nothing"
  else
    echo "dev.sh: clang-tidy found problems (above)" >&2
    exit 1
  fi
}

# The fuzz command. Each target starts from a scratch copy of its seeds (tests/fuzz/corpus) in
# build-fuzz, so the repository's corpus stays small, and from the inputs of the crashes fixed
# since (tests/fuzz/regressions).
run_fuzzers() {
  local seconds=${1:-60} fuzz_build=$root/build-fuzz package missing=() sudo=()
  "$root/installer/deps-debian.sh"
  for package in clang libclang-rt-14-dev; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" = installed ] ||
      missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
      install -y -qq --no-install-recommends "${missing[@]}"
  fi
  CC=clang CXX=clang++ cmake -S "$root" -B "$fuzz_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DRG_BUILD_FUZZERS=ON -DRG_BUILD_TESTS=OFF -DRG_WARNINGS_AS_ERRORS=ON
  cmake --build "$fuzz_build" -j "$jobs" --target fuzzers
  export UBSAN_OPTIONS=print_stacktrace=1
  local corpus name work log args result executions coverage failed=() report=()
  for corpus in "$root"/tests/fuzz/corpus/*/; do
    name=$(basename "$corpus")
    work=$fuzz_build/fuzz-runs/$name
    log=$work/fuzz.log
    rm -rf "$work"
    mkdir -p "$work/corpus" "$work/artifacts"
    cp "$corpus"* "$work/corpus/"
    args=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1
      -artifact_prefix="$work/artifacts/" -dict="$root/tests/fuzz/dictionaries/$name.dict"
      "$work/corpus")
    [ -d "$root/tests/fuzz/regressions/$name" ] && args+=("$root/tests/fuzz/regressions/$name")
    echo "== fuzz_$name, ${seconds} s (log: $log)"
    if "$fuzz_build/tests/fuzz/fuzz_$name" "${args[@]}" >"$log" 2>&1; then
      result=ok
    else
      result="FAILED: $(sed -n 's/.*Test unit written to //p' "$log" | tail -1)"
      failed+=("fuzz_$name")
      grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|fuzz: broken promise)' "$log" >&2 || true
    fi
    executions=$(sed -n 's/^stat::number_of_executed_units: //p' "$log")
    coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    report+=("$(printf '%-24s %12s  %-22s %s' "fuzz_$name" "${executions:-?}" "${coverage:-?}" "$result")")
  done
  printf '%-24s %12s  %-22s %s\n' target executions coverage result
  printf '%s\n' "${report[@]}"
  if [ ${#failed[@]} -gt 0 ]; then
    echo "dev.sh: fuzzing found problems in ${failed[*]}; reproduce with the target and the input" >&2
    exit 1
  fi
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
    if [ "${1:-}" = --asan ]; then
      shift
      run_asan_tests "$@"
    fi
    build
    run_tests "$@"
    ;;
  lint)
    build
    run_lint
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
  fuzz)
    run_fuzzers "$@"
    ;;
  load)
    build
    status=0
    "$build_dir/tests/load/bridge_load" bridge --rate 1000 --seconds 60 || status=$?
    "$build_dir/tests/load/bridge_load" cases --clients 50 --seconds 30 || status=$?
    exit "$status"
    ;;
  soak)
    minutes=${1:-30}
    build
    "$build_dir/tests/load/bridge_load" bridge --rate 20 --seconds $((minutes * 60)) --soak
    ;;
  *)
    echo "usage: installer/dev.sh run|test [--asan]|lint|build|package|bench|screenshot|fuzz|load|soak" >&2
    exit 2
    ;;
esac

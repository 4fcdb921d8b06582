#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Debian package end to end, as an administrator would meet it: cpack makes the .deb from the
# build directory, its control fields, contents, desktop file and AppStream metainfo are checked,
# dpkg installs it into this machine, the installed programs run from /usr/bin with a clean
# environment, and dpkg removes it again (also on failure).
#   test-deb.sh --build-dir DIR --cpack CPACK --version X.Y.Z --app-id ID
# Exit 0 passed, 1 failed, 77 skipped (no dpkg: not a Debian system; or not root, after the
# checks that need no installing); with CI=true a reason to skip is a failure. Registered with
# ctest by tests/package/CMakeLists.txt.
set -euo pipefail

build_dir='' cpack='' version='' app_id=''
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build_dir=$2 ;;
    --cpack) cpack=$2 ;;
    --version) version=$2 ;;
    --app-id) app_id=$2 ;;
    *) echo "test-deb.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift 2
done
if [ -z "$build_dir" ] || [ -z "$cpack" ] || [ -z "$version" ] || [ -z "$app_id" ]; then
  echo "usage: test-deb.sh --build-dir DIR --cpack CPACK --version X.Y.Z --app-id ID" >&2
  exit 2
fi

fail() { echo "package_deb: FAIL: $*" >&2; exit 1; }
skip() {
  [ "${CI:-}" = true ] && fail "$* (CI=true: this test must run in CI)"
  echo "package_deb: SKIP: $*"
  exit 77
}
step() { echo "== $*"; }
# dpkg gives up at once while apt or another dpkg holds its lock (apt-daily, deps-debian.sh):
# wait for it, up to 10 minutes.
dpkg_waiting() {
  local tries=0 out
  until out=$(dpkg "$@" 2>&1); do
    if [[ "$out" == *"frontend lock"* || "$out" == *"/var/lib/dpkg/lock"* ]] &&
      [ $((tries += 1)) -le 120 ]; then
      sleep 5
      continue
    fi
    echo "$out" >&2
    return 1
  done
  echo "$out"
}

if ! command -v dpkg >/dev/null || ! command -v dpkg-deb >/dev/null; then
  skip "dpkg is missing: the Debian package can only be tested on Debian or a derivative"
fi
for tool in dpkg-shlibdeps dpkg-checkbuilddeps desktop-file-validate appstreamcli file; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run installer/deps-debian.sh"
done
for program in refundguard refundguard-cli refundguard-caseserver; do
  [ -x "$build_dir/app/$program" ] ||
    fail "$build_dir/app/$program is not built (installer/dev.sh build, or ninja $program)"
done

work=$(mktemp -d)
installed=false
cleanup() {
  if [ "$installed" = true ]; then
    echo "== removing the package"
    dpkg_waiting --purge refundguard >/dev/null ||
      echo "package_deb: dpkg --purge refundguard failed" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT
start=$SECONDS

step "cpack -G DEB"
"$cpack" --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || {
  cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$work/out/refundguard_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || { cat "$work/cpack.log" >&2; fail "cpack made no $(basename "$deb")"; }
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1), $((SECONDS - start)) s"

step "control fields"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends
[ "$(dpkg-deb --field "$deb" Package)" = refundguard ] || fail "the package is not refundguard"
[ "$(dpkg-deb --field "$deb" Version)" = "$version" ] ||
  fail "package version $(dpkg-deb --field "$deb" Version), project version $version"
depends=$(dpkg-deb --field "$deb" Depends)
# Declared (loaded at run time, invisible to dpkg-shlibdeps), then found by dpkg-shlibdeps.
for package in qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql libqt6widgets6 libqt6charts6 \
  libqt6sql6 libqt6httpserver6 libre2 libsodium23 libicu; do
  [[ ", $depends" == *", $package"* ]] || fail "Depends lacks $package"
done

step "contents"
dpkg-deb --contents "$deb" | awk '{print $6}' | tee "$work/contents"
expected=(./usr/bin/refundguard ./usr/bin/refundguard-cli ./usr/bin/refundguard-caseserver
  "./usr/share/applications/$app_id.desktop" "./usr/share/metainfo/$app_id.metainfo.xml"
  "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" ./usr/share/doc/refundguard/copyright)
for path in "${expected[@]}"; do
  grep -qxF "$path" "$work/contents" || fail "the package lacks $path"
done
dpkg-deb --contents "$deb" | awk '$2 != "root/root" {print; bad=1} END {exit bad}' ||
  fail "files above are not owned by root"
grep -v -e '^\./$' -e '^\./usr/' "$work/contents" && fail "files above are outside /usr"
# No file may belong to another installed package: dpkg -i would refuse to overwrite it.
while read -r path; do
  case "$path" in */) continue ;; esac
  if owner=$(dpkg-query --search "${path#.}" 2>/dev/null) && [ "${owner%%:*}" != refundguard ]; then
    fail "${path#.} belongs to ${owner%%:*} already"
  fi
done <"$work/contents"

step "desktop file and AppStream metainfo"
dpkg-deb --extract "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop" ||
  fail "desktop-file-validate rejects the desktop file"
appstreamcli validate --no-net --strict "$work/root/usr/share/metainfo/$app_id.metainfo.xml" ||
  fail "appstreamcli rejects the metainfo"

# The package is sound; the rest installs it into this machine.
[ "$(id -u)" -eq 0 ] ||
  skip "not root: the package is built and checked, but installing it needs root"
# One install at a time on this machine, whichever build directory of this checkout the test
# runs from (a lock on this script: no lock file to leave behind).
exec 9<"${BASH_SOURCE[0]}"
flock --wait 600 9 || fail "another package test has held its lock for 10 minutes"
status=$(dpkg-query -W -f='${db:Status-Status}' refundguard 2>/dev/null || true)
case "$status" in
  "" | not-installed | config-files) ;;
  *) skip "a refundguard package is already on this machine ($status), which this test would" \
       "replace and remove; remove it first: dpkg -r refundguard" ;;
esac

step "dependencies are installed (installer/deps-debian.sh)"
dpkg-checkbuilddeps -d "$depends" /dev/null ||
  fail "the package's dependencies are not all installed: run installer/deps-debian.sh"

step "dpkg -i"
installed=true
dpkg_waiting -i "$deb" || fail "dpkg -i failed"
[ "$(dpkg-query -W -f='${db:Status-Status}' refundguard)" = installed ] || fail "not installed"

step "dpkg -L"
dpkg -L refundguard >"$work/listed"
for path in "${expected[@]}"; do
  grep -qxF "${path#.}" "$work/listed" || fail "dpkg -L refundguard does not list ${path#.}"
done

step "the installed programs"
# A clean environment: nothing from the build (LD_LIBRARY_PATH, QT_PLUGIN_PATH) may help them.
mkdir "$work/home" && mkdir -m 700 "$work/runtime"
run() {
  env -i HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"
}
check_version() {
  local expect=$1 out
  shift
  out=$(run "$@") || fail "$* exited with $?"
  echo "$*: $out"
  [ "$out" = "$expect" ] || fail "$* printed \"$out\", not \"$expect\""
}
check_version "refundguard-cli $version" /usr/bin/refundguard-cli --version
check_version "refundguard $version" QT_QPA_PLATFORM=offscreen /usr/bin/refundguard --version
check_version "refundguard-caseserver $version" /usr/bin/refundguard-caseserver --version
# Qt's SQLite driver from the declared dependency, and the rule pack compiled in.
run /usr/bin/refundguard-cli audit init --db "sqlite://$work/audit.db" ||
  fail "refundguard-cli audit init on SQLite failed"
run /usr/bin/refundguard-cli audit verify --db "sqlite://$work/audit.db" ||
  fail "refundguard-cli audit verify on SQLite failed"
line='{"id": "c1", "messages": [{"role": "customer", "text": "it never arrived, refund me now"}]}'
scan=$(echo "$line" | run /usr/bin/refundguard-cli scan -) || fail "refundguard-cli scan failed"
echo "scan: $scan"
[[ "$scan" == *'"id":"c1"'* || "$scan" == *'"id": "c1"'* ]] || fail "scan printed no result for c1"

step "dpkg -r"
dpkg_waiting -r refundguard || fail "dpkg -r failed"
installed=false
[ ! -e /usr/bin/refundguard ] || fail "/usr/bin/refundguard is still there after dpkg -r"
status=$(dpkg-query -W -f='${db:Status-Status}' refundguard 2>/dev/null || true)
[ -z "$status" ] || [ "$status" = not-installed ] || fail "after dpkg -r the package is $status"
echo "package_deb: passed in $((SECONDS - start)) s"

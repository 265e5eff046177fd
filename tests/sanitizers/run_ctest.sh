#!/usr/bin/env bash
# The whole ctest under AddressSanitizer + UBSan + LeakSanitizer, by hand (not in CI: an ASan build of
# everything is ~2,000 CPU-seconds on a 2-core machine). Usage, from anywhere:
#   tests/sanitizers/run_ctest.sh [--build] [BUILD_DIR] [-- CTEST_ARGS...]
# --build configures (if needed) and builds BUILD_DIR (default: build-asan beside this repository's
# top CMakeLists.txt) with -DVISITBOARD_SANITIZE=ON first. Every report goes to a fresh log folder,
# which also catches reports from the `visitboard` processes the command-line tests start and from
# tests that expect a non-zero exit (a report there would otherwise pass unseen). Exit 0 only if
# ctest passed AND no log in the folder is a report (a log of suppressed leaks only is fine);
# otherwise the reports are printed and the exit is 1.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_first=0
build="$root/build-asan"
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build_first=1; shift ;;
    --) shift; break ;;
    -*) echo "run_ctest.sh: unknown option $1 (use --build, a build folder, then -- and ctest's own options)" >&2; exit 2 ;;
    *) build="$1"; shift ;;
  esac
done

if [ "$build_first" = 1 ]; then
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DVISITBOARD_SANITIZE=ON -DVISITBOARD_WERROR=OFF \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1"
  fi
  cmake --build "$build" -j2
fi
if ! grep -q '^VISITBOARD_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  echo "run_ctest.sh: $build is not a VISITBOARD_SANITIZE=ON build (run with --build, or name one)" >&2
  exit 2
fi

logs=$(mktemp -d "${TMPDIR:-/tmp}/visitboard-asan.XXXXXX")
export ASAN_OPTIONS="detect_leaks=1:log_path=$logs/asan:exitcode=86"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp"
echo "sanitizer reports go to $logs"

status=0
ctest --test-dir "$build" -j2 --output-on-failure "$@" || status=1
# A log holding only LeakSanitizer's "Suppressions used" table (lsan.supp at work) is not a report.
reports=$(grep -l -E 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:|SUMMARY: ' "$logs"/* 2>/dev/null || true)
if [ -n "$reports" ]; then
  for f in $reports; do
    echo "==== $f"
    cat "$f"
  done
  echo "run_ctest.sh: sanitizer reports above (in $logs)" >&2
  exit 1
fi
[ "$status" = 0 ] && echo "run_ctest.sh: ctest passed, no sanitizer report"
exit "$status"

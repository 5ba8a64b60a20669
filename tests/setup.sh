# tests/setup.sh - sourced by the shell tests: paths, a private temporary
# directory removed on exit, and a pinned environment.
set -u
: "${OLR_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${OLR_BIN:=$PWD/ollama-logreport}"
: "${OLR_DBDUMP:=$(dirname "$OLR_BIN")/tests/tools/dbdump}"
export TZ=UTC LC_ALL=C SOURCE_DATE_EPOCH=1700000000
tmp=$(mktemp -d "${TMPDIR:-/tmp}/olr-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0
passed=0
ok()  { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
finish() {
  echo "$passed passed, $fail failed"
  [ "$fail" -eq 0 ]
}

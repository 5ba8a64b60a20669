#!/usr/bin/env bash
# bench/run.sh -- every target of the main job, at 100 MiB and 1 GiB, side
# by side, each met or shown against its measured floor; then how ingest
# scales with -j on this machine.
#
# Run from the project root after a release build (CFLAGS='-O2 -g'):
#     bash bench/run.sh                  # 100 MiB and 1 GiB: ~10 min on 2 cores
#     SIZES=100 bash bench/run.sh        # 100 MiB only
#
# Environment: BIN (default ./ollama-logreport), CORPUS (default
# ../shared/corpus), SIZES (MiB, default "100 1024"), JOBS (the -j values
# of the scaling table, default 1 2 ... the processors, and twice that),
# SCALE_MB (the scaling table's input, default 100), PYTHON (python3).
#
# What it runs:
#   bench/targets.sh at each size: grep, the Python baseline, --format db,
#   the default run, a small log added (a known host, a new host), a
#   render-only run, the same file fed again; every target as a ratio with
#   PASS/FAIL and the floors of the --format db run (see bench/README.md)
#   --format db -j N on SCALE_MB, for each N in JOBS: wall seconds of
#   ingest and the CPU seconds of its threads (ingest CPU: line of -v)
# bench/ingest.sh measures the ingest stage alone, and that its memory is
# flat in the input size.
set -uo pipefail

CORPUS=${CORPUS:-../shared/corpus}
SIZES=${SIZES:-100 1024}
SCALE_MB=${SCALE_MB:-100}
BIN=${BIN:-./ollama-logreport}
export BIN CORPUS
[ -x "$BIN" ] || { echo "run: build first (no $BIN)" >&2; exit 2; }
[ -d "$CORPUS" ] || { echo "run: no corpus at $CORPUS" >&2; exit 2; }
cores=$(nproc)
JOBS=${JOBS:-$(seq 1 "$cores" | tr '\n' ' ')$(( cores * 2 ))}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/olr-run.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

for size in $SIZES; do
  echo "== bench/targets.sh at $size MiB"
  RESULTS="$tmp/r.$size" SIZE_MB=$size bash "$(dirname "$0")/targets.sh" ||
    { echo "run: targets.sh failed at $size MiB" >&2; exit 2; }
  echo
done

# the targets, the sizes side by side
label() {
  case $1 in
    default/db) echo "default run / --format db (<= 1.5)";;
    db/grep) echo "--format db speed / grep's (>= 0.40)";;
    db/python) echo "--format db speed / Python's (>= 10)";;
    add) echo "add a small log, known host (<= 1 s)";;
    render-loads) echo "render-only: load sequences (0 s)";;
    refeed) echo "same file again / first ingest (<= 0.10)";;
    rss) echo "peak RSS (< 64 MiB)";;
    sizes) echo "report.xlsx / index.html (<= 20 / 5 MB)";;
    floor-db) echo "  floor of --format db here";;
    floor-8) echo "  floor of --format db, 8 cores (estimate)";;
    floor-render) echo "  floor of the renders here";;
    *) echo "  $1";;
  esac
}
echo "== the targets (MiB of logs: $SIZES)"
printf '%-44s' "target"
for size in $SIZES; do printf ' | %-26s' "$size MiB"; done
echo
for k in default/db db/grep db/python add render-loads refeed rss sizes grep python db default floor-db floor-8 floor-render; do
  printf '%-44s' "$(label "$k")"
  for size in $SIZES; do
    v=$(awk -F'\t' -v k="$k" '$1 == k { print $2 ($3 != "-" ? " " $3 : ""); exit }' "$tmp/r.$size")
    printf ' | %-26s' "${v:-}"
  done
  echo
done
echo

# -j: how ingest scales here
echo "== -j N: --format db on $SCALE_MB MiB, this machine's $cores cores"
want=$(( SCALE_MB * 1024 * 1024 ))
cat "$CORPUS"/*.log > "$tmp/chunk"
: > "$tmp/scale.log"
while [ "$(stat -c %s "$tmp/scale.log")" -lt "$want" ]; do cat "$tmp/chunk" >> "$tmp/scale.log"; done
printf '%-4s %8s %8s %8s %10s %10s %8s\n' "-j" "wall s" "ingest" "read" "ordered" "parsers" "write"
for j in $JOBS; do
  rm -rf "$tmp/scale"
  "$BIN" -v -j "$j" "$tmp/scale.log" -o "$tmp/scale" --format db > "$tmp/scale.out" 2>&1 ||
    { echo "run: -j $j failed" >&2; tail -3 "$tmp/scale.out" >&2; exit 2; }
  awk -v j="$j" '
    /^times:/ { ing = $3; wall = $3 + $7 + $10 }
    /^ingest CPU:/ { r = $4; p = $9; w = $NF - 0
      for (i = 1; i <= NF; i++) { if ($i == "write") w = $(i + 1)
        if ($i == "threads:") a = $(i + 1) }
      o = p - a }
    END { printf "%-4s %8.2f %8.2f %8.2f %10.2f %10.2f %8.2f\n", j, wall, ing, r, o, a, w }' "$tmp/scale.out"
done
echo "(wall = ingest + load sequences + analyses; CPU seconds: read = the reader"
echo " thread, ordered = the thread that splits lines, stamps and encodes rows,"
echo " parsers = the -j threads together, write = the SQLite writer)"

#!/bin/sh
# run-capacity.sh - the weekly capacity review (capacity.c) on a synthetic
# fleet: two hosts (gpu-a: one RTX 3090; gpu-b: two Quadro RTX 6000),
# three ISO weeks (2025-W10..W12), written by tests/data/fleet/gen.awk from
# tests/data/fleet/spec.txt. The five tables (capacity_tsv, via capdump)
# must equal tests/golden/capacity/fleet.tsv (whole data) and
# fleet-w11.tsv (--since 2025-03-10 --until 2025-03-17), numbers checked
# by hand against the spec (a few restated below so a golden rewrite
# cannot silently change them). Then every output shows the review: the
# HTML section id="capacity" after the first screen, the report.md
# section, the workbook sheet Capacity right after Summary with its
# header cells; and the examples and the corpus give one without error.
# UPDATE_GOLDEN=1 rewrites the golden files.
. "$(dirname "$0")/setup.sh"

cd "$OLR_SRCDIR" || exit 1
golden=tests/golden/capacity
: "${OLR_CAPDUMP:=$(dirname "$OLR_BIN")/tests/tools/capdump}"

check() {  # name expected actual
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    mkdir -p "$(dirname "$2")" && cp "$3" "$2"; ok
  elif diff -u "$2" "$3" > "$tmp/$1.diff"; then
    ok
  else
    bad "$1 differs from $2:"; head -n 60 "$tmp/$1.diff"
  fi
}

# 1. the fleet: logs, database, every output
mkdir -p "$tmp/fleet" &&
  awk -v out="$tmp/fleet" -f tests/data/fleet/gen.awk tests/data/fleet/spec.txt &&
  [ -s "$tmp/fleet/gpu-a.log" ] && [ -s "$tmp/fleet/gpu-b.log" ] && ok ||
  bad "fleet: gen.awk failed"
"$OLR_BIN" -q "$tmp/fleet"/*.log -o "$tmp/out" 2> "$tmp/err"; rc=$?
[ $rc -eq 0 ] && ok || { bad "fleet: exit status $rc"; cat "$tmp/err"; }

# 2. the five tables, whole and for week 11
"$OLR_CAPDUMP" "$tmp/out/ollama.db" > "$tmp/fleet.tsv" && ok ||
  bad "capdump failed"
check fleet "$golden/fleet.tsv" "$tmp/fleet.tsv"
"$OLR_CAPDUMP" "$tmp/out/ollama.db" 2025-03-10T00:00:00.000Z \
  2025-03-17T00:00:00.000Z > "$tmp/w11.tsv" && ok || bad "capdump window failed"
check fleet-w11 "$golden/fleet-w11.tsv" "$tmp/w11.tsv"

# hand-checked values (see spec.txt)
t="$(printf '\t')"
for want in \
  "gpu-a: RTX 3090 #0${t}RTX 3090${t}24.00 GiB${t}23.50 GiB${t}2025-03-10 09:01:00${t}512.0 MiB${t}5${t}0${t}0" \
  "gpu-b: Quadro RTX 6000 #0${t}Quadro RTX 6000${t}24.00 GiB${t}21.00 GiB${t}2025-03-04 10:00:20${t}3.00 GiB${t}2${t}1${t}1" \
  "gpu-b: Quadro RTX 6000 #1${t}Quadro RTX 6000${t}24.00 GiB${t}12.00 GiB${t}2025-03-18 10:00:10${t}12.00 GiB${t}2${t}0${t}0" \
  "Qwen2.5 32B Instruct${t}partly 40/65 @32768${t}full 65/65 @4096; full 65/65 @32768 (1 OOM)" \
  "Llama 3.1 8B Instruct${t}full 33/33 @8192 ×3${t}full 33/33 @16384" \
  "2025-W10 (from 2025-03-03)${t}3${t}0${t}0${t}4.0 s${t}12.0 s (max)${t}3${t}" \
  "2025-W11 (from 2025-03-10)${t}3 (+0)${t}1 (+1)${t}1 (+1)${t}3.0 s (-1.0 s)${t}20.0 s (max; +8.0 s)${t}2${t}3 (-3)${t}1 (+0)${t}1 (-1)${t}1 (+1)${t}0 (+0)${t}gpu-a: RTX 3090 #0 23.50 GiB (98%)" \
  "2025-03-04${t}/api/generate${t}2${t}200.0 ms${t}8.0 s (max)${t}8.0 s (max)${t}0${t}1${t}2 of 2 (100%)${t}Qwen2.5 32B Instruct (2)" \
  "2025-03-05${t}/api/embed${t}1${t}50.0 ms${t}50.0 ms (max)${t}50.0 ms (max)${t}0${t}0${t}0 of 1 (0%)${t}" \
  "2025-03-11 07:00:00${t}gpu-a${t}restart${t}0.6.2${t}the previous process stopped (no crash logged); version was 0.6.1" \
  "2025-03-17 09:10:05${t}gpu-a${t}restart${t}0.6.2${t}after a crash" \
  "10${t}11"; do
  grep -qF -- "$want" "$tmp/fleet.tsv" && ok || bad "fleet: no row '$want'"
done
# the week-11 window holds week 11 alone
[ "$(grep -c '^2025-W' "$tmp/w11.tsv")" -eq 1 ] &&
  grep -q '^2025-W11' "$tmp/w11.tsv" && ok || bad "window: not week 11 alone"

# 3. the outputs
h=$tmp/out/index.html
v=$(grep -n 'id="verdict"' "$h" | head -n 1 | cut -d: -f1)
c=$(grep -n '<section id="capacity">' "$h" | head -n 1 | cut -d: -f1)
o=$(grep -n 'id="top"' "$h" | sed -n 2p | cut -d: -f1)
[ -n "$v" ] && [ -n "$c" ] && [ "$c" -gt "$v" ] && ok ||
  bad "index.html: no section id=capacity after the first screen"
for k in gpus fit weeks requests service; do
  grep -q "id=\"capacity-$k\"" "$h" && ok || bad "index.html: no capacity-$k"
done
grep -q '<figure id="chart-residency">' "$h" && ok ||
  bad "index.html: no residency chart"
[ -s "$tmp/out/charts/residency.png" ] && ok || bad "no charts/residency.png"
m=$tmp/out/report.md
grep -q '^## Capacity review$' "$m" && ok || bad "report.md: no Capacity review"
[ "$(grep -c '^#### ' "$m")" -eq 5 ] && ok || bad "report.md: not five questions"
if command -v unzip > /dev/null 2>&1; then
  mkdir "$tmp/x" && unzip -q "$tmp/out/report.xlsx" -d "$tmp/x" || bad "report.xlsx: not a zip"
  { cat "$tmp/x/xl/workbook.xml"; echo; } | sed 's/<sheet /\n<sheet /g' |
    sed -n 's/^<sheet name="\([^"]*\)".*/\1/p' | head -n 2 | tr '\n' ' ' > "$tmp/first"
  [ "$(cat "$tmp/first")" = "Summary Capacity " ] && ok ||
    bad "workbook: Capacity is not right after Summary: $(cat "$tmp/first")"
  cells="awk -f $OLR_SRCDIR/tests/tools/xlsx-cells.awk"
  $cells "$tmp/x/xl/styles.xml" "$tmp/x/xl/worksheets/sheet2.xml" > "$tmp/cap.cells"
  for want in "A1${t}str${t}Capacity review" "A5${t}str${t}GPU" \
      "D5${t}str${t}Peak VRAM in use" "F5${t}str${t}Headroom at peak" \
      "A6${t}str${t}gpu-a: RTX 3090 #0" "G6${t}num${t}5" \
      "A12${t}str${t}Model" "A19${t}str${t}Week" "B26${t}str${t}Endpoint" \
      "C41${t}str${t}Event"; do
    grep -qF -- "$want" "$tmp/cap.cells" && ok || bad "Capacity sheet: no cell '$want'"
  done
  grep -q '<pane xSplit="1" ySplit="2"' "$tmp/x/xl/worksheets/sheet2.xml" && ok ||
    bad "Capacity sheet: headers not frozen"
fi

# 4. the examples and the corpus: a review without error
"$OLR_BIN" -q examples/*.log -o "$tmp/ex" 2> "$tmp/ex.err" &&
  grep -q '<section id="capacity">' "$tmp/ex/index.html" &&
  grep -q '^## Capacity review$' "$tmp/ex/report.md" && ok ||
  { bad "examples: no capacity review"; cat "$tmp/ex.err"; }
corpus="$OLR_SRCDIR/../shared/corpus"
if [ -d "$corpus" ]; then
  "$OLR_BIN" -q "$corpus"/*.log -o "$tmp/co" --format db,md 2> "$tmp/co.err" &&
    "$OLR_CAPDUMP" "$tmp/co/ollama.db" > "$tmp/co.tsv" && ok ||
    { bad "corpus: capacity review failed"; cat "$tmp/co.err"; }
  n=$(wc -m < "$tmp/co/report.md")
  [ "$n" -le 65000 ] && grep -q '^## Capacity review$' "$tmp/co/report.md" &&
    ok || bad "corpus report.md: $n characters or no capacity review"
  echo "corpus: report.md $n characters; capacity: $(grep -c . "$tmp/co.tsv") lines"
fi
finish

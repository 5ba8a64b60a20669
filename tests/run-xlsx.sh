#!/bin/sh
# run-xlsx.sh - the XLSX workbook: the examples are ingested and rendered
# with --format xlsx, the file is unzipped and its sheet list, header
# rows and the cells of the Summary and Loads sheets are compared with
# tests/golden/xlsx/ (cells listed by tests/tools/xlsx-cells.awk). Also:
# every table sheet (not Summary, Charts, Capacity) has a frozen header and an autofilter, two renders are
# byte-identical, log text that looks like a formula stays text, text over
# Excel's 32767 characters is cut, an empty window renders, and a write
# error is reported. UPDATE_GOLDEN=1 rewrites the expected files.
. "$(dirname "$0")/setup.sh"

cd "$OLR_SRCDIR" || exit 1
golden=tests/golden/xlsx
cells="awk -f $OLR_SRCDIR/tests/tools/xlsx-cells.awk"

if ! command -v unzip > /dev/null 2>&1; then
  echo "SKIP: unzip not found"; exit 77
fi

check() {  # name expected actual
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    mkdir -p "$(dirname "$2")" && cp "$3" "$2"; ok
  elif diff -u "$2" "$3" > "$tmp/$1.diff"; then
    ok
  else
    bad "$1 differs from $2:"; head -n 60 "$tmp/$1.diff"
  fi
}

# The sheet names of an unzipped workbook, in order.
sheets() {  # dir
  { cat "$1/xl/workbook.xml"; echo; } | sed 's/<sheet /\n<sheet /g' |
    sed -n 's/^<sheet name="\([^"]*\)".*/\1/p'
}

# The worksheet file of a sheet (libxlsxwriter numbers them in order).
sheet_xml() {  # dir name
  n=$(sheets "$1" | grep -n -x -F "$2" | cut -d: -f1)
  echo "$1/xl/worksheets/sheet$n.xml"
}

# Cells of a sheet (see tests/tools/xlsx-cells.awk).
sheet_cells() {  # dir name
  $cells "$1/xl/styles.xml" "$(sheet_xml "$1" "$2")"
}

# 1. the examples: database, then the workbook
"$OLR_BIN" -q examples/*.log -o "$tmp/ex" --format db; rc=$?
[ $rc -eq 0 ] && ok || bad "examples: ingest exit status $rc"
"$OLR_BIN" -q --db "$tmp/ex/ollama.db" -o "$tmp/ex" --format xlsx; rc=$?
[ $rc -eq 0 ] && [ -s "$tmp/ex/report.xlsx" ] && ok ||
  bad "examples: render exit status $rc"
mkdir "$tmp/x1" && unzip -q "$tmp/ex/report.xlsx" -d "$tmp/x1" ||
  bad "examples: report.xlsx is not a zip file"

# 2. sheet list, header rows, Summary and Loads cells
sheets "$tmp/x1" > "$tmp/sheets.txt"
check sheets "$golden/sheets.txt" "$tmp/sheets.txt"
while read -r name; do
  [ ${#name} -le 31 ] || bad "sheet name over 31 characters: $name"
  [ "$name" = Summary ] || [ "$name" = Charts ] && continue
  sheet_cells "$tmp/x1" "$name" | awk -v s="$name" -F '\t' \
    '$1 ~ /^[A-Z]+[12]$/ { print s "\t" $0 }'
done < "$tmp/sheets.txt" > "$tmp/headers.txt"
check headers "$golden/headers.txt" "$tmp/headers.txt"
sheet_cells "$tmp/x1" Summary |
  sed 's/^\(B[0-9]*	str	ollama-logreport \).*/\1VERSION/' > "$tmp/summary.txt"
check summary "$golden/summary.txt" "$tmp/summary.txt"
sheet_cells "$tmp/x1" Loads > "$tmp/loads.txt"
check loads "$golden/loads.txt" "$tmp/loads.txt"
sheet_cells "$tmp/x1" Models > "$tmp/models.txt"
check models "$golden/models.txt" "$tmp/models.txt"

# 3. every table sheet: header row frozen, autofilter, fitted widths
n=0
while read -r name; do
  n=$((n + 1))
  # Capacity: blocks of tables (run-capacity.sh checks it)
  [ "$name" = Summary ] || [ "$name" = Charts ] || [ "$name" = Capacity ] &&
    continue
  x="$tmp/x1/xl/worksheets/sheet$n.xml"
  # a sheet that starts with a note on its rows has its header on row 2
  h=1
  sheet_cells "$tmp/x1" "$name" | grep -q '^A1	str	.* rows.*table .* of the database' &&
    h=2
  grep -q "<pane ySplit=\"$h\" topLeftCell=\"A$((h + 1))\" activePane=\"bottomLeft\" state=\"frozen\"/>" "$x" ||
    bad "$name: header row not frozen"
  grep -q "<autoFilter ref=\"A$h:" "$x" || bad "$name: no autofilter"
  grep -q '<col min="1" max="1" width=' "$x" || bad "$name: no column widths"
done < "$tmp/sheets.txt"
ok
grep -q 'formatCode="0.00 &quot;GiB&quot;"' "$tmp/x1/xl/styles.xml" &&
  grep -q 'formatCode="yyyy-mm-dd hh:mm:ss.000"' "$tmp/x1/xl/styles.xml" &&
  ok || bad "GiB or date-time number format missing"
[ "$(ls "$tmp/x1/xl/charts" | wc -l)" -eq 2 ] && ok ||
  bad "expected 2 charts, found: $(ls "$tmp/x1/xl/charts" 2>&1)"
grep -qF "<c:f>Loads!\$G\$2:\$G\$10</c:f>" "$tmp/x1/xl/charts/chart1.xml" &&
  ok || bad "load time chart does not read Loads!G2:G10"
grep -qF "<c:f>'Estimate vs actual'!\$F\$2:\$F\$" "$tmp/x1/xl/charts/chart2.xml" &&
  ok || bad "memory chart does not read the estimate column"

# 4. reproducible: a second render (later) is byte-identical
sleep 2
"$OLR_BIN" -q --db "$tmp/ex/ollama.db" -o "$tmp/ex2" --format xlsx; rc=$?
[ $rc -eq 0 ] && ok || bad "second render: exit status $rc"
cmp -s "$tmp/ex/report.xlsx" "$tmp/ex2/report.xlsx" && ok ||
  bad "two renders of the same database differ"
grep -q '<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z' \
  "$tmp/x1/docProps/core.xml" && ok ||
  bad "docProps/core.xml: created is not SOURCE_DATE_EPOCH"

# 5. log text that looks like a formula stays text; long text is cut
long=$(awk 'BEGIN { while (n++ < 40000) printf "x" }')
sed -e 's/\(general\.name[^=]*= \).*/\1=HYPERLINK("http:\/\/x","y")/' \
    -e 's/\(general\.finetune[^=]*= \).*/\1+1+2/' \
    -e 's/\(general\.basename[^=]*= \).*/\1-3+4/' \
    -e 's/\(general\.size_label[^=]*= \).*/\1@SUM(1,2)/' \
    -e "s/\\(general\\.license[^=]*= \\).*/\\1$long/" \
    examples/ollama-0.3.14-linux-cuda.log > "$tmp/evil.log"
"$OLR_BIN" -q "$tmp/evil.log" -o "$tmp/evil" --format db,xlsx; rc=$?
[ $rc -eq 0 ] && ok || bad "formula fixture: exit status $rc"
mkdir "$tmp/x2" && unzip -q "$tmp/evil/report.xlsx" -d "$tmp/x2" ||
  bad "formula fixture: report.xlsx is not a zip file"
if grep -l '<f[ >]' "$tmp/x2/xl/worksheets/"*.xml > "$tmp/f.txt"; then
  bad "formula cells in: $(cat "$tmp/f.txt")"
else ok; fi
for x in "$tmp/x2/xl/worksheets/"sheet*.xml; do
  $cells "$tmp/x2/xl/styles.xml" "$x"
done > "$tmp/evil-cells.txt"
grep -F '=HYPERLINK("http://x","y")' "$tmp/evil-cells.txt" > "$tmp/hl.txt"
[ -s "$tmp/hl.txt" ] && ok || bad "=HYPERLINK text not found in any cell"
awk -F '\t' '$2 != "str"' "$tmp/hl.txt" | grep . && bad "=HYPERLINK not text" || ok
for v in '+1+2' '-3+4' '@SUM(1,2)'; do
  awk -F '\t' -v v="$v" '$3 == v && $2 == "str" { f = 1 } END { exit !f }' \
    "$tmp/evil-cells.txt" && ok || bad "$v not written as a text cell"
done
# (the mark's ellipsis is one character of three bytes: 32769 bytes)
awk -F '\t' '$3 ~ /^x+ \342\200\246 \[cut: 40000 bytes in all, whole in the database\]$/ { print length($3) }' \
  "$tmp/evil-cells.txt" | sort -u > "$tmp/long.txt"
[ "$(cat "$tmp/long.txt")" = 32769 ] && ok ||
  bad "text over 32767 characters not cut to 32767: $(cat "$tmp/long.txt")"

# 6. an empty time window still renders, without charts
"$OLR_BIN" -q --db "$tmp/ex/ollama.db" -o "$tmp/empty" --format xlsx \
  --since 2099-01-01; rc=$?
[ $rc -eq 0 ] && ok || bad "empty window: exit status $rc"
mkdir "$tmp/x3" && unzip -q "$tmp/empty/report.xlsx" -d "$tmp/x3" &&
  [ ! -d "$tmp/x3/xl/charts" ] && ok || bad "empty window: charts drawn"
sheet_cells "$tmp/x3" Loads | grep -q '^A2	str	No rows\.$' && ok ||
  bad "empty window: no 'No rows.' note on Loads"

# 7. a write error is reported with the path, exit status non-zero
mkdir -p "$tmp/werr/report.xlsx"
"$OLR_BIN" -q --db "$tmp/ex/ollama.db" -o "$tmp/werr" --format xlsx \
  2> "$tmp/werr.txt"; rc=$?
[ $rc -ne 0 ] && grep -q 'report.xlsx' "$tmp/werr.txt" && ok ||
  bad "write error: exit status $rc, stderr: $(cat "$tmp/werr.txt")"

# 8. a workbook for people: a per-line sheet shows its first 1000 rows and
#    says so on top; an alert's load links to its row of the Loads sheet
{
  printf 'time=2025-03-01T10:00:00.000Z level=INFO source=server.go:1 msg="starting llama server" cmd="/x/ollama_llama_server --model /m/blobs/sha256-%s --ctx-size 2048 --port 1"\n' \
    "$(printf '7%.0s' $(seq 64))"
  awk 'BEGIN { for (i = 0; i < 5100; i++)
    printf "llama_model_loader: - kv %3d: general.k%d str = v%d\n", i, i, i }'
  printf 'time=2025-03-01T10:00:09.000Z level=ERROR source=sched.go:1 msg="error loading llama server" error="llama runner process has terminated: cudaMalloc failed: out of memory"\n'
} > "$tmp/many.log"
"$OLR_BIN" -q "$tmp/many.log" -o "$tmp/many" --format db,xlsx; rc=$?
[ $rc -eq 0 ] && ok || bad "many rows: exit status $rc"
mkdir "$tmp/x4" && unzip -q "$tmp/many/report.xlsx" -d "$tmp/x4" ||
  bad "many rows: report.xlsx is not a zip file"
sheet_cells "$tmp/x4" model_metadata > "$tmp/meta.txt"
grep -qx 'A1	str	The first 1000 of 5100 rows: all are in table model_metadata of the database (ollama.db).' \
  "$tmp/meta.txt" && ok || bad "many rows: no note on top: $(head -1 "$tmp/meta.txt")"
[ "$(cut -f1 "$tmp/meta.txt" | grep -c '^A')" -eq 1002 ] && ok ||
  bad "many rows: model_metadata does not show note + header + 1000 rows"
grep -q '^B1002	num	1001	' "$tmp/meta.txt" && ok ||
  bad "many rows: the last row shown is not line 1001 (the 1000th kv line)"
grep -q '<hyperlink ref="C[0-9]*" location="Loads!A2"' \
  "$tmp/x4/xl/worksheets/sheet1.xml" && ok ||
  bad "many rows: the alert of load 1 does not link to Loads!A2"

finish

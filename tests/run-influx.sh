#!/bin/sh
# run-influx.sh - an InfluxDB CSV export of a log gives the same answers as
# the log itself: the same loads (start and end line, outcome, reported
# seconds, model) and the same rows per category table. The exports are
# made by tests/tools/log2influx from the example logs and, when it is
# there, from every log of ../shared/corpus, in each shape: 2.x annotated
# with several tables out of log order, raw (no annotations), 1.x with
# epoch-nanosecond and RFC 3339 times, gzip-compressed, equal times. Each
# export is named like its log, so the file column compares too; the same
# database on 1 and 3 parser threads (-j). Then the bad exports, with their
# exact messages.
. "$(dirname "$0")/setup.sh"
log2influx=$(dirname "$OLR_DBDUMP")/log2influx

# answers DB NAME: loads and row counts of DB into $tmp/NAME.*
answers() {
  "$OLR_DBDUMP" --loads "$1" | sed 1d | sort > "$tmp/$2.loads"
  "$OLR_DBDUMP" --counts "$1" | sed 1d | sort > "$tmp/$2.counts"
}

# ingest NAME FILE...: one database of FILE..., its answers as NAME
ingest() {
  name=$1; shift
  rm -f "$tmp/$name.db"
  "$OLR_BIN" -q "$@" --db "$tmp/$name.db" 2> "$tmp/$name.err"; rc=$?
  if [ $rc -ne 0 ] || [ -s "$tmp/$name.err" ]; then
    bad "$name: exit $rc: $(head -c 300 "$tmp/$name.err")"
  fi
  answers "$tmp/$name.db" "$name"
}

# exports NAME [log2influx options] -- LOG...: $tmp/NAME/<log name>
exports() {
  name=$1; shift
  opts=
  while [ "$1" != -- ]; do opts="$opts $1"; shift; done
  shift
  mkdir -p "$tmp/$name"
  for f in "$@"; do
    # shellcheck disable=SC2086
    "$log2influx" $opts "$f" > "$tmp/$name/$(basename "$f")" ||
      bad "$name: log2influx $opts $f failed"
  done
}

# same REF NAME [what]: NAME's answers equal REF's
same() {
  for k in loads ${3:-counts}; do
    if diff -u "$tmp/$1.$k" "$tmp/$2.$k" > "$tmp/diff"; then ok; else
      bad "$2: $k differ from the log's:"
      head -n 20 "$tmp/diff"
    fi
  done
}

cd "$OLR_SRCDIR/examples" || exit 1
set -- *.log
ingest ex-log "$@"
[ -s "$tmp/ex-log.loads" ] && ok || bad "no loads in the example logs"

# every shape, several tables out of log order
for shape in v2 raw v1 v1-rfc; do
  exports "ex-$shape" --shape "$shape" -- "$@"
  (cd "$tmp/ex-$shape" && ingest "ex-$shape" "$@")
  answers "$tmp/ex-$shape.db" "ex-$shape"
  same ex-log "ex-$shape"
done

# -j: an export parsed on 3 threads, in batches of 3 records, gives the
# same database, CSV line map included, as on one
(cd "$tmp/ex-v2" && "$OLR_BIN" -q -j 1 "$@" --db "$tmp/ex-j1.db" &&
  OLR_BATCH_RECORDS=3 "$OLR_BIN" -q -j 3 "$@" --db "$tmp/ex-j3.db") ||
  bad "ex-v2 -j: exit $?"
"$OLR_DBDUMP" "$tmp/ex-j1.db" > "$tmp/ex-j1.dump"
"$OLR_DBDUMP" "$tmp/ex-j3.db" > "$tmp/ex-j3.dump"
grep -q '^## csv_records' "$tmp/ex-j1.dump" &&
  cmp -s "$tmp/ex-j1.dump" "$tmp/ex-j3.dump" && ok ||
  bad "ex-v2: -j 3 gives another database than -j 1"

# evidence stays traceable: each stored line of an export maps to the CSV
# line of its record, and that CSV line holds the same text
f=$1
sqlite_ok=1
"$OLR_DBDUMP" "$tmp/ex-v2.db" > "$tmp/v2.dump" || sqlite_ok=0
awk -F'\t' '$1 == "## csv_records" { on = 1; next } /^## / { on = 0 }
  on && $1 == 1 && $2 ~ /^[0-9]+$/ { print $2, $3 }' "$tmp/v2.dump" \
  > "$tmp/map.txt"
n=$(wc -l < "$tmp/map.txt")
[ "$sqlite_ok" = 1 ] && [ "$n" -eq "$(wc -l < "$f")" ] && ok ||
  bad "csv_records: $n rows for the $(wc -l < "$f") lines of $f"
# the line a load starts on: same text in the log and at its CSV line
start=$(awk -F'\t' '$1 == "'"$f"'" && $2 != "" { print $2; exit }' \
  "$tmp/ex-v2.loads")
csvl=$(awk -v l="$start" '$1 == l { print $2 }' "$tmp/map.txt")
want=$(sed -n "${start}p" "$f" | sed 's/.*msg="\([^"]*\)".*/\1/')
if [ -n "$csvl" ] && sed -n "${csvl}p" "$tmp/ex-v2/$f" | grep -qF "$want"; then
  ok
else
  bad "csv_records: line $start of $f ($want) is not at CSV line '$csvl'"
fi

# equal times: points keep their record order
exports ex-eq --shape v2 --tables 1 --equal-times -- "$@"
(cd "$tmp/ex-eq" && ingest ex-eq "$@")
answers "$tmp/ex-eq.db" ex-eq
same ex-log ex-eq
exports ex-eq1 --shape v1 --tables 1 --equal-times -- "$@"
(cd "$tmp/ex-eq1" && ingest ex-eq1 "$@")
answers "$tmp/ex-eq1.db" ex-eq1
same ex-log ex-eq1
# influx -precision ms: 13-digit epoch times are milliseconds
exports ex-ms --shape v1-ms --tables 1 --equal-times -- "$@"
grep -qE '^[a-z_]+,[^,]*,[0-9]{13},' "$tmp/ex-ms/$1" && ok ||
  bad "ex-ms: no 13-digit times in $tmp/ex-ms/$1"
(cd "$tmp/ex-ms" && ingest ex-ms "$@")
answers "$tmp/ex-ms.db" ex-ms
same ex-log ex-ms

# the line in field "value" (tail's data_format = "value"), in a 2.x
# _field and a 1.x column; a field of another name with --influx-field
exports ex-val2 --shape v2 --field value -- "$@"
(cd "$tmp/ex-val2" && ingest ex-val2 "$@")
answers "$tmp/ex-val2.db" ex-val2
same ex-log ex-val2
exports ex-val1 --shape v1 --field value -- "$@"
(cd "$tmp/ex-val1" && ingest ex-val1 "$@")
answers "$tmp/ex-val1.db" ex-val1
same ex-log ex-val1
exports ex-named --shape raw --field line -- "$@"
(cd "$tmp/ex-named" && ingest ex-named --influx-field line "$@")
answers "$tmp/ex-named.db" ex-named
same ex-log ex-named

# gzip-compressed exports
mkdir -p "$tmp/ex-gz"
for f in "$@"; do gzip -c "$tmp/ex-v2/$f" > "$tmp/ex-gz/$f"; done
(cd "$tmp/ex-gz" && ingest ex-gz "$@")
answers "$tmp/ex-gz.db" ex-gz
same ex-log ex-gz

# sources: the format, and the host from the host tag unless the line
# has its own (a journal prefix)
"$OLR_DBDUMP" "$tmp/ex-v1.db" | awk -F '\t' '
  /^## / { t = substr($0, 4); next }
  t == "sources" && $1 != "id" { print $4, $3 }' | sort -u > "$tmp/src"
printf 'influx-csv lab-ws07\ninflux-csv testhost\n' > "$tmp/src-exp"
if cmp -s "$tmp/src-exp" "$tmp/src"; then ok; else
  bad "sources of 1.x exports: $(cat "$tmp/src")"; fi
# --input-format log reads an export as a log
f=ollama-0.13.5-two-gpu.log
"$OLR_BIN" -q --input-format log "$tmp/ex-v2/$f" --db "$tmp/forced.db" \
  2> "$tmp/err" && [ ! -s "$tmp/err" ] &&
  "$OLR_DBDUMP" "$tmp/forced.db" | grep -q "	log	" && ok ||
  bad "--input-format log: $(cat "$tmp/err")"
# an export after an empty line is still recognised
{ echo; cat "$tmp/ex-v1/$f"; } > "$tmp/blank-first.csv"
"$OLR_BIN" -q "$tmp/blank-first.csv" --db "$tmp/blank.db" 2> "$tmp/err" &&
  "$OLR_DBDUMP" "$tmp/blank.db" | grep -q "	influx-csv	" && ok ||
  bad "export after an empty line: $(cat "$tmp/err")"

# bad exports: one line naming the file and the CSV line, exit 1
cd "$tmp" || exit 1
good=ex-v2/$f
printf ',result,table,_time,_field,_measurement\n,,0,2024-01-01T00:00:00Z,x,tail\n' > nofield.csv
printf 'name,tags,message\ntail,,hello\n' > notime.csv
printf 'name,tags,time,message\ntail,,yesterday,hello\n' > badtime.csv
{ head -n 20 "$good"; printf ',,0,2020-01-01T00:00:00Z\n'; } > columns.csv
n=$(grep -n ',"time=' "$good" | head -n 1 | cut -d: -f1)
{ head -n $((n - 1)) "$good"; sed -n "${n}p" "$good" | cut -c1-150 |
  tr -d '\n'; } > unterminated.csv
{ head -n 40 "$good"; sed -n 41p "$good" | cut -c1-150 | tr -d '\n'; } \
  > truncated.csv
gzip -c "$good" | head -c 5000 > truncated.csv.gz

check() {   # check EXPECTED-STDERR ARGS...
  exp=$1; shift
  "$OLR_BIN" -q "$@" --db bad.db 2> err; rc=$?
  if [ $rc -eq 1 ] && [ "$(cat err)" = "$exp" ]; then ok; else
    bad "$*: exit $rc, stderr: $(cat err)"; echo "  expected: $exp"; fi
}
p=ollama-logreport
check "$p: nofield.csv:1: no log-line field in the table header (no message or value column, no _value column); name it with --influx-field" nofield.csv
check "$p: notime.csv:1: no time column (_time or time) in the table header" \
  --input-format influx-csv notime.csv
check "$p: badtime.csv:2: time 'yesterday' is not a time (RFC 3339 or epoch nanoseconds)" badtime.csv
check "$p: columns.csv:21: record has 4 fields, the table header has 12 (the 16 points before it were read)" columns.csv
check "$p: unterminated.csv:$n: unterminated quoted field (the file ends inside it)" unterminated.csv
check "$p: truncated.csv:41: the file ends inside a record (7 of 12 fields) (the 36 points before it were read)" truncated.csv
check "$p: $good: no point of field 'nope' in the export" --influx-field nope "$good"
"$OLR_BIN" -q truncated.csv.gz --db bad.db 2> err; rc=$?
if [ $rc -eq 1 ] && grep -q "^$p: truncated.csv.gz: truncated gzip data: .* (the [0-9]* points before it were read)$" err
then ok; else bad "truncated.csv.gz: exit $rc: $(cat err)"; fi
# the other inputs are still read
rm -f both.db
"$OLR_BIN" -q nofield.csv "$good" --db both.db 2> err; rc=$?
loads=$("$OLR_DBDUMP" --loads both.db | sed 1d | wc -l)
if [ $rc -eq 1 ] && [ "$(wc -l < err)" -eq 1 ] && [ "$loads" -gt 0 ]; then
  ok; else bad "bad and good export: exit $rc, $loads loads: $(cat err)"; fi
"$OLR_BIN" --input-format xml "$good" --db bad.db 2> err; rc=$?
if [ $rc -eq 2 ] && grep -q "expected log or influx-csv" err; then ok; else
  bad "--input-format xml: exit $rc"; fi

# the corpus: 2.x and 1.x exports of every log give its loads and counts
corpus="$OLR_SRCDIR/../shared/corpus"
if [ -d "$corpus" ]; then
  cd "$corpus" || exit 1
  set -- *.log
  ingest co-log "$@"
  for shape in v2 v1; do
    exports "co-$shape" --shape "$shape" -- "$@"
    (cd "$tmp/co-$shape" && ingest "co-$shape" "$@")
    answers "$tmp/co-$shape.db" "co-$shape"
    same co-log "co-$shape"
  done
else
  echo "no corpus at $corpus: corpus exports not checked"
fi
finish

#!/bin/sh
# run-shapes.sh - a log gives the same answers however Windows or a wrapper
# delivered it. Each example log is reshaped by tests/tools/reshape: to
# UTF-16LE with a BOM (PowerShell 5.1), UTF-16BE without one, hard-wrapped
# at 80 and at 120 code points (wrapped records then start on other
# physical lines: the expected start and end lines are mapped), behind
# three wrapper prefixes (one with a time), and PowerShell's whole shape
# (UTF-16LE, wrapped at 120). Each must give the loads (start and end
# line, outcome, reported seconds, model) and the rows per table of the
# original, and line_stats must say what was done. Then the fixtures of
# tests/data/shapes/.
. "$(dirname "$0")/setup.sh"
reshape=$(dirname "$OLR_DBDUMP")/reshape

# answers DB NAME: loads and row counts of DB into $tmp/NAME.*
answers() {
  "$OLR_DBDUMP" --loads "$1" | sed 1d | sort > "$tmp/$2.loads"
  "$OLR_DBDUMP" --counts "$1" | sed 1d | sort > "$tmp/$2.counts"
}

# ingest NAME DIR: one database of DIR/*.log, its answers as NAME
ingest() {
  rm -f "$tmp/$1.db"
  (cd "$2" && "$OLR_BIN" -q ./*.log --db "$tmp/$1.db") 2> "$tmp/$1.err"
  rc=$?
  if [ $rc -ne 0 ] || [ -s "$tmp/$1.err" ]; then
    bad "$1: exit $rc: $(head -c 300 "$tmp/$1.err")"
  fi
  answers "$tmp/$1.db" "$1"
}

# same REF NAME: NAME's answers equal REF's
same() {
  for k in loads counts; do
    if diff -u "$tmp/$1.$k" "$tmp/$2.$k" > "$tmp/diff"; then ok; else
      bad "$2: $k differ from the log's:"
      head -n 20 "$tmp/diff"
    fi
  done
}

# stats NAME: "encoding wrap_width rejoined>0 prefix_shape prefixed>0" per
# source, sorted
stats() {
  "$OLR_DBDUMP" "$tmp/$1.db" | awk -F'\t' '
    /^## / { t = substr($0, 4); next }
    t == "line_stats" && $1 != "source_id" {
      print $10, $11, ($12 > 0), $13, ($14 > 0) }' | sort -u
}

# reshape NAME [reshape options]: $tmp/NAME/*.log and $tmp/NAME/*.map,
# from the logs in $logs
logs=$OLR_SRCDIR/examples
shape() {
  name=$1; shift
  mkdir -p "$tmp/$name"
  for f in "$logs"/*.log; do
    b=$(basename "$f")
    "$reshape" "$@" --map "$tmp/$name/${b%.log}.map" "$f" \
      > "$tmp/$name/$b" || bad "$name: reshape $* $f failed"
  done
}

# mapped NAME [REF]: the loads of REF (ex) with their lines mapped through
# the maps of NAME (the physical line each original line starts on)
mapped() {
  ref=${2:-ex}
  for m in "$tmp/$1"/*.map; do
    b=$(basename "$m" .map).log
    awk -F'\t' -v OFS='\t' -v f="$b" '
      NR == FNR { phys[$1] = $2; next }
      $1 == f { if ($2 != "") $2 = phys[$2]; if ($3 != "") $3 = phys[$3] }
      $1 == f' "$m" "$tmp/$ref.loads"
  done | sort > "$tmp/$1.want.loads"
  cp "$tmp/$ref.counts" "$tmp/$1.want.counts"
}

ingest ex "$OLR_SRCDIR/examples"
n=$(wc -l < "$tmp/ex.loads")
[ "$n" -eq 9 ] && ok || bad "only $n loads in the example logs"

# encodings: same lines, same answers
shape le --utf16le-bom
ingest le "$tmp/le"
same ex le
[ "$(stats le)" = "utf-16le 0 0 NULL 0" ] && ok || bad "le: stats $(stats le)"
shape be --utf16be
ingest be "$tmp/be"
same ex be
[ "$(stats be)" = "utf-16be 0 0 NULL 0" ] && ok || bad "be: stats $(stats be)"

# wrap widths: records rejoined, loads on the mapped lines
for w in 80 120; do
  shape w$w --wrap $w
  ingest w$w "$tmp/w$w"
  mapped w$w
  same w$w.want w$w
  [ "$(stats w$w)" = "utf-8 $w 1 NULL 0" ] && ok || bad "w$w: stats $(stats w$w)"
  # the physical lines are all there: lines_total + lines_rejoined
  phys=$(cat "$tmp/w$w"/*.log | wc -l)
  sum=$("$OLR_DBDUMP" "$tmp/w$w.db" | awk -F'\t' '/^## / { t = $0; next }
    t == "## line_stats" && $1 != "source_id" { s += $2 + $12 }
    END { print s }')
  [ "$phys" = "$sum" ] && ok || bad "w$w: $sum lines counted of $phys"
done

# wrapper prefixes
shape ts --prefix ts
ingest ts "$tmp/ts"
same ex ts
[ "$(stats ts)" = "utf-8 0 0 [9999-99-99 99:99:99] [aaaaaa]  1" ] && ok ||
  bad "ts: stats $(stats ts)"
shape pm2 --prefix pm2
ingest pm2 "$tmp/pm2"
same ex pm2
[ "$(stats pm2)" = "utf-8 0 0 9|aaaaaa  |  1" ] && ok ||
  bad "pm2: stats $(stats pm2)"
shape kubectl --prefix kubectl
ingest kubectl "$tmp/kubectl"
same ex kubectl
[ "$(stats kubectl)" = "utf-8 0 0 [aaa/aaaaaa-9/aaaaaa]  1" ] && ok ||
  bad "kubectl: stats $(stats kubectl)"
shape sup --prefix supervisor
ingest sup "$tmp/sup"
same ex sup

# all at once: a prefix, wrapped at 120, in UTF-16LE
shape ps --prefix ts --wrap 120 --utf16le-bom
ingest ps "$tmp/ps"
mapped ps
same ps.want ps
[ "$(stats ps)" = "utf-16le 120 1 [9999-99-99 99:99:99] [aaaaaa]  1" ] &&
  ok || bad "ps: stats $(stats ps)"

# the fixtures: exact loads, the probes (no --model, however the cmd was
# cut) told from the load, and what line_stats says
fx=$OLR_SRCDIR/tests/data/shapes
rm -f "$tmp/fx.db"
(cd "$fx" && "$OLR_BIN" -q ./*.log --db "$tmp/fx.db") 2> "$tmp/fx.err" &&
  [ ! -s "$tmp/fx.err" ] && ok || bad "fixtures: $(cat "$tmp/fx.err")"
"$OLR_DBDUMP" --loads "$tmp/fx.db" > "$tmp/fx.loads"
if diff -u "$fx/expected-loads.tsv" "$tmp/fx.loads" > "$tmp/diff"; then ok
else bad "fixtures: loads differ:"; cat "$tmp/diff"; fi
"$OLR_DBDUMP" "$tmp/fx.db" | awk -F'\t' -v OFS='\t' '
  /^## / { t = substr($0, 4); next }
  t == "runners" && $1 == "id" { for (i = 1; i <= NF; i++) c[$i] = i; next }
  t == "runners" && $c["is_probe"] != "NULL" {
    print "runner", $c["source_id"], $c["line"], $c["is_probe"] }
  t == "line_stats" && $1 != "source_id" { print "stats", $0 }' |
  sort > "$tmp/fx.facts"
cat > "$tmp/fx.want" <<'END'
runner	1	5	1
runner	1	8	1
runner	1	9	0
runner	2	14	1
runner	2	21	1
runner	2	24	0
runner	3	11	1
runner	3	22	1
runner	3	26	0
runner	4	5	1
runner	4	8	1
runner	4	9	0
stats	1	17	0	14	3	0	0	0	17	utf-8	0	0	NULL	0
stats	2	23	1	14	8	0	0	0	38	utf-16le	120	15	NULL	1
stats	3	17	0	14	3	0	0	0	0	utf-8	80	30	NULL	0
stats	4	17	0	14	3	0	0	0	0	utf-8	0	0	[9999-99-99 99:99:99] [aaaaaa] 	17
END
sort -o "$tmp/fx.want" "$tmp/fx.want"
if diff -u "$tmp/fx.want" "$tmp/fx.facts" > "$tmp/diff"; then ok
else bad "fixtures: runners or line_stats differ:"; cat "$tmp/diff"; fi
# the wrapper's local time is the llama.cpp lines' own (not inherited):
# 10:00:20 at +01:00
"$OLR_DBDUMP" "$tmp/fx.db" | awk -F'\t' '
  /^## / { t = substr($0, 4); next }
  t == "tensor_loads" && $1 == "id" { for (i = 1; i <= NF; i++) c[$i] = i; next }
  t == "tensor_loads" && $c["source_id"] == 4 {
    print $c["line"], $c["ts"], $c["ts_inherited"] }' > "$tmp/fx.ts"
[ "$(cat "$tmp/fx.ts")" = "15 2026-01-20T09:00:20.000Z 0" ] && ok ||
  bad "fixtures: prefix time: $(cat "$tmp/fx.ts")"

# the corpus, when it is there: every log in every shape (a prefix, a
# wrap, UTF-16) gives its loads and row counts
corpus="$OLR_SRCDIR/../shared/corpus"
if [ -d "$corpus" ]; then
  logs=$corpus
  ingest co "$corpus"
  for s in "le --utf16le-bom" "be --utf16be" "w80 --wrap 80" \
      "w120 --wrap 120" "ts --prefix ts" "pm2 --prefix pm2" \
      "kubectl --prefix kubectl" "sup --prefix supervisor" \
      "ps --prefix ts --wrap 120 --utf16le-bom"; do
    # shellcheck disable=SC2086
    shape co-$s
    name=co-${s%% *}
    ingest "$name" "$tmp/$name"
    mapped "$name" co
    same "$name.want" "$name"
  done
else
  echo "no corpus at $corpus: corpus shapes not checked"
fi

finish

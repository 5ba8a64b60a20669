#!/bin/sh
# run-feed.sh - a database fed the way people feed it counts everything once
# (see "INPUTS FED AGAIN" in ollama-logreport(1)):
#  1. a log that grew since the last run (cut inside a load): only its new
#     lines are parsed, they continue its source, the open load is
#     completed; the database then holds the rows of one run on the whole
#  2. the same file again, and its gzip copy (a rotation): nothing added
#  3. a rotation: server.log read, renamed server-1.log, a new server.log
#  4. a known part that ends inside a line is not continued (new source)
#  5. journal exports that overlap (journalctl --since, every week): the
#     second's records already known are skipped, the rest continue the
#     first's source: the rows of one run on the whole
#  6. the synthetic fleet (two hosts, three weeks, tests/data/fleet) fed as
#     people do: host a as two overlapping exports, host b as a log that
#     grew and then its gzipped rotation: the rows of one run on the
#     whole, and the same capacity review (capdump)
#  7. the analyses are made for the sources a run adds (and those whose
#     model names it changes), the others kept: the examples, then the
#     corpus (when present), added a log at a time, give the alerts,
#     release audit, estimates and model summary of one run on all
#  8. -j: the database is the same whatever the number of parser threads
#     (batches of 3 records, so that many are out at once)
. "$(dirname "$0")/setup.sh"

cd "$OLR_SRCDIR" || exit 1
log=examples/ollama-0.3.14-linux-cuda.log

# the rows of a database, without what differs by feeding order alone
# (load ids, and the rows that name them are compared via the loads)
rows() {
  "$OLR_DBDUMP" --counts "$1" | sed 's/^[^	]*	/FILE	/' | sort
  "$OLR_DBDUMP" --loads "$1" | sed 's/^[^	]*	/FILE	/'
}

# one run on the whole log
mkdir "$tmp/whole"
cp "$log" "$tmp/whole/server.log"
"$OLR_BIN" -q "$tmp/whole/server.log" --db "$tmp/whole.db" || bad "whole: exit $?"
rows "$tmp/whole.db" > "$tmp/whole.rows"

# 1. the first 120 lines (inside the first load), then the whole
mkdir "$tmp/g"
head -n 120 "$log" > "$tmp/g/server.log"
"$OLR_BIN" "$tmp/g/server.log" --db "$tmp/g.db" > "$tmp/g1.out" 2>&1 ||
  bad "grown, first part: exit $?"
"$OLR_DBDUMP" --loads "$tmp/g.db" | grep -q '	14	120	incomplete	' && ok ||
  bad "grown: the cut load is not incomplete after the first part"
cp "$log" "$tmp/g/server.log"
"$OLR_BIN" "$tmp/g/server.log" --db "$tmp/g.db" > "$tmp/g2.out" 2>&1 ||
  bad "grown: exit $?"
grep -q "^$tmp/g/server.log: grew: 159 records new, 120 already known (source 1); new part: 159 lines:" \
  "$tmp/g2.out" && ok || bad "grown: $(cat "$tmp/g2.out")"
rows "$tmp/g.db" > "$tmp/g.rows"
if diff -u "$tmp/whole.rows" "$tmp/g.rows" > "$tmp/diff"; then ok
else bad "grown: the database differs from one run on the whole:"; cat "$tmp/diff"; fi
"$OLR_DBDUMP" "$tmp/g.db" | awk -F'\t' '/^## sources/ { s = 1; next }
  /^## / { s = 0 } s && $1 == 1 { print $5, $7 }' > "$tmp/src.txt"
[ "$(cat "$tmp/src.txt")" = "$(wc -c < "$log" | tr -d ' ') 279" ] && ok ||
  bad "grown: source 1 size and line count: $(cat "$tmp/src.txt")"

# 2. the same file again, and its gzip copy: known, nothing parsed or added
"$OLR_BIN" "$tmp/g/server.log" --db "$tmp/g.db" > "$tmp/g3.out" 2>&1 ||
  bad "again: exit $?"
grep -qx "$tmp/g/server.log: already in the database (source 1), skipped: 0 records new, 279 already known" \
  "$tmp/g3.out" && ok || bad "again: $(cat "$tmp/g3.out")"
gzip -c "$log" > "$tmp/g/server-1.log.gz"
"$OLR_BIN" -q "$tmp/g/server-1.log.gz" --db "$tmp/g.db" || bad "gz: exit $?"
rows "$tmp/g.db" > "$tmp/g2.rows"
cmp -s "$tmp/whole.rows" "$tmp/g2.rows" && ok ||
  bad "again: rows were added by a file already read"

# 3. rotation: server.log read; it becomes server-1.log and a new
#    server.log starts; both fed: the old one is known, the new one new
mkdir "$tmp/r"
cp "$log" "$tmp/r/server.log"
"$OLR_BIN" -q "$tmp/r/server.log" --db "$tmp/r.db" || bad "rotation: exit $?"
mv "$tmp/r/server.log" "$tmp/r/server-1.log"
cp examples/ollama-0.12.6-windows.log "$tmp/r/server.log"
"$OLR_BIN" "$tmp/r/server-1.log" "$tmp/r/server.log" --db "$tmp/r.db" \
  > "$tmp/r.out" 2>&1 || bad "rotation: exit $?"
grep -q "^$tmp/r/server-1.log: already in the database (source 1)" "$tmp/r.out" &&
  grep -q "^$tmp/r/server.log: 255 lines" "$tmp/r.out" && ok ||
  bad "rotation: $(cat "$tmp/r.out")"
[ "$("$OLR_DBDUMP" --loads "$tmp/r.db" | sed 1d | wc -l)" -eq 3 ] && ok ||
  bad "rotation: expected 3 loads"

# 4. a known part that ends inside a line: a new source (not continued)
mkdir "$tmp/p"
head -c 5000 "$log" > "$tmp/p/server.log"
"$OLR_BIN" -q "$tmp/p/server.log" --db "$tmp/p.db" || bad "partial: exit $?"
cp "$log" "$tmp/p/server.log"
"$OLR_BIN" "$tmp/p/server.log" --db "$tmp/p.db" > "$tmp/p.out" 2>&1 ||
  bad "partial: exit $?"
grep -q "^$tmp/p/server.log: 279 lines" "$tmp/p.out" && ok ||
  bad "partial: $(cat "$tmp/p.out")"

# 5. two journal exports that overlap by 101 lines
jlog=examples/ollama-0.6.1-journalctl-failure.log
mkdir "$tmp/j"
sed -n '1,200p' "$jlog" > "$tmp/j/week1.log"
sed -n '100,$p' "$jlog" > "$tmp/j/week2.log"
"$OLR_BIN" -q "$jlog" --db "$tmp/jw.db" || bad "journal whole: exit $?"
rows "$tmp/jw.db" > "$tmp/jw.rows"
"$OLR_BIN" -q "$tmp/j/week1.log" --db "$tmp/j.db" || bad "week 1: exit $?"
"$OLR_BIN" "$tmp/j/week2.log" --db "$tmp/j.db" > "$tmp/j2.out" 2>&1 ||
  bad "week 2: exit $?"
grep -q "^$tmp/j/week2.log: overlaps source 1: 195 records new, 101 already known; new part: 195 lines:" \
  "$tmp/j2.out" && ok || bad "week 2: $(cat "$tmp/j2.out")"
rows "$tmp/j.db" > "$tmp/j.rows"
if diff -u "$tmp/jw.rows" "$tmp/j.rows" > "$tmp/diff"; then ok
else bad "overlap: the database differs from one run on the whole:"; cat "$tmp/diff"; fi
"$OLR_BIN" "$tmp/j/week2.log" --db "$tmp/j.db" > "$tmp/j3.out" 2>&1 ||
  bad "week 2 again: exit $?"
grep -qx "$tmp/j/week2.log: inside source 1: 0 records new, 296 already known" \
  "$tmp/j3.out" && ok || bad "week 2 again: $(cat "$tmp/j3.out")"
rows "$tmp/j.db" | cmp -s - "$tmp/jw.rows" && ok ||
  bad "week 2 again: rows were added"
"$OLR_DBDUMP" "$tmp/j.db" | awk -F'\t' '/^## source_parts/ { s = 1; next }
  /^## / { s = 0 } s && $1 == 1 { print $5, $6, $7 }' > "$tmp/parts.txt"
[ "$(cat "$tmp/parts.txt")" = "201 195 101" ] && ok ||
  bad "overlap: source_parts row: $(cat "$tmp/parts.txt")"
# the same through a pipe (journalctl ... | ollama-logreport -)
"$OLR_BIN" -q "$tmp/j/week1.log" --db "$tmp/js.db" || bad "pipe week 1: exit $?"
"$OLR_BIN" - --db "$tmp/js.db" < "$tmp/j/week2.log" > "$tmp/js.out" 2>&1 ||
  bad "pipe week 2: exit $?"
grep -q "^-: overlaps source 1: 195 records new, 101 already known" "$tmp/js.out" &&
  rows "$tmp/js.db" | cmp -s - "$tmp/jw.rows" && ok ||
  bad "pipe: $(cat "$tmp/js.out")"
# a journal of another unit of the same host, in the same hours, shares
# no record: it is a source of its own
sed -n '1,200p' "$jlog" | sed 's/$/ #2/' > "$tmp/j/other.log"
"$OLR_BIN" "$tmp/j/other.log" --db "$tmp/j.db" > "$tmp/j4.out" 2>&1 ||
  bad "other unit: exit $?"
grep -q "^$tmp/j/other.log: 200 lines" "$tmp/j4.out" && ok ||
  bad "other unit: $(cat "$tmp/j4.out")"

# 6. the fleet, fed in pieces
: "${OLR_CAPDUMP:=$(dirname "$OLR_BIN")/tests/tools/capdump}"
mkdir "$tmp/fl"
awk -v out="$tmp/fl" -f tests/data/fleet/gen.awk tests/data/fleet/spec.txt ||
  bad "fleet: gen.awk failed"
"$OLR_BIN" -q "$tmp/fl/gpu-a.log" "$tmp/fl/gpu-b.log" --db "$tmp/flw.db" ||
  bad "fleet whole: exit $?"
sed -n '1,30p' "$tmp/fl/gpu-a.log" > "$tmp/fl/a-week1.log"
sed -n '20,$p' "$tmp/fl/gpu-a.log" > "$tmp/fl/a-week2.log"
head -n 20 "$tmp/fl/gpu-b.log" > "$tmp/fl/b.log"
"$OLR_BIN" -q "$tmp/fl/a-week1.log" "$tmp/fl/b.log" --db "$tmp/fl.db" ||
  bad "fleet week 1: exit $?"
cp "$tmp/fl/gpu-b.log" "$tmp/fl/b.log"
"$OLR_BIN" "$tmp/fl/a-week2.log" "$tmp/fl/b.log" --db "$tmp/fl.db" \
  > "$tmp/fl.out" 2>&1 || bad "fleet week 2: exit $?"
gzip -c "$tmp/fl/gpu-b.log" > "$tmp/fl/b-1.log.gz"
"$OLR_BIN" "$tmp/fl/b-1.log.gz" --db "$tmp/fl.db" >> "$tmp/fl.out" 2>&1 ||
  bad "fleet rotation: exit $?"
grep -q "a-week2.log: overlaps source 1: 28 records new, 11 already known" "$tmp/fl.out" &&
  grep -q "b.log: grew: 19 records new, 20 already known (source 2)" "$tmp/fl.out" &&
  grep -q "b-1.log.gz: already in the database (source 2), skipped: 0 records new, 39 already known" "$tmp/fl.out" &&
  ok || bad "fleet: $(cat "$tmp/fl.out")"
rows "$tmp/flw.db" > "$tmp/flw.rows"
rows "$tmp/fl.db" > "$tmp/fl.rows"
if diff -u "$tmp/flw.rows" "$tmp/fl.rows" > "$tmp/diff"; then ok
else bad "fleet: the database differs from one run on the whole:"; cat "$tmp/diff"; fi
"$OLR_CAPDUMP" "$tmp/flw.db" > "$tmp/flw.cap" && "$OLR_CAPDUMP" "$tmp/fl.db" > "$tmp/fl.cap" &&
  cmp -s "$tmp/flw.cap" "$tmp/fl.cap" && ok ||
  bad "fleet: the capacity review differs from one run on the whole"

# 7. analyses, a log at a time
one_at_a_time() {  # name, files...
  n=$1; shift
  "$OLR_BIN" -q "$@" --db "$tmp/$n-all.db" || bad "$n all: exit $?"
  for f in "$@"; do
    "$OLR_BIN" -q "$f" --db "$tmp/$n-inc.db" || bad "$n $f: exit $?"
  done
  "$OLR_DBDUMP" --analyses "$tmp/$n-all.db" > "$tmp/$n-all.an"
  "$OLR_DBDUMP" --analyses "$tmp/$n-inc.db" > "$tmp/$n-inc.an"
  if [ "$(wc -l < "$tmp/$n-all.an")" -gt 20 ] &&
      diff -u "$tmp/$n-all.an" "$tmp/$n-inc.an" > "$tmp/diff"; then ok
  else bad "$n: analyses fed a log at a time differ from one run on all:"
    head -40 "$tmp/diff"; fi
}
one_at_a_time examples examples/*.log
if [ -d ../shared/corpus ]; then
  one_at_a_time corpus ../shared/corpus/*.log
fi

# 8. -j N: the same rows, ids included, as one thread
same_for_any_jobs() {  # name, files...
  n=$1; shift
  "$OLR_BIN" -q -j 1 "$@" --db "$tmp/$n-j1.db" || bad "$n -j 1: exit $?"
  OLR_BATCH_RECORDS=3 "$OLR_BIN" -q -j 3 "$@" --db "$tmp/$n-j3.db" ||
    bad "$n -j 3: exit $?"
  "$OLR_DBDUMP" "$tmp/$n-j1.db" > "$tmp/$n-j1.dump"
  "$OLR_DBDUMP" "$tmp/$n-j3.db" > "$tmp/$n-j3.dump"
  if [ "$(wc -l < "$tmp/$n-j1.dump")" -gt 1000 ] &&
      cmp -s "$tmp/$n-j1.dump" "$tmp/$n-j3.dump"; then ok
  else bad "$n: -j 3 gives another database than -j 1:"
    diff "$tmp/$n-j1.dump" "$tmp/$n-j3.dump" | head -20; fi
}
same_for_any_jobs jobs-examples examples/*.log tests/data/shapes/*.log \
  tests/data/seq/*.log
if [ -d ../shared/corpus ]; then
  same_for_any_jobs jobs-corpus ../shared/corpus/*.log
fi

finish

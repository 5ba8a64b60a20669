#!/bin/sh
# run-feed.sh - a database fed the way people feed it counts everything once
# (see "INPUTS FED AGAIN" in ollama-logreport(1)):
#  1. a log that grew since the last run (cut inside a load): only its new
#     lines are parsed, they continue its source, the open load is
#     completed; the database then holds the rows of one run on the whole
#  2. the same file again, and its gzip copy (a rotation): nothing added
#  3. a rotation: server.log read, renamed server-1.log, a new server.log
#  4. a known part that ends inside a line is not continued (new source)
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

finish

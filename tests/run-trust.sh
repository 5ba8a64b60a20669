#!/bin/sh
# run-trust.sh - trust under failure (issue 14): reports replaced whole
# (a render killed at any moment, a full disk), schema versions and
# migration, --forget, inputs that lie.
. "$(dirname "$0")/setup.sh"
# (a sanitizer build: the leak checker's summary of its suppressions is
# not a message of the program's)
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
export LSAN_OPTIONS

cd "$OLR_SRCDIR" || exit 1

# 1. a render killed at many points: every report file is the previous
#    one (same bytes) or the new one whole, never a truncated file
"$OLR_BIN" -q examples/*.log -o "$tmp/k" --title old || bad "kill: setup"
"$OLR_BIN" -q --db "$tmp/k/ollama.db" -o "$tmp/new" --title new ||
  bad "kill: setup new"
files="index.html report.md report.xlsx charts/vram.png charts/load-times.png
  charts/estimate-vs-actual.png charts/layer-placement.png"
mkdir "$tmp/old"
for f in $files; do mkdir -p "$(dirname "$tmp/old/$f")"; cp "$tmp/k/$f" "$tmp/old/$f"; done
killed=0
for d in 0.01 0.02 0.04 0.06 0.08 0.10 0.12 0.14 0.16 0.18 0.20 0.22 \
    0.24 0.26 0.28 0.30 0.33 0.36 0.40 0.45 0.50 0.60; do
  # each run starts from the old report
  for f in $files; do cp "$tmp/old/$f" "$tmp/k/$f"; done
  timeout -s KILL "$d" "$OLR_BIN" -q --db "$tmp/k/ollama.db" -o "$tmp/k" \
    --title new --format html,md,xlsx,png 2>/dev/null
  [ $? -eq 137 ] && killed=$((killed + 1))
  for f in $files; do
    if cmp -s "$tmp/k/$f" "$tmp/old/$f" || cmp -s "$tmp/k/$f" "$tmp/new/$f"
    then ok; else bad "kill after $d s: $f is neither the old nor the new file"; fi
  done
done
[ "$killed" -ge 5 ] && ok || bad "kill: only $killed runs were killed"
"$OLR_BIN" -q --db "$tmp/k/ollama.db" -o "$tmp/k" --title new ||
  bad "kill: a run after the killed ones failed"
ls -a "$tmp/k" "$tmp/k/charts" | grep -q '\.tmp$' &&
  bad "kill: a whole run left a temporary file" || ok

# 2. a full disk: one line naming the output and what was kept, exit 1,
#    the previous file whole, no libxlsxwriter line. A file size limit
#    (EFBIG) always; a full tmpfs (ENOSPC) when one can be mounted.
mkdir "$tmp/full"
cp "$tmp/old/report.xlsx" "$tmp/full/report.xlsx"
( trap '' XFSZ; ulimit -f 64
  "$OLR_BIN" -q --db "$tmp/k/ollama.db" -o "$tmp/full" --format xlsx ) \
  2> "$tmp/full.err"; rc=$?
[ $rc -eq 1 ] && ok || bad "file size limit: exit $rc, expected 1"
printf 'ollama-logreport: %s/full/report.xlsx: file too large (the previous file was kept)\n' \
  "$tmp" | cmp -s - "$tmp/full.err" && ok ||
  bad "file size limit: stderr: $(cat "$tmp/full.err")"
cmp -s "$tmp/full/report.xlsx" "$tmp/old/report.xlsx" && ok ||
  bad "file size limit: report.xlsx changed"
ls -a "$tmp/full" | grep -q '\.tmp$' && bad "file size limit: a .tmp left" || ok
mkdir "$tmp/fs"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=300k tmpfs "$tmp/fs" 2>/dev/null
then
  mkdir "$tmp/fs/o"
  "$OLR_BIN" -q --db "$tmp/k/ollama.db" -o "$tmp/fs/o" --format html,xlsx \
    2> "$tmp/fs.err"; rc=$?
  [ $rc -eq 1 ] && ok || bad "full disk: exit $rc, expected 1"
  printf 'ollama-logreport: %s/fs/o/index.html: no space left on device (no file was written)\n' \
    "$tmp" | cmp -s - "$tmp/fs.err" && ok ||
    bad "full disk: stderr: $(cat "$tmp/fs.err")"
  [ -f "$tmp/fs/o/report.xlsx" ] && [ ! -e "$tmp/fs/o/index.html" ] &&
    ! ls -a "$tmp/fs/o" | grep -q '\.tmp$' && ok ||
    bad "full disk: files left: $(ls -a "$tmp/fs/o" | tr '\n' ' ')"
  umount "$tmp/fs"
else
  echo "SKIP: full disk (cannot mount a tmpfs)"
fi

# 3. schema versions. A database of the previous release (56744b2, schema
#    version 1; tests/data/schemas/) is migrated in one run: one line, the
#    columns and tables it lacked added, its loads rebuilt as a new
#    database's
"$OLR_DBDUMP" --exec "$tmp/v1.db" < tests/data/schemas/v1-examples.sql ||
  bad "v1: cannot build the database from its dump"
"$OLR_BIN" --db "$tmp/v1.db" -o "$tmp/v1o" --format html,md \
  > "$tmp/v1.out" 2> "$tmp/v1.err"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/v1.err" ] && ok ||
  bad "v1: exit $rc: $(cat "$tmp/v1.err")"
printf '%s/v1.db: database migrated from schema version 1 to 3 (8 tables, 20 columns, 5 indexes added; loads and analyses rebuilt)\n4 model loads in %s/v1.db\n' \
  "$tmp" "$tmp" | cmp -s - "$tmp/v1.out" && ok ||
  bad "v1: stdout: $(cat "$tmp/v1.out")"
"$OLR_BIN" -q examples/ollama-0.6.1-journalctl-failure.log \
  examples/ollama-0.13.5-two-gpu.log --db "$tmp/v2.db"
"$OLR_DBDUMP" --loads "$tmp/v1.db" > "$tmp/v1.loads"
"$OLR_DBDUMP" --loads "$tmp/v2.db" > "$tmp/v2.loads"
cmp -s "$tmp/v1.loads" "$tmp/v2.loads" && ok ||
  bad "v1: migrated loads differ from a new database's"
"$OLR_DBDUMP" "$tmp/v1.db" > "$tmp/v1.dump"
grep -q '^## model_tags' "$tmp/v1.dump" && [ -s "$tmp/v1o/report.md" ] &&
  ok || bad "v1: no model_tags table or no report"
# migrated again: nothing to do, nothing printed
"$OLR_BIN" --db "$tmp/v1.db" -o "$tmp/v1o" --format md > "$tmp/v1b.out"
[ "$(cat "$tmp/v1b.out")" = "4 model loads in $tmp/v1.db" ] && ok ||
  bad "v1 again: stdout: $(cat "$tmp/v1b.out")"

# A database of schema version 2 (fffcd58: a model_metadata table, a row
# per line) becomes version 3 (a dump stored once; model_metadata a view):
# every line's row comes back through the view as a new database has it,
# with the same dump contents, and the loads are the same
"$OLR_DBDUMP" --exec "$tmp/m2.db" < tests/data/schemas/v2-examples.sql ||
  bad "v2: cannot build the database from its dump"
"$OLR_BIN" --db "$tmp/m2.db" -o "$tmp/m2o" --format md > "$tmp/m2.out" \
  2> "$tmp/m2.err"; rc=$?
printf '%s/m2.db: database migrated from schema version 2 to 3 (4 tables, 8 columns, 4 indexes added; loads and analyses rebuilt)\n4 model loads in %s/m2.db\n' \
  "$tmp" "$tmp" | cmp -s - "$tmp/m2.out" && [ $rc -eq 0 ] && ok ||
  bad "v2: exit $rc: $(cat "$tmp/m2.out" "$tmp/m2.err")"
for d in m2 v2; do
  "$OLR_DBDUMP" --query "$tmp/$d.db" > "$tmp/$d.meta" <<'SQL'
SELECT source_id, line, ts, ts_offset, ts_inherited, host, level, event,
  load_id, raw, idx, key, type, value FROM model_metadata
  ORDER BY source_id, line;
SELECT content, count(*) FROM model_dump_rows GROUP BY content;
SELECT count(*) FROM sqlite_master WHERE name = 'model_metadata_v2';
SQL
done
[ "$(wc -l < "$tmp/m2.meta")" -eq 345 ] && cmp -s "$tmp/m2.meta" "$tmp/v2.meta" &&
  ok || bad "v2: model_metadata after the migration differs from a new database's"
"$OLR_DBDUMP" --loads "$tmp/m2.db" > "$tmp/m2.loads"
cmp -s "$tmp/m2.loads" "$tmp/v2.loads" && ok ||
  bad "v2: migrated loads differ from a new database's"

# a newer database is refused, untouched, with both versions named
cp "$tmp/v2.db" "$tmp/v9.db"
"$OLR_DBDUMP" --exec "$tmp/v9.db" <<'SQL'
PRAGMA user_version = 9;
SQL
cp "$tmp/v9.db" "$tmp/v9.orig"
"$OLR_BIN" -q --db "$tmp/v9.db" -o "$tmp/v9o" 2> "$tmp/v9.err"; rc=$?
[ $rc -eq 1 ] && ok || bad "newer database: exit $rc, expected 1"
printf "ollama-logreport: %s/v9.db: database schema version 9 is newer than this ollama-logreport's (3): use a newer ollama-logreport; the database was not changed\n" \
  "$tmp" | cmp -s - "$tmp/v9.err" && ok || bad "newer database: stderr: $(cat "$tmp/v9.err")"
cmp -s "$tmp/v9.db" "$tmp/v9.orig" && ok || bad "newer database: changed"
[ ! -e "$tmp/v9o/index.html" ] && ok || bad "newer database: rendered"
"$OLR_BIN" -q examples/ollama-0.3.14-linux-cuda.log --db "$tmp/v9.db" \
  2> /dev/null; rc=$?
[ $rc -eq 1 ] && cmp -s "$tmp/v9.db" "$tmp/v9.orig" && ok ||
  bad "newer database: ingest: exit $rc or changed"

# a column that cannot be added (NOT NULL without default): named, the
# database untouched; a missing table or column otherwise added
"$OLR_DBDUMP" --exec "$tmp/bad.db" <<'SQL'
PRAGMA user_version = 1;
CREATE TABLE sources (id INTEGER PRIMARY KEY, path TEXT NOT NULL);
INSERT INTO sources VALUES (1, 'x.log');
SQL
cp "$tmp/bad.db" "$tmp/bad.orig"
"$OLR_BIN" -q --db "$tmp/bad.db" -o "$tmp/bado" 2> "$tmp/bad.err"; rc=$?
[ $rc -eq 1 ] && ok || bad "unmigratable: exit $rc, expected 1"
printf "ollama-logreport: %s/bad.db: database lacks column sources.sha256, which cannot be added to an existing table (NOT NULL without a default); the database was not changed\n" \
  "$tmp" | cmp -s - "$tmp/bad.err" && ok || bad "unmigratable: stderr: $(cat "$tmp/bad.err")"
cmp -s "$tmp/bad.db" "$tmp/bad.orig" && ok || bad "unmigratable: changed"
# a read-only database that lacks a column: named, not a catalogue error
cp "$tmp/v2.db" "$tmp/ro.db"
"$OLR_DBDUMP" --exec "$tmp/ro.db" <<'SQL'
ALTER TABLE loads DROP COLUMN cause;
SQL
chmod 444 "$tmp/ro.db"
if [ "$(id -u)" != 0 ]; then
  "$OLR_BIN" -q --db "$tmp/ro.db" -o "$tmp/roo" 2> "$tmp/ro.err"; rc=$?
  [ $rc -eq 1 ] && grep -q "database lacks column loads.cause and could not be migrated: attempt to write a readonly database; the database was not changed" "$tmp/ro.err" &&
    ok || bad "read-only: exit $rc: $(cat "$tmp/ro.err")"
fi
chmod 644 "$tmp/ro.db"
"$OLR_BIN" --db "$tmp/ro.db" -o "$tmp/roo" --format md > "$tmp/ro.out" \
  2> "$tmp/ro.err"; rc=$?
[ $rc -eq 0 ] && head -n 1 "$tmp/ro.out" | grep -qx "$tmp/ro.db: database migrated from schema version 3 to 3 (0 tables, 1 columns, 0 indexes added; loads and analyses rebuilt)" &&
  ok || bad "missing column: exit $rc: $(cat "$tmp/ro.out" "$tmp/ro.err")"

# a database of schema version 2 (before load_devices.gpu_id, .gpu_match,
# .name, gpu_names and the runner's device lines): migrated, its devices
# named from what it holds (the GPULayers list with one GPU; a split load
# with nothing else to tell stays "not identified", never a guess)
"$OLR_BIN" -q examples/ollama-0.13.5-two-gpu.log --db "$tmp/s2.db"
"$OLR_DBDUMP" --exec "$tmp/s2.db" <<'SQL'
DELETE FROM runners WHERE kind IN ('using_device', 'cuda_device');
ALTER TABLE runners DROP COLUMN device;
ALTER TABLE runners DROP COLUMN device_index;
ALTER TABLE runners DROP COLUMN gpu_uuid;
ALTER TABLE runners DROP COLUMN pci_id;
ALTER TABLE runners DROP COLUMN description;
ALTER TABLE load_devices DROP COLUMN gpu_id;
ALTER TABLE load_devices DROP COLUMN gpu_match;
ALTER TABLE load_devices DROP COLUMN name;
DROP TABLE gpu_names;
PRAGMA user_version = 2;
SQL
"$OLR_BIN" --db "$tmp/s2.db" -o "$tmp/s2o" --format md > "$tmp/s2.out" \
  2> "$tmp/s2.err"; rc=$?
[ $rc -eq 0 ] && head -n 1 "$tmp/s2.out" | grep -qx "$tmp/s2.db: database migrated from schema version 2 to 3 (1 tables, 8 columns, 0 indexes added; loads and analyses rebuilt)" &&
  ok || bad "v2: exit $rc: $(cat "$tmp/s2.out" "$tmp/s2.err")"
echo "SELECT load_id, device, coalesce(gpu_match, '-'), name FROM
  load_devices WHERE device LIKE 'CUDA_' ORDER BY 1, 2" |
  "$OLR_DBDUMP" --query "$tmp/s2.db" > "$tmp/s2.names"
printf '%s\n' "1 | CUDA0 | - | CUDA0 (not identified)" \
  "1 | CUDA1 | - | CUDA1 (not identified)" \
  "2 | CUDA1 | scheduler | RTX 3090 #1" | cmp -s - "$tmp/s2.names" && ok ||
  bad "v2: devices: $(cat "$tmp/s2.names")"

# 4. --forget SOURCE (path or id): the source and every row from it go in
#    one transaction; ingested again, the database is as before
"$OLR_BIN" -q examples/*.log --db "$tmp/f.db"
"$OLR_DBDUMP" --counts "$tmp/f.db" > "$tmp/f1.counts"
"$OLR_DBDUMP" --loads "$tmp/f.db" > "$tmp/f1.loads"
"$OLR_BIN" --db "$tmp/f.db" --forget examples/ollama-0.13.5-two-gpu.log \
  > "$tmp/f.out"; rc=$?
[ $rc -eq 0 ] && ok || bad "--forget: exit $rc"
grep -qx "$tmp/f.db: source 2 (examples/ollama-0.13.5-two-gpu.log) forgotten: [0-9]* rows deleted" \
  "$tmp/f.out" && ok || bad "--forget: stdout: $(cat "$tmp/f.out")"
"$OLR_DBDUMP" --counts "$tmp/f.db" | grep -c two-gpu | grep -qx 0 && ok ||
  bad "--forget: rows of the source left"
n=$("$OLR_DBDUMP" "$tmp/f.db" | awk '/^## / { t = $2; next } t == "sources"' | grep -c two-gpu)
[ "$n" -eq 0 ] && ok || bad "--forget: the source row left"
"$OLR_BIN" -q --db "$tmp/f.db" --forget 4; rc=$?
[ $rc -eq 0 ] && ok || bad "--forget by id: exit $rc"
"$OLR_BIN" -q --db "$tmp/f.db" --forget nosuch.log 2> "$tmp/f.err"; rc=$?
[ $rc -eq 1 ] && printf "ollama-logreport: %s/f.db: --forget: no source 'nosuch.log' in the database (give its path as stored in sources.path, or its id)\n" "$tmp" |
  cmp -s - "$tmp/f.err" && ok || bad "--forget nothing: exit $rc: $(cat "$tmp/f.err")"
"$OLR_BIN" -q examples/*.log --db "$tmp/f.db"
"$OLR_DBDUMP" --counts "$tmp/f.db" > "$tmp/f2.counts"
"$OLR_DBDUMP" --loads "$tmp/f.db" > "$tmp/f2.loads"
cmp -s "$tmp/f1.counts" "$tmp/f2.counts" && cmp -s "$tmp/f1.loads" "$tmp/f2.loads" &&
  ok || bad "--forget: re-ingested, the database differs"

# a source deleted by hand (the last one: its id is given again) takes its
# rows along (the sources_forget trigger); ingested again, the database is
# as before
"$OLR_DBDUMP" --exec "$tmp/f.db" <<'SQL'
DELETE FROM sources WHERE id = (SELECT max(id) FROM sources);
SQL
n=$("$OLR_DBDUMP" --counts "$tmp/f.db" | wc -l)
[ "$n" -lt "$(wc -l < "$tmp/f1.counts")" ] && ok ||
  bad "deleted by hand: its rows are left"
"$OLR_BIN" -q examples/*.log --db "$tmp/f.db"
"$OLR_DBDUMP" --counts "$tmp/f.db" > "$tmp/f3.counts"
"$OLR_DBDUMP" --loads "$tmp/f.db" > "$tmp/f3.loads"
cmp -s "$tmp/f1.counts" "$tmp/f3.counts" && cmp -s "$tmp/f1.loads" "$tmp/f3.loads" &&
  ok || bad "deleted by hand: re-ingested, the database differs"

# 5. inputs that lie
# --since later than --until: a usage error, nothing written
"$OLR_BIN" -q examples/ollama-0.3.14-linux-cuda.log -o "$tmp/win" \
  --since 2025-02-01 --until 2025-01-01 2> "$tmp/win.err"; rc=$?
[ $rc -eq 2 ] && ok || bad "--since > --until: exit $rc, expected 2"
printf "ollama-logreport: --since 2025-02-01T00:00:00.000Z is later than --until 2025-01-01T00:00:00.000Z\nTry 'ollama-logreport --help'.\n" |
  cmp -s - "$tmp/win.err" && ok || bad "--since > --until: stderr: $(cat "$tmp/win.err")"
[ ! -e "$tmp/win" ] && ok || bad "--since > --until: the output directory was made"
"$OLR_BIN" -q --busy-timeout soon --db "$tmp/f.db" -o "$tmp/bt" 2> /dev/null
[ $? -eq 2 ] && ok || bad "--busy-timeout soon: not a usage error"

# a database another process holds locked: waited for --busy-timeout
# seconds, then one line naming the holder; the database and the report
# untouched
cp "$tmp/v2.db" "$tmp/lk.db"
"$OLR_BIN" -q --db "$tmp/lk.db" -o "$tmp/lko" --format md
cp "$tmp/lk.db" "$tmp/lk.orig"; cp "$tmp/lko/report.md" "$tmp/lk.md"
"$OLR_DBDUMP" --hold "$tmp/lk.db" 4 > "$tmp/hold.out" &
holder=$!
i=0; while [ ! -s "$tmp/hold.out" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
start=$(date +%s)
"$OLR_BIN" -q examples/ollama-0.3.14-linux-cuda.log --db "$tmp/lk.db" \
  -o "$tmp/lko" --busy-timeout 1 2> "$tmp/lk.err"; rc=$?
took=$(( $(date +%s) - start ))
wait $holder
[ $rc -eq 1 ] && ok || bad "locked: exit $rc, expected 1"
printf 'ollama-logreport: %s/lk.db: database is locked by pid %s (dbdump); gave up after 1 s (--busy-timeout SECONDS to wait longer)\n' \
  "$tmp" "$holder" | cmp -s - "$tmp/lk.err" && ok || bad "locked: stderr: $(cat "$tmp/lk.err")"
[ "$took" -le 3 ] && ok || bad "locked: waited $took s for a 1 s timeout"
cmp -s "$tmp/lk.db" "$tmp/lk.orig" && cmp -s "$tmp/lko/report.md" "$tmp/lk.md" &&
  ok || bad "locked: the database or the report changed"

# a single line of 50 MB: stored whole, shown cut with its length
{ head -n 20 examples/ollama-0.6.1-journalctl-failure.log
  printf 'time=2025-03-05T07:00:48.491Z level=ERROR source=server.go:1 msg="llama runner terminated" error="'
  head -c 52428800 /dev/zero | tr '\0' 'x'
  printf '"\n'
  sed 1,20d examples/ollama-0.6.1-journalctl-failure.log
} > "$tmp/big.log"
"$OLR_BIN" -q "$tmp/big.log" -o "$tmp/bigo" 2> "$tmp/big.err"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/big.err" ] && ok || bad "50 MB line: exit $rc: $(cat "$tmp/big.err")"
"$OLR_DBDUMP" --exec "$tmp/bigo/ollama.db" <<'SQL' > /dev/null
CREATE TABLE t AS SELECT max(length(raw)) AS n FROM failures;
SQL
n=$(sqlite_len=$("$OLR_DBDUMP" "$tmp/bigo/ollama.db" | awk '/^## t$/ { getline; getline; print; exit }'); echo "$sqlite_len")
[ "$n" = 52428899 ] && ok || bad "50 MB line: stored as $n bytes, not 52428899"
mark='[cut: 52428899 bytes in all, whole in the database]'
grep -qF "$mark" "$tmp/bigo/index.html" && ok || bad "50 MB line: not cut in index.html"
grep -qF "$mark" "$tmp/bigo/report.md" && ok || bad "50 MB line: not cut in report.md"
if command -v unzip > /dev/null 2>&1; then
  unzip -p "$tmp/bigo/report.xlsx" | grep -qF "$mark" && ok ||
    bad "50 MB line: not cut in report.xlsx"
fi
size=$(wc -c < "$tmp/bigo/index.html")
[ "$size" -lt 2000000 ] && ok || bad "50 MB line: index.html is $size bytes"
rm -f "$tmp/big.log"

finish

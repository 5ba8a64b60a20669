#!/usr/bin/env bash
# bench/targets.sh -- the main job at fleet sizes: every target of the
# "main job in seconds" issue, measured in one run and printed as a ratio.
#
# Run from the project root after building (a release build for figures):
#     bash bench/targets.sh                 # 100 MiB
#     SIZE_MB=1024 bash bench/targets.sh    # 1 GiB
#
# Environment: BIN (default ./ollama-logreport), CORPUS (default
# ../shared/corpus), SIZE_MB (default 100), PYTHON (default python3; the
# Python baseline is skipped when it is missing), KEEP=1 keeps the files,
# RESULTS=FILE also writes each target as "name<TAB>value<TAB>PASS|FAIL"
# (bench/run.sh puts the sizes side by side).
#
# What is measured, on the corpus concatenated to SIZE_MB:
#   grep      grep -acE with the categories' key texts (bench/run.sh's)
#   python    bench/baseline.py: Python re with the categories' regexes,
#             rows into SQLite (what a user writes in an afternoon)
#   db        ollama-logreport LOG -o OUT --format db (fresh database)
#   default   ollama-logreport LOG -o OUT (every output, fresh database)
#   add       a 66 KB log added to the database of db (--format db)
#   render    a render of the kept database (-o, no input): must not
#             rebuild the load sequences
#   refeed    the same LOG fed again to the database of db
# Targets: default <= 1.5 x db; db >= 0.40 x grep's speed and >= 10 x the
# Python baseline's; add <= 1 s; refeed <= 10 % of db; peak RSS < 64 MiB;
# report.xlsx <= 20 MB and index.html <= 5 MB.
set -uo pipefail

CORPUS=${CORPUS:-../shared/corpus}
SIZE_MB=${SIZE_MB:-100}
PYTHON=${PYTHON:-python3}
BIN=${BIN:-./ollama-logreport}
# small logs added to the database: one without a host of its own, given the
# host of the large input (a new log of a known host, the weekly case: the
# target), and one of a host the database does not know (every GPU name then
# gains its host, "gpu-b: RTX 3090 #1", and every analysis is made again)
SMALL=${SMALL:-examples/ollama-0.30.10-llama-server.log}
SMALL_NEW_HOST=${SMALL_NEW_HOST:-examples/ollama-0.6.1-journalctl-failure.log}
[ -x "$BIN" ] || { echo "targets: build first (no $BIN)" >&2; exit 2; }
[ -d "$CORPUS" ] || { echo "targets: no corpus at $CORPUS" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/olr-targets.XXXXXX")
trap '[ "${KEEP:-0}" = 1 ] && echo "kept $tmp" || rm -rf "$tmp"' EXIT
PATTERN='updated VRAM|system memory|will fit in available VRAM|offload|KV buffer size|KV self size|compute buffer size|model weights|compute graph|kv cache|didn.t recover within timeout|inference compute|cache size|BPW|load_tensors|model params|llama runner started in|llama-server started in|starting llama server|starting llama-server|starting runner|starting go runner|starting ollama engine|Server listening on|loaded runners|llama_model_loader: - kv|llama_model_loader: - type'

log="$tmp/input.log"
want=$(( SIZE_MB * 1024 * 1024 ))
cat "$CORPUS"/*.log > "$tmp/chunk"
: > "$log"
while [ "$(stat -c %s "$log")" -lt "$want" ]; do cat "$tmp/chunk" >> "$log"; done
bytes=$(stat -c %s "$log")

# timed NAME CMD...: seconds, peak RSS (KiB) and CPU seconds (user + sys)
# into $NAME_s, $NAME_k, $NAME_cpu
timed() {
  local name=$1; shift
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$@" > "$tmp/$name.out" 2>&1 ||
    { echo "targets: $name failed:"; tail -5 "$tmp/$name.out"; exit 2; }
  read -r s k u y < "$tmp/time"
  printf -v "${name}_s" '%s' "$s"
  printf -v "${name}_k" '%s' "$k"
  printf -v "${name}_cpu" '%s' "$(awk -v u="$u" -v y="$y" 'BEGIN { printf "%.2f", u + y }')"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
check() {  # check OK TEXT [NAME VALUE]
  local v=FAIL
  [ "$1" = 1 ] && v=PASS
  echo "$v $2"
  [ -n "${RESULTS:-}" ] && [ -n "${3:-}" ] && printf '%s\t%s\t%s\n' "$3" "$4" "$v" >> "$RESULTS"
  return 0
}

echo "targets: $BIN on $(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1048576 }') MiB ($CORPUS concatenated)"
timed grep env LC_ALL=C grep -acE "$PATTERN" "$log"
if command -v "$PYTHON" > /dev/null; then
  timed python "$PYTHON" bench/baseline.py "$log" "$tmp/py.db"
else
  python_s=0
fi
timed db "$BIN" "$log" -o "$tmp/db" --format db -v
timed default "$BIN" "$log" -o "$tmp/all" -v
# the large input's host: its first journal prefix's ("Mon DD HH:MM:SS host")
host=$(grep -a -m1 -oE '^[A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} [^ ]+ ollama\[' "$log" |
  awk '{ print $4 }')
cp -r "$tmp/db" "$tmp/db2"
timed add "$BIN" "$SMALL" ${host:+--host "$host"} -o "$tmp/db" --format db -v
timed addnew "$BIN" "$SMALL_NEW_HOST" -o "$tmp/db2" --format db -v
rm -rf "$tmp/db2"
timed render "$BIN" --db "$tmp/db/ollama.db" -o "$tmp/db" -v
timed refeed "$BIN" "$log" -o "$tmp/db" --format db -v

xlsx=$(stat -c %s "$tmp/all/report.xlsx")
html=$(stat -c %s "$tmp/all/index.html")
rss=$(printf '%s\n' "$db_k" "$default_k" "$add_k" "$addnew_k" "$render_k" "$refeed_k" | sort -n | tail -1)
render_loads=$(awk '/^times:/ { for (i = 1; i <= NF; i++) if ($i == "sequences") print $(i + 1) }' "$tmp/render.out")

printf '\n%-40s %10s\n' "run" "seconds"
printf '%-40s %10s\n' "grep -acE" "$grep_s"
printf '%-40s %10s\n' "Python re + SQLite baseline" "$python_s"
printf '%-40s %10s   (%s)\n' "--format db" "$db_s" "$(grep '^times:' "$tmp/db.out")"
printf '%-40s %10s   (%s)\n' "default (db, png, xlsx, html, md)" "$default_s" "$(grep '^times:' "$tmp/default.out")"
printf '%-40s %10s\n' "add a small log of a known host" "$add_s"
printf '%-40s %10s   (all analyses made again)\n' "add a small log of a new host" "$addnew_s"
printf '%-40s %10s   (load sequences %s s)\n' "render the kept database" "$render_s" "$render_loads"
printf '%-40s %10s\n' "the same file fed again" "$refeed_s"
printf '%-40s %10s MB / %s MB\n' "report.xlsx / index.html" \
  "$(awk -v b="$xlsx" 'BEGIN { printf "%.1f", b / 1e6 }')" \
  "$(awk -v b="$html" 'BEGIN { printf "%.1f", b / 1e6 }')"
printf '%-40s %10s MiB\n' "peak RSS (largest of the runs)" "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"
echo

r=$(ratio "$default_s" "$db_s")
check "$(awk -v r="$r" 'BEGIN { print (r <= 1.5) }')" "default run = ${r} x the --format db run (target <= 1.5)" default/db "$r x"
r=$(ratio "$grep_s" "$db_s")
check "$(awk -v r="$r" 'BEGIN { print (r >= 0.40) }')" "--format db speed = ${r} x grep's (target >= 0.40)" db/grep "$r x"
if [ "$python_s" != 0 ]; then
  r=$(ratio "$python_s" "$db_s")
  check "$(awk -v r="$r" 'BEGIN { print (r >= 10) }')" "--format db speed = ${r} x the Python baseline's (target >= 10)" db/python "$r x"
fi
check "$(awk -v s="$add_s" 'BEGIN { print (s <= 1) }')" "adding a small log of a known host: ${add_s} s (target <= 1 s)" add "$add_s s"
check "$(awk -v s="$render_loads" 'BEGIN { print (s + 0 == 0) }')" "a render-only run rebuilds no loads (load sequences ${render_loads} s)" render-loads "$render_loads s"
r=$(ratio "$refeed_s" "$db_s")
check "$(awk -v r="$r" 'BEGIN { print (r <= 0.10) }')" "a file fed again costs ${r} x its first ingest (target <= 0.10)" refeed "$r x"
rss_mib=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')
check "$(awk -v k="$rss" 'BEGIN { print (k < 64 * 1024) }')" "peak RSS $rss_mib MiB (target < 64 MiB)" rss "$rss_mib MiB"
sizes="$(awk -v b="$xlsx" 'BEGIN { printf "%.1f", b / 1e6 }') / $(awk -v b="$html" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
check "$(awk -v x="$xlsx" -v h="$html" 'BEGIN { print (x <= 20e6 && h <= 5e6) }')" "report.xlsx / index.html $sizes (targets <= 20 MB / 5 MB)" sizes "$sizes"

# The floors of the --format db run, from its own -v figures: ingest runs
# on a reader, the ordered thread (split lines, stamp, store's encoding),
# N parser threads (-j) and one SQLite writer; its wall time is at least
# its busiest thread's CPU time and its CPU time over the cores. The load
# sequences and analyses are SQL on one connection, after it.
field() { awk -v k="$1" -v n="${3:-1}" '$0 ~ "^" k { for (i = 1; i <= NF; i++) if ($i == n) { v = $(i + 1); gsub(/[^0-9.]/, "", v); print v; exit } }' "$2"; }
f_read=$(field "ingest CPU:" "$tmp/db.out" read)
f_parse=$(field "ingest CPU:" "$tmp/db.out" store)
f_apart=$(awk '/^ingest CPU:/ { if (match($0, /threads: [0-9.]+/)) print substr($0, RSTART + 9, RLENGTH - 9) }' "$tmp/db.out")
f_nthr=$(awk '/^ingest CPU:/ { if (match($0, /on [0-9]+ parser/)) { v = substr($0, RSTART + 3); print v + 0 } }' "$tmp/db.out")
f_write=$(field "ingest CPU:" "$tmp/db.out" write)
f_loads=$(field "times:" "$tmp/db.out" sequences)
f_an=$(field "times:" "$tmp/db.out" analyses)
f_reports=$(field "times:" "$tmp/default.out" reports)
cores=$(nproc)
floor() {  # floor CORES: the ingest floor on CORES cores, + loads + analyses
  awk -v c="$1" -v r="${f_read:-0}" -v p="${f_parse:-0}" -v a="${f_apart:-0}" \
      -v n="${f_nthr:-1}" -v w="${f_write:-0}" -v l="${f_loads:-0}" -v an="${f_an:-0}" '
    function max(x, y) { return x > y ? x : y }
    BEGIN { ord = p - a; par = (n > 1 ? a : 0); if (n <= 1) { ord = p }
            ing = max(max(r, ord), max(w, (r + p + w) / c))
            if (n > 1) ing = max(ing, par / (n < c ? n : c))
            printf "%.2f %.2f", ing, ing + l + an }'
}
# the load sequences' own floor: every category row's load_id written once
# (what their window pass must do at least: the UPDATE of each table
# without its load_id index, rolled back), when the sqlite3 shell is here
f_rows=
if command -v sqlite3 > /dev/null; then
  sql="BEGIN;"
  for t in vram_updates system_memory fit_decisions offload_estimates memory_buffers \
      vram_timeouts gpus token_caches model_files tensor_loads model_params runners \
      model_dumps tensor_types failures; do
    sql="$sql DROP INDEX IF EXISTS ${t}_load; UPDATE $t SET load_id = NULL;"
  done
  /usr/bin/time -f '%e' -o "$tmp/time" sqlite3 "$tmp/db/ollama.db" "$sql ROLLBACK;" > /dev/null 2>&1 &&
    f_rows=$(cat "$tmp/time")
fi
read -r fl_ing fl_db <<< "$(floor "$cores")"
read -r fl8_ing fl8_db <<< "$(awk -v r="${f_read:-0}" -v p="${f_parse:-0}" -v a="${f_apart:-0}" -v w="${f_write:-0}" -v l="${f_loads:-0}" -v an="${f_an:-0}" '
  function max(x, y) { return x > y ? x : y }
  BEGIN { if (a == 0) { print "n/a n/a"; exit }   # -j 1: no split measured
          ord = p - a
          ing = max(max(r, ord), max(w, (r + p + w) / 8)); printf "%.2f %.2f", ing, ing + l + an }')"
echo
echo "floors of --format db ($db_s s) on this machine's $cores cores, from its -v figures:"
echo "  ingest CPU: read ${f_read} s, parse ${f_parse} s (${f_apart:-0} s on ${f_nthr:-1} parser threads), write ${f_write} s"
echo "  ingest >= $fl_ing s (busiest thread, or all CPU over $cores cores); then load sequences $f_loads s and analyses $f_an s (SQL, one connection)"
if [ -n "$f_rows" ]; then
  echo "  load sequences >= $f_rows s: every category row's load_id written once (sqlite3, the UPDATEs alone)"
  echo "  --format db >= $(awk -v a="$fl_ing" -v b="$f_rows" 'BEGIN { printf "%.2f", a + b }') s here (those two floors); as measured $fl_db s of ingest floor + SQL stages"
else
  echo "  --format db >= $fl_db s here (ingest floor + the SQL stages as measured; install sqlite3 for the rows' floor)"
fi
echo "  on 8 cores (estimate): ingest >= $fl8_ing s (the busiest sequential thread), --format db >= $fl8_db s with the SQL stages as measured"
echo "  budgets: 0.40 x grep = $(awk -v g="$grep_s" 'BEGIN { printf "%.2f", g / 0.40 }') s; 10 x Python = $(awk -v p="$python_s" 'BEGIN { printf "%.2f", p / 10 }') s"
# the renders' floor: the render-only run's CPU over the cores (the
# workbook on a thread of its own, the report model, charts and page on
# the other)
f_rcpu=$(awk -v c="$render_cpu" -v n="$cores" 'BEGIN { printf "%.2f", c / n }')
echo "  renders of the default run: $f_reports s; budget for 1.5 x db: $(awk -v d="$db_s" 'BEGIN { printf "%.2f", d * 0.5 }') s"
echo "  renders >= $f_rcpu s here: the render-only run's CPU ($render_cpu s) over $cores cores"
[ -n "${RESULTS:-}" ] && printf 'floor-render\t%s s (CPU %s s / %s)\t-\n' "$f_rcpu" "$render_cpu" "$cores" >> "$RESULTS"
if [ -n "${RESULTS:-}" ]; then
  if [ -n "$f_rows" ]; then
    printf 'floor-db\t%s s (ingest %s + rows %s)\t-\n' "$(awk -v a="$fl_ing" -v b="$f_rows" 'BEGIN { printf "%.2f", a + b }')" "$fl_ing" "$f_rows" >> "$RESULTS"
  else
    printf 'floor-db\t%s s (ingest floor + SQL)\t-\n' "$fl_db" >> "$RESULTS"
  fi
  printf 'floor-8\t%s s (ingest %s + SQL)\t-\n' "$fl8_db" "$fl8_ing" >> "$RESULTS"
  printf 'db\t%s s\t-\n' "$db_s" >> "$RESULTS"
  printf 'default\t%s s\t-\n' "$default_s" >> "$RESULTS"
  printf 'grep\t%s s\t-\n' "$grep_s" >> "$RESULTS"
  printf 'python\t%s s\t-\n' "$python_s" >> "$RESULTS"
fi

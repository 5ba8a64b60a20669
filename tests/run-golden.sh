#!/bin/sh
# run-golden.sh - golden tests: the database built from examples/*.log is
# dumped table by table and compared with tests/golden/examples.dump, and
# each error case's stderr and exit status with tests/golden/errors.txt.
# UPDATE_GOLDEN=1 rewrites the expected files.
. "$(dirname "$0")/setup.sh"

cd "$OLR_SRCDIR" || exit 1

check() {  # name expected actual
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$3" "$2"; ok
  elif diff -u "$2" "$3" > "$tmp/$1.diff"; then
    ok
  else
    bad "$1 differs from $2:"; head -n 60 "$tmp/$1.diff"
  fi
}

# 1. examples: database dump
"$OLR_BIN" -q examples/*.log --db "$tmp/ex.db"; rc=$?
[ $rc -eq 0 ] && ok || bad "examples: exit status $rc"
"$OLR_DBDUMP" "$tmp/ex.db" > "$tmp/examples.dump" || bad "dbdump failed"
check examples tests/golden/examples.dump "$tmp/examples.dump"
# small logs make a small database (4 KiB pages below 16 MiB of input):
# about 0.5 MB, not the 3.6 MB of 64 KiB pages
size=$(wc -c < "$tmp/ex.db")
[ "$size" -lt 1000000 ] && ok || bad "examples: database of $size bytes"

# 2. ingesting the same files again adds nothing
"$OLR_BIN" -q examples/*.log --db "$tmp/ex.db"; rc=$?
[ $rc -eq 0 ] && ok || bad "re-ingest: exit status $rc"
"$OLR_DBDUMP" "$tmp/ex.db" > "$tmp/again.dump"
cmp -s "$tmp/examples.dump" "$tmp/again.dump" && ok ||
  bad "re-ingesting examples changed the database"

# 3. bad input: one line per problem, the rest still read, exit 1
mkdir "$tmp/in"
printf '' > "$tmp/in/empty.log"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000' > "$tmp/in/prog.bin"
head -c 3000 examples/ollama-0.3.14-linux-cuda.log | gzip -c | head -c 900 > "$tmp/in/cut.log.gz"
mkdir "$tmp/in/dir.log"
# issue 14: damage in the middle of a gzip file (the lines before it kept,
# the offset named), a file name with a newline and terminal escapes
# (printed escaped), a stray quote in a CSV export (its record named)
cp tests/data/trust/corrupt.log.gz tests/data/trust/stray.csv "$tmp/in/"
printf '' > "$tmp/in/$(printf 'new\nline\033[31m.log')"
(
  cd "$tmp/in" &&
  "$OLR_BIN" -q missing.log dir.log prog.bin empty.log cut.log.gz \
    corrupt.log.gz "$(printf 'new\nline\033[31m.log')" stray.csv \
    "$OLR_SRCDIR/examples/ollama-0.13.5-two-gpu.log" --db "$tmp/err.db"
) 2> "$tmp/errors.raw"; rc=$?
[ $rc -eq 1 ] && ok || bad "bad input: exit status $rc, expected 1"
sed "s|$OLR_SRCDIR/||" "$tmp/errors.raw" > "$tmp/errors.txt"
check errors tests/golden/errors.txt "$tmp/errors.txt"
n=$("$OLR_DBDUMP" --counts "$tmp/err.db" | grep -c 'two-gpu')
[ "$n" -gt 5 ] && ok || bad "good input next to bad ones was not read"
# the database afterwards: the sources read in part are kept as truncated,
# with the lines before the damage; the empty and unreadable ones are not
"$OLR_DBDUMP" "$tmp/err.db" | awk -F '\t' '/^## / { t = substr($0, 4); next }
  t == "sources" && $1 != "id" { print $2 "\t" $4 "\t" $7 "\t" $10 }' |
  sed "s|$OLR_SRCDIR/||" > "$tmp/err-sources.txt"
printf 'cut.log.gz\tlog\t9\ttruncated\ncorrupt.log.gz\tlog\t87\ttruncated\nstray.csv\tinflux-csv\t1\ttruncated\nexamples/ollama-0.13.5-two-gpu.log\tlog\t288\tok\n' |
  diff -u - "$tmp/err-sources.txt" > "$tmp/err-sources.diff" && ok ||
  { bad "bad input: sources rows differ"; cat "$tmp/err-sources.diff"; }

# 4. usage errors exit 2
"$OLR_BIN" > /dev/null 2>&1; [ $? -eq 2 ] && ok || bad "no args: not 2"
"$OLR_BIN" --bogus x -o "$tmp/u" > /dev/null 2>&1; [ $? -eq 2 ] && ok ||
  bad "bad option: not 2"
"$OLR_BIN" examples/ollama-0.3.14-linux-cuda.log > /dev/null 2>&1
[ $? -eq 2 ] && ok || bad "no -o: not 2"

# 5. stdin and gzip give the same rows as the file
gzip -c examples/ollama-0.6.1-journalctl-failure.log > "$tmp/j.log.gz"
"$OLR_BIN" -q "$tmp/j.log.gz" --db "$tmp/gz.db"
"$OLR_BIN" -q - --db "$tmp/stdin.db" < examples/ollama-0.6.1-journalctl-failure.log
"$OLR_BIN" -q examples/ollama-0.6.1-journalctl-failure.log --db "$tmp/f.db"
for d in gz stdin f; do
  "$OLR_DBDUMP" --counts "$tmp/$d.db" | cut -f2,3 > "$tmp/$d.counts"
done
cmp -s "$tmp/f.counts" "$tmp/gz.counts" && ok || bad "gzip rows differ"
cmp -s "$tmp/f.counts" "$tmp/stdin.counts" && ok || bad "stdin rows differ"

# 6. the load sequencer on short logs of each version family and ending:
#    loads as derived by hand from the rules, and the whole database
for f in tests/data/seq/*.log; do
  "$OLR_BIN" -q "$f" --db "$tmp/seq.db" || bad "seq: $f: exit status $?"
done
"$OLR_DBDUMP" --loads "$tmp/seq.db" > "$tmp/seq-loads.tsv"
if diff -u tests/data/seq/expected-loads.tsv "$tmp/seq-loads.tsv" \
    > "$tmp/seq.diff"; then ok; else
  bad "seq: loads differ from tests/data/seq/expected-loads.tsv"
  cat "$tmp/seq.diff"
fi
# each load's facts and evidence window, derived by hand from the logs
# (tests/data/seq/expected-facts.tsv)
"$OLR_DBDUMP" --facts "$tmp/seq.db" > "$tmp/seq-facts.tsv"
if diff -u tests/data/seq/expected-facts.tsv "$tmp/seq-facts.tsv" \
    > "$tmp/seqf.diff"; then ok; else
  bad "seq: load facts differ from tests/data/seq/expected-facts.tsv"
  cat "$tmp/seqf.diff"
fi
"$OLR_DBDUMP" "$tmp/seq.db" > "$tmp/seq.dump"
check seq tests/golden/seq.dump "$tmp/seq.dump"

# 7. --patterns: an entry overridden in place, a new one tried first
cat > "$tmp/extra.pat" <<'PAT'
# GPU inventory lines only counted, not stored
[gpu_inference_compute]
table   = noise
match   = slog
literal = inference compute

[blob_count]
table   = runners
match   = slog
literal = total blobs
regex   = ^total blobs: (?<n>[0-9]+)$
col kind  = const:blobs
col count = group:n:int
PAT
"$OLR_BIN" -q --patterns "$tmp/extra.pat" examples/ollama-0.13.5-two-gpu.log \
  --db "$tmp/pat.db"; rc=$?
[ $rc -eq 0 ] && ok || bad "--patterns: exit status $rc"
"$OLR_DBDUMP" --counts "$tmp/pat.db" | grep -q '	gpus	' &&
  bad "--patterns: gpus still stored" || ok
echo "SELECT kind, count FROM runners WHERE event = 'blob_count'" |
  "$OLR_DBDUMP" --query "$tmp/pat.db" > "$tmp/blobs.txt"
[ "$(cat "$tmp/blobs.txt")" = "blobs | 9" ] && ok ||
  bad "--patterns: blob_count rows: $(cat "$tmp/blobs.txt")"

# 8. a bad catalogue file is refused with its file and line, exit 1
printf '[x]\ntable = runners\nmatch = slog\nliteral = a\nregex = (unclosed\n' \
  > "$tmp/bad.pat"
"$OLR_BIN" -q --patterns "$tmp/bad.pat" examples/ollama-0.13.5-two-gpu.log \
  --db "$tmp/bad.db" 2> "$tmp/bad.err"; rc=$?
[ $rc -eq 1 ] && ok || bad "bad --patterns: exit status $rc"
sed "s|$tmp/||" "$tmp/bad.err" > "$tmp/badpat.txt"
check badpat tests/golden/bad-pattern.txt "$tmp/badpat.txt"

# 9. --redact: no user name, host or address of the examples survives in
#    any output, and the same entity keeps one placeholder
"$OLR_BIN" -q --redact examples/*.log -o "$tmp/red" --format db,html,xlsx
rc=$?
[ $rc -eq 0 ] && ok || bad "--redact: exit status $rc"
for who in okafor home/rhea lab-ws07; do
  if grep -q "$who" examples/*.log; then
    if grep -aq "$who" "$tmp/red/ollama.db" "$tmp/red/index.html"; then
      bad "--redact: '$who' is still in the outputs"
    elif command -v unzip >/dev/null 2>&1 &&
        unzip -p "$tmp/red/report.xlsx" | grep -aq "$who"; then
      bad "--redact: '$who' is still in report.xlsx"
    else ok; fi
  fi
done
"$OLR_DBDUMP" "$tmp/red/ollama.db" | grep -o 'host[0-9][0-9]*' | sort -u \
  > "$tmp/hosts.txt"
[ "$(cat "$tmp/hosts.txt")" = "host1" ] && ok ||
  bad "--redact: host placeholders: $(tr '\n' ' ' < "$tmp/hosts.txt")"

# 10. a time window limits the report, per-model summary included; the
#     database keeps everything
"$OLR_BIN" -q examples/*.log -o "$tmp/win" --format db,html --until 2025-01-01
rc=$?
[ $rc -eq 0 ] && ok || bad "--until: exit status $rc"
grep -q "Meta Llama 3.1 8B Instruct" "$tmp/win/index.html" && ok ||
  bad "--until: a load inside the window is missing"
grep -q "Llama 3.3 70B Instruct" "$tmp/win/index.html" &&
  bad "--until: a model loaded after the window is in the report" || ok
n=$("$OLR_DBDUMP" "$tmp/win/ollama.db" | awk '/^## model_summary/ { on = 1; next }
  /^## / { on = 0 } on' | sed 1d | wc -l)
[ "$n" -eq 9 ] && ok || bad "--until: database model_summary has $n rows, not 9"

# 11. the progress line: on a terminal (script(1) gives one), every step of
#     the stages after ingest, each line taken away when its stage ends; on
#     a pipe, nothing
if command -v script >/dev/null 2>&1; then
  OLR_PROGRESS_DELAY=0 script -qec "'$OLR_BIN' examples/*.log -o \
    '$tmp/prog' --format db,xlsx" /dev/null > "$tmp/prog.txt" 2>&1
  for step in "load sequences: model_dumps" "load sequences: facts of each load" \
      "analyses: memory release" "reports: report.xlsx, sheet model_metadata"; do
    grep -q "$step" "$tmp/prog.txt" && ok || bad "progress: no '$step'"
  done
  # each stage's line is cleared (CR, erase line) before the next output
  n=$(grep -o "$(printf '\r\033\\[K')" "$tmp/prog.txt" | wc -l)
  [ "$n" -eq 3 ] && ok || bad "progress: $n line clearings, not 3"
  "$OLR_BIN" examples/*.log -o "$tmp/prog2" --format db,xlsx \
    > /dev/null 2> "$tmp/prog2.err"
  [ ! -s "$tmp/prog2.err" ] && ok || bad "progress: output on a pipe"
else
  echo "SKIP: progress line (no script(1))"
fi

# 12. an unreadable file: one line naming it, the other input still read,
#     exit 1. Root reads any file, so as root the run is made as nobody
#     (setpriv), from a directory nobody may use, with a copy of the binary.
u=$(mktemp -d "${TMPDIR:-/tmp}/olr-unr.XXXXXX")
chmod 755 "$u"
cp "$OLR_BIN" "$u/olr" && cp examples/ollama-0.13.5-two-gpu.log "$u/ok.log"
printf 'x\n' > "$u/secret.log"
mkdir "$u/out" && chmod 777 "$u/out" && chmod 644 "$u/ok.log" &&
  chmod 000 "$u/secret.log"
as=""
if [ "$(id -u)" = 0 ]; then
  as="setpriv --reuid=65534 --regid=65534 --clear-groups"
  $as true 2>/dev/null || as="none"
fi
if [ "$as" = none ]; then
  echo "SKIP: unreadable file (root, and setpriv cannot drop to nobody)"
else
  # (the suppressions of a sanitizer build must be readable by nobody)
  cp "$OLR_SRCDIR/tests/lsan.supp" "$u/lsan.supp" && chmod 644 "$u/lsan.supp"
  (cd "$u" && LSAN_OPTIONS=suppressions="$u/lsan.supp" \
    $as ./olr -q secret.log ok.log -o out --format db) 2> "$u/err.txt"; rc=$?
  [ $rc -eq 1 ] && ok || bad "unreadable: exit status $rc, expected 1"
  printf 'ollama-logreport: secret.log: cannot open: Permission denied\n' |
    cmp -s - "$u/err.txt" && ok || bad "unreadable: stderr: $(cat "$u/err.txt")"
  n=$("$OLR_DBDUMP" --counts "$u/out/ollama.db" | grep -c 'ok.log')
  [ "$n" -gt 5 ] && ok || bad "unreadable: the readable file was not read"
fi
rm -rf "$u"

# 13. --models DIR: a manifest names its blob in every output, the name is
#     kept in the database for a render-only run; a directory that is no
#     models directory is one line naming it, exit 1, the logs still read.
m=$(mktemp -d "${TMPDIR:-/tmp}/olr-models.XXXXXX")
mkdir -p "$m/models/manifests/registry.ollama.ai/library/llama3.3" \
  "$m/models/manifests/hf.co/team/other" "$m/models/blobs"
printf '{"schemaVersion":2,"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b","size":34263101604}]}' \
  > "$m/models/manifests/registry.ollama.ai/library/llama3.3/70b-q3"
printf '{"layers":[]}' > "$m/models/manifests/hf.co/team/other/latest"
"$OLR_BIN" examples/ollama-0.13.5-two-gpu.log --models "$m/models" \
  -o "$m/out" --format db,html > "$m/stdout.txt" 2> "$m/err.txt"; rc=$?
[ $rc -eq 0 ] && ok || bad "--models: exit $rc: $(cat "$m/err.txt")"
grep -qx "$m/models: 1 model tags, 1 files that are no manifest skipped" \
  "$m/stdout.txt" && ok || bad "--models: stdout: $(cat "$m/stdout.txt")"
"$OLR_DBDUMP" "$m/out/ollama.db" > "$m/dump.txt"
grep -q "^sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b	llama3.3:70b-q3	manifest	llama3.3:70b-q3$" \
  "$m/dump.txt" && ok || bad "--models: model_names row missing"
[ "$(grep -c 'llama3.3:70b-q3' "$m/out/index.html")" -ge 2 ] && ok ||
  bad "--models: the HTML does not name the load llama3.3:70b-q3"
grep -q 'Llama 3.3 70B Instruct Q3_K_M' "$m/out/index.html" &&
  bad "--models: the HTML still shows general.name" || ok
rm -f "$m/out/index.html"
"$OLR_BIN" -q --db "$m/out/ollama.db" -o "$m/out" --format html 2>&1 &&
  [ "$(grep -c 'llama3.3:70b-q3' "$m/out/index.html")" -ge 2 ] && ok ||
  bad "--models: a render-only run lost the tag"
"$OLR_BIN" -q examples/ollama-0.13.5-two-gpu.log --models "$m/models/blobs" \
  -o "$m/out2" --format db 2> "$m/err2.txt"; rc=$?
[ $rc -eq 1 ] && ok || bad "--models not a models dir: exit $rc, expected 1"
printf 'ollama-logreport: %s: not an Ollama models directory (no manifests/ in it)\n' \
  "$m/models/blobs" | cmp -s - "$m/err2.txt" && ok ||
  bad "--models not a models dir: stderr: $(cat "$m/err2.txt")"
"$OLR_DBDUMP" --loads "$m/out2/ollama.db" | grep -q 'two-gpu' && ok ||
  bad "--models not a models dir: the log was not read"
rm -rf "$m"

# 14. --export ndjson DIR: one file per table, one JSON object per row,
#     host on every row (the source's, the load's, or null)
x=$(mktemp -d "${TMPDIR:-/tmp}/olr-export.XXXXXX")
"$OLR_BIN" examples/*.log --db "$x/e.db" --export ndjson "$x/nd" \
  > "$x/out.txt" 2>&1; rc=$?
[ $rc -eq 0 ] && ok || bad "--export: exit $rc: $(cat "$x/out.txt")"
ntab=$(ls "$x/nd" | grep -c '\.ndjson$')
grep -q "^$x/nd: $ntab tables, [0-9]* rows as NDJSON\$" "$x/out.txt" && ok ||
  bad "--export: summary line: $(cat "$x/out.txt")"
[ "$ntab" -ge 28 ] && [ -s "$x/nd/loads.ndjson" ] && ok ||
  bad "--export: $ntab tables"
[ "$(wc -l < "$x/nd/loads.ndjson")" -eq \
  "$("$OLR_DBDUMP" --loads "$x/e.db" | sed 1d | wc -l)" ] && ok ||
  bad "--export: loads.ndjson has not one line per load"
grep -c . "$x/nd/loads.ndjson" | grep -qx "$(grep -c '^{.*,"host":\(null\|"[^"]*"\)}$' "$x/nd/loads.ndjson")" &&
  ok || bad "--export: a loads row without host last"
grep -q '"host":"lab-ws07"}$' "$x/nd/runners.ndjson" &&
  grep -q '"host":null}$' "$x/nd/runners.ndjson" && ok ||
  bad "--export: runners rows do not carry their source's host"
grep -q '"model_path":"C:\\\\Users\\\\okafor\\\\.ollama' "$x/nd/loads.ndjson" && ok ||
  bad "--export: a Windows path is not escaped as JSON"
grep -q '"bpw":4.91,' "$x/nd/loads.ndjson" && grep -q '"load_seconds":22.41,' \
  "$x/nd/loads.ndjson" && ok || bad "--export: reals not written shortest"
grep -q '"model":"sha256-2119ddf03b0cb7a7c32f0ecf02dd5a03f158c9fa4a707bbf21137a42a9907ebe","name":"mistral-nemo:12b","origin":"log","tags":"mistral-nemo:12b","host":null}' \
  "$x/nd/model_names.ndjson" && ok || bad "--export: model_names row"
ls -a "$x/nd" | grep -q '\.tmp$' && bad "--export: a temporary file is left" || ok
"$OLR_BIN" -q --db "$x/e.db" --export csv "$x/nd2" 2> "$x/err.txt"; rc=$?
[ $rc -eq 2 ] && grep -q "expected '--export ndjson DIR'" "$x/err.txt" && ok ||
  bad "--export csv: exit $rc, expected 2"
rm -rf "$x"

# 15. a docker compose log: the container names the host, unless --host
c=$(mktemp -d "${TMPDIR:-/tmp}/olr-compose.XXXXXX")
sed 's/^/ollama-1  | /' examples/ollama-0.13.5-two-gpu.log > "$c/compose.log"
"$OLR_BIN" -q "$c/compose.log" --db "$c/a.db" || bad "compose: exit $?"
"$OLR_BIN" -q "$c/compose.log" --host gpu-c --db "$c/b.db" || bad "compose --host: exit $?"
host_of() { "$OLR_DBDUMP" "$1" | awk -F'\t' '/^## sources/ { s = 1; next }
  /^## / { s = 0 } s && $1 == 1 { print $3 }'; }
[ "$(host_of "$c/a.db")" = ollama-1 ] && [ "$(host_of "$c/b.db")" = gpu-c ] && ok ||
  bad "compose: hosts $(host_of "$c/a.db") / $(host_of "$c/b.db")"
rm -rf "$c"

finish

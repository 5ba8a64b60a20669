#!/bin/sh
# run-report.sh - tests of report.md, the bug-report answer:
#  1. golden: report.md of each example log against tests/golden/md/
#     (UPDATE_GOLDEN=1 rewrites)
#  2. one fixture log per problem kind (tests/data/report/): its problem
#     comes first, with the exact grouped count and the numbers that explain
#     it in its story (tests/data/report/expect.tsv)
#  3. Markdown safety: a raw line holding ``` stays inside its fence, a pipe
#     in a model name stays inside its table cell; rendered by cmark-gfm
#     (when installed) the evidence is <details> and the table a <table>
#  4. --redact leaves no identifier in report.md, and the identifiers line
#     is there without it
#  5. a log with more to say than an issue takes: cut at 65,000 bytes with
#     a note on what was left out
#  6. the whole corpus (../shared/corpus, skipped when absent): report.md
#     within 65,000 characters, and what failed and why for 005, 025, 044
. "$(dirname "$0")/setup.sh"

cd "$OLR_SRCDIR" || exit 1

# md DIR ARGS...: write DIR/report.md
md() {
  d=$1; shift
  "$OLR_BIN" -q "$@" -o "$d" --format md 2> "$d.err"; rc=$?
  if [ $rc -eq 0 ] && [ -s "$d/report.md" ]; then ok; else
    bad "render $d: exit status $rc"; head -n 20 "$d.err"
  fi
}
pin() { sed 's|ollama-logreport [0-9][^ ,]*|ollama-logreport VERSION|' "$1"; }

# 1. golden report.md per example log
mkdir -p "$tmp/golden"
for f in examples/*.log; do
  b=$(basename "$f" .log)
  md "$tmp/ex-$b" "$f"
  pin "$tmp/ex-$b/report.md" > "$tmp/golden/$b.md"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    mkdir -p tests/golden/md && cp "$tmp/golden/$b.md" tests/golden/md/; ok
  elif diff -u "tests/golden/md/$b.md" "$tmp/golden/$b.md" > "$tmp/$b.diff"; then
    ok
  else
    bad "$b: report.md differs from tests/golden/md/$b.md:"; head -n 40 "$tmp/$b.diff"
  fi
done

# 2. one fixture per problem kind
grep -v '^#' tests/data/report/expect.tsv | while IFS='	' read -r fx kind count strings; do
  md "$tmp/fx-$fx" "tests/data/report/$fx.log"
  r=$tmp/fx-$fx/report.md
  first=$(grep -m1 '^\*\*[a-z]*\*\* · `' "$r")
  case $first in
    *"\`$kind\`"*) ok ;;
    *) bad "$fx: first problem is not $kind: $first" ;;
  esac
  if [ "$count" = 1 ]; then want="once,"; else want="$count times,"; fi
  case $first in
    *"$want"*) ok ;;
    *) bad "$fx: count is not $count: $first" ;;
  esac
  story=$(awk '/^### 1\./ { on = 1; next } on && /^<details>/ { exit } on' "$r")
  old=$IFS; IFS='|'
  for s in $strings; do
    case $story in
      *"$s"*) ok ;;
      *) bad "$fx: story lacks '$s'" ;;
    esac
  done
  IFS=$old
  grep -q "^<details><summary>Evidence: " "$r" && ok || bad "$fx: no evidence block"
done > "$tmp/fixtures.out"
cat "$tmp/fixtures.out"
n=$(grep -c '^FAIL' "$tmp/fixtures.out")
[ "$n" -eq 0 ] && ok || fail=$((fail + n))
# every problem kind has its fixture
n=$(grep -v '^#' tests/data/report/expect.tsv | cut -f2 | sort -u | wc -l)
[ "$n" -eq 13 ] && ok || bad "expect.tsv covers $n problem kinds, not 13"

# 3. Markdown safety (load-failed.log: ``` in the error, | in the name)
r=$tmp/fx-load-failed/report.md
grep -q '^````log$' "$r" && ok || bad "a raw line with \`\`\` did not get a longer fence"
grep -q '^| Fixture Bad \\| Pipe Model | 1 |' "$r" && ok || bad "the pipe in a model name is not escaped in the table"
if command -v cmark-gfm > /dev/null 2>&1; then
  for d in "$tmp/fx-load-failed" "$tmp/fx-client-gave-up" "$tmp/ex-ollama-0.6.1-journalctl-failure"; do
    cmark-gfm --unsafe --extension table "$d/report.md" > "$d/report.html"
    h=$d/report.html
    grep -q '<details><summary>Evidence' "$h" && ok || bad "$d: no <details> in the rendered HTML"
    grep -q '<pre><code class="language-log">' "$h" && ok || bad "$d: the evidence is not a code block"
    grep -q '<table>' "$h" && ok || bad "$d: the loads table is not a <table>"
    n=$(grep -c '<details>' "$h"); m=$(grep -c '</details>' "$h")
    [ "$n" -eq "$m" ] && ok || bad "$d: $n <details> but $m </details>"
    # the rows of the loads-per-model table (the last one; the capacity
    # review's tables come before it): one per model, 9 cells each
    awk '/<tbody>/ { b = ""; on = 1 } on { b = b $0 "\n" }
      /<\/tbody>/ { on = 0; last = b } END { printf "%s", last }' "$h" > "$h.last"
    n=$(grep -c '<td' "$h.last")
    m=$(grep -c '<tr>' "$h.last")
    [ "$n" -eq $((m * 9)) ] && ok || bad "$d: $n cells in $m table rows"
  done
  grep -q '<td>Fixture Bad | Pipe Model</td>' "$tmp/fx-load-failed/report.html" && ok ||
    bad "the model name with a pipe is not one cell"
else
  echo "SKIP: cmark-gfm checks (cmark-gfm not installed)"
fi

# 4. --redact
"$OLR_BIN" -q examples/*.log -o "$tmp/plain" --format md && ok || bad "examples: exit status"
grep -q '^> \*\*This report contains user names in paths, host names' "$tmp/plain/report.md" &&
  ok || bad "no identifiers line without --redact"
"$OLR_BIN" -q --redact examples/*.log -o "$tmp/red" --format md && ok || bad "--redact: exit status"
for who in okafor home/rhea lab-ws07 "This report contains"; do
  if grep -q "$who" "$tmp/red/report.md"; then bad "--redact: '$who' in report.md"; else ok; fi
done

# 5. more to say than an issue takes: 400 models, each failing its own way,
#    with long lines; the most severe are kept, the rest counted
awk 'BEGIN {
  print "time=2025-05-01T10:00:00.000Z level=INFO source=routes.go:1297 msg=\"Listening on 127.0.0.1:11434 (version 0.6.1)\""
  for (i = 0; i < 400; i++) {
    d = sprintf("%064d", i)
    pad = sprintf("%0300d", i)
    printf "time=2025-05-01T10:%02d:%02d.000Z level=INFO source=server.go:405 msg=\"starting llama server\" cmd=\"/usr/local/bin/ollama runner --model /m/blobs/sha256-%s --ctx-size 4096 --batch-size 512 --n-gpu-layers 33 --threads 6 --parallel 1 --port 40001\"\n", int(i / 60) % 60, i % 60, d
    printf "time=2025-05-01T10:%02d:%02d.500Z level=ERROR source=sched.go:456 msg=\"error loading llama server\" error=\"unable to read model %d: %s\"\n", int(i / 60) % 60, i % 60, i, pad
  }
}' > "$tmp/many.log"
md "$tmp/many" "$tmp/many.log"
r=$tmp/many/report.md
n=$(wc -c < "$r")
[ "$n" -le 65000 ] && [ "$n" -gt 50000 ] && ok || bad "many problems: report.md of $n bytes"
shown=$(grep -c '^### ' "$r")
grep -q "^\*\*$((400 - shown)) more problems (less severe) left out to keep this under GitHub's 65,536-character limit; they are in index.html.\*\*$" "$r" &&
  ok || bad "many problems: no note on the $((400 - shown)) problems left out"
tail -n 1 "$r" | grep -q '^<sub>ollama-logreport' && ok || bad "many problems: the end of report.md was cut"

# 6. the corpus
corpus="$OLR_SRCDIR/../shared/corpus"
if [ ! -d "$corpus" ]; then
  echo "SKIP: no corpus at $corpus"
else
  md "$tmp/corpus" "$corpus"/*.log
  r=$tmp/corpus/report.md
  n=$(wc -m < "$r")
  [ "$n" -le 65000 ] && ok || bad "corpus report.md has $n characters"
  echo "corpus report.md: $n characters, $(wc -c < "$r") bytes"
  for s in 'KV cache of 13.50 GiB (14495514624 bytes) on the CPU (system memory)' \
      'ctx 131072' 'showed 2.70 GiB (2899102925 bytes) free' \
      'Meta Llama 3.1 70B Instruct Q4\_K\_M: the client gave up after 104.3 s' \
      "\`client_gave_up\` · 15 times" "\`vram_timeout\` · 18 times"; do
    grep -qF "$s" "$r" && ok || bad "corpus report.md lacks '$s'"
  done
  # problems come before the loads table; the first problem is an error
  a=$(grep -n '^## Problems' "$r" | cut -d: -f1); b=$(grep -n '^## Loads per model' "$r" | cut -d: -f1)
  [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] && [ "$a" -lt 20 ] && ok ||
    bad "corpus: the problems are not first"
  grep -m1 '^\*\*[a-z]*\*\* · `' "$r" | grep -q '^\*\*error' && ok || bad "corpus: first problem is not an error"
  # a cut report says so
  nprob=$(grep -c '^### ' "$r")
  total=$(sed -n 's/^\*\*[0-9]* model loads.* \([0-9]*\) problems* found\.\*\*$/\1/p' "$r")
  if [ "$nprob" -lt "$total" ]; then
    grep -q 'left out to keep this under' "$r" && ok || bad "corpus: problems left out without a note"
  else ok; fi
fi

# an empty time window says so: on stderr, in report.md and index.html,
# with what the database holds; never "no problem found" alone
"$OLR_BIN" -q examples/*.log -o "$tmp/ew" --since 2099-01-01 2> "$tmp/ew.err"; rc=$?
[ $rc -eq 0 ] && ok || bad "empty window: exit $rc"
printf 'ollama-logreport: nothing was logged in the time window from 2099-01-01T00:00:00.000Z; the reports say so\n' |
  cmp -s - "$tmp/ew.err" && ok || bad "empty window: stderr: $(cat "$tmp/ew.err")"
grep -qF '> **Nothing was logged in this report'"'"'s time window from 2099-01-01T00:00:00: no load, memory reading, failure or request. The database holds 5 log files from 2024-11-06T16:02:17 to 2026-06-29T14:17:30 UTC.**' \
  "$tmp/ew/report.md" && ok || bad "empty window: no banner in report.md"
grep -q '<p class="banner">Nothing was logged' "$tmp/ew/index.html" && ok ||
  bad "empty window: no banner in index.html"
grep -q 'Time span: .* 0 log files' "$tmp/ew/report.md" && ok ||
  bad "empty window: the file count is not the window's"

finish

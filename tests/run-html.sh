#!/bin/sh
# run-html.sh - tests of the HTML report (index.html):
#  1. golden: the report of examples/*.log against tests/golden/html/index.html
#     (chart images and the program version pinned; UPDATE_GOLDEN=1 rewrites)
#  2. strings from a log (script tags, img onerror, a spreadsheet formula)
#     appear only escaped
#  3. nothing on the page refers to the network; every load link has a target
#  4. the same input gives byte-identical pages
. "$(dirname "$0")/setup.sh"

cd "$OLR_SRCDIR" || exit 1

# render DIR ARGS...: write DIR/index.html (and DIR/ollama.db), stderr kept
render() {
  d=$1; shift
  "$OLR_BIN" -q "$@" -o "$d" --format db,html 2> "$d.err"; rc=$?
  if [ $rc -eq 0 ] && [ -s "$d/index.html" ]; then ok; else
    bad "render $d: exit status $rc"; head -n 20 "$d.err"
  fi
}

# the parts of a page that change with the build, not with the data
pin() {
  sed -e 's|ollama-logreport [0-9][^ <"]*|ollama-logreport VERSION|g' \
      -e 's|\(<figcaption>[^<]*</figcaption>\).*</figure>|\1CHART</figure>|' \
      "$1"
}

# 1. golden
render "$tmp/ex" examples/*.log
pin "$tmp/ex/index.html" > "$tmp/ex.html"
golden=tests/golden/html/index.html
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  mkdir -p tests/golden/html && cp "$tmp/ex.html" "$golden"; ok
elif diff -u "$golden" "$tmp/ex.html" > "$tmp/golden.diff"; then
  ok
else
  bad "examples report differs from $golden:"; head -n 60 "$tmp/golden.diff"
fi
for s in 'id="alerts"' 'id="models"' 'id="loads"' 'id="estimates"' \
    'id="release"' 'id="failures"' 'id="charts"' 'id="coverage"' \
    'id="glossary"'; do
  grep -n "$s" "$tmp/ex.html" | head -n 1 | cut -d: -f1
done > "$tmp/order"
sort -n "$tmp/order" | cmp -s - "$tmp/order" && [ "$(wc -l < "$tmp/order")" -eq 9 ] &&
  ok || bad "sections missing or out of order: $(tr '\n' ' ' < "$tmp/order")"
grep -q 'Generated 2023-11-14 22:13:20 UTC' "$tmp/ex.html" && ok ||
  bad "generated-at is not SOURCE_DATE_EPOCH in UTC"
# charts are inline SVG, titled once (the caption), every point and bar
# named on hover: one <title> per point of the chart's series
for c in load-times load-time-by-model vram layer-placement estimate-vs-actual \
    bpw-vs-params failures-timeline; do
  n=$(grep "<figure id=\"chart-$c\">" "$tmp/ex/index.html" |
    grep -o '<title>[^<]*</title>' | wc -l)
  want=$(grep -cv '^\(series\|xaxis\|xsegment\|xtick\|yaxis\|ytick\|note\)	' \
    "tests/golden/charts/$c.tsv")
  [ "$n" -gt 0 ] && [ "$n" -eq "$want" ] && ok ||
    bad "chart $c: $n hover titles, $want points"
done
grep -q '<title>Llama 3.3 70B Instruct Q3_K_M — ok: 22.41 s at 2026-01-15 00:43:53 UTC</title>' \
  "$tmp/ex/index.html" && ok || bad "load-times: the 70B load's hover title"
[ "$(grep -c '<svg ' "$tmp/ex/index.html")" -eq 9 ] &&
  ! grep -q '<img src="data:image/png' "$tmp/ex/index.html" && ok ||
  bad "charts are not all inline SVG"
grep '<figure id="chart-vram">' "$tmp/ex/index.html" |
  grep -q '<figcaption>VRAM used and total, per GPU</figcaption><svg' && ok ||
  bad "the VRAM chart is not captioned once"
[ "$(grep -o ' id="c2-[^"]*"' "$tmp/ex/index.html" | sort | uniq -d | wc -l)" -eq 0 ] &&
  ! grep -q ' id="glyph' "$tmp/ex/index.html" && ok ||
  bad "SVG ids are not unique on the page"

# 2. hostile strings from a log are escaped
mkdir "$tmp/in"
payload='<script>alert(1)</script> <img src=x onerror=alert(1)> =HYPERLINK("http://x","y")'
slogpayload=$(printf '%s' "$payload" | sed 's/"/\\\\"/g')
sed -e "20s|= Qwen2.5 14B Instruct|= $payload|" \
    -e "94s|= Qwen2.5 14B Instruct|= $payload|" \
    -e "212s|error=\"llama runner process has terminated: |error=\"$slogpayload |" \
    examples/ollama-0.6.1-journalctl-failure.log > "$tmp/in/evil.log"
grep -c 'onerror' "$tmp/in/evil.log" | grep -qx 3 && ok ||
  bad "fixture: payload not written into the log"
render "$tmp/evil" "$tmp/in/evil.log"
page=$tmp/evil/index.html
n=$(grep -ci '<script' "$page"); [ "$n" -eq 0 ] && ok ||
  bad "a <script tag reached the page ($n lines)"
n=$(grep -ci '<img src=x' "$page"); [ "$n" -eq 0 ] && ok ||
  bad "an <img src=x tag reached the page ($n lines)"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;' "$page" &&
  ok || bad "the kv payload is not shown escaped"
grep -q '=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)' "$page" && ok ||
  bad "the formula is not shown escaped"
n=$(grep -c 'Evidence: evil.log' "$page"); [ "$n" -ge 1 ] && ok ||
  bad "no load evidence in the fixture report"
grep 'class="errtext' "$page" | grep -q '&lt;img src=x' && ok ||
  bad "the error text payload is not shown (escaped) as a failure"

# 3. no network reference: attributes, CSS url(), @import, <link>, <script>
for p in "$tmp/ex/index.html" "$page"; do
  n=$(grep -Eic "(src|href|action|poster|srcset|data|background)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*(https?:|//)|url\([[:space:]]*[\"']?[[:space:]]*(https?:|//)|@import|<link|<script|<iframe|<object|<embed" "$p")
  [ "$n" -eq 0 ] && ok || bad "$p: $n lines refer to the network or embed"
  grep -Eo 'src="[^"]*' "$p" | grep -v '^src="data:image/png;base64,' \
    > "$tmp/srcs"
  [ -s "$tmp/srcs" ] && bad "$p: a src that is not a PNG data URI" || ok
  # every in-page link has its target
  grep -Eo 'href="#[^"]*"' "$p" | sed 's/href="#//; s/"$//' | sort -u > "$tmp/hrefs"
  grep -Eo 'id="[^"]*"' "$p" | sed 's/id="//; s/"$//' | sort -u > "$tmp/ids"
  missing=$(comm -23 "$tmp/hrefs" "$tmp/ids" | tr '\n' ' ')
  [ -z "$missing" ] && ok || bad "$p: links without a target: $missing"
done

# 4. reproducible: again from the logs, and twice from the kept database
render "$tmp/ex2" examples/*.log
cmp -s "$tmp/ex/index.html" "$tmp/ex2/index.html" && ok ||
  bad "two renders of the examples differ"
"$OLR_BIN" -q --db "$tmp/ex/ollama.db" -o "$tmp/r1" --format html 2>/dev/null &&
"$OLR_BIN" -q --db "$tmp/ex/ollama.db" -o "$tmp/r2" --format html 2>/dev/null &&
  cmp -s "$tmp/r1/index.html" "$tmp/r2/index.html" &&
  cmp -s "$tmp/r1/index.html" "$tmp/ex/index.html" && ok ||
  bad "renders of the kept database differ"

finish

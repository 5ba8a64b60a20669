#!/bin/sh
# run-corpus.sh - every real log in ../shared/corpus is ingested without a
# crash, and its rows per category table match tests/data/corpus-counts.tsv
# (counts verified by reading the logs). Skipped when the corpus is absent.
. "$(dirname "$0")/setup.sh"

corpus="$OLR_SRCDIR/../shared/corpus"
if [ ! -d "$corpus" ]; then
  echo "SKIP: no corpus at $corpus"
  exit 77
fi
cd "$corpus" || exit 1
for f in *.log; do
  "$OLR_BIN" -q "$f" --db "$tmp/corpus.db" 2> "$tmp/err"; rc=$?
  if [ $rc -eq 0 ] && [ ! -s "$tmp/err" ]; then ok; else
    bad "$f: exit $rc: $(head -c 300 "$tmp/err")"; fi
done
"$OLR_DBDUMP" --counts "$tmp/corpus.db" | sed 1d | sort > "$tmp/counts.tsv"
sed 1d "$OLR_SRCDIR/tests/data/corpus-counts.tsv" | sort > "$tmp/expected.tsv"
if diff -u "$tmp/expected.tsv" "$tmp/counts.tsv" > "$tmp/diff"; then ok; else
  bad "row counts differ from tests/data/corpus-counts.tsv:"
  head -n 80 "$tmp/diff"
fi

# every load sequence: start, end, outcome, reported seconds, model, as
# verified by reading the logs (tests/data/corpus-loads.tsv, notes in
# tests/data/corpus-loads.md)
"$OLR_DBDUMP" --loads "$tmp/corpus.db" | sed 1d | sort > "$tmp/loads.tsv"
sed 1d "$OLR_SRCDIR/tests/data/corpus-loads.tsv" | sort > "$tmp/loads-exp.tsv"
if diff -u "$tmp/loads-exp.tsv" "$tmp/loads.tsv" > "$tmp/ldiff"; then ok; else
  bad "loads differ from tests/data/corpus-loads.tsv:"
  head -n 60 "$tmp/ldiff"
fi
# the facts of the loads whose evidence once came from other loads (a dump
# before a restart, after the load, of another model), of a failed load
# whose client gave up, and of a failure with no start, as read in the
# logs (tests/data/corpus-facts.tsv, notes in tests/data/corpus-loads.md)
"$OLR_DBDUMP" --facts "$tmp/corpus.db" > "$tmp/facts.tsv"
sed 1d "$OLR_SRCDIR/tests/data/corpus-facts.tsv" | cut -f1,2 |
  while IFS='	' read -r file start; do
    awk -F'\t' -v f="$file" -v s="$start" '$1 == f && $2 == s' \
      "$tmp/facts.tsv"
  done > "$tmp/facts-got.tsv"
if sed 1d "$OLR_SRCDIR/tests/data/corpus-facts.tsv" |
    diff -u - "$tmp/facts-got.tsv" > "$tmp/fdiff"; then ok; else
  bad "load facts differ from tests/data/corpus-facts.tsv:"
  cat "$tmp/fdiff"
fi
finish

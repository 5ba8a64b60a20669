#!/bin/sh
# run-trust.sh - trust under failure (issue 14): reports replaced whole
# (a render killed at any moment, a full disk), schema versions and
# migration, --forget, inputs that lie.
. "$(dirname "$0")/setup.sh"

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

finish

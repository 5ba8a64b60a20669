#!/usr/bin/env bash
# bench/ingest.sh -- ingest throughput and peak memory of ollama-logreport,
# measured against `grep -cE` over the same input.
#
# Run from the project root after building:
#     bash bench/ingest.sh
#
# Environment (all optional):
#   BIN=path       binary to measure (default: ./ollama-logreport, else ./src/ollama-logreport)
#   CORPUS=dir     directory whose *.log files are concatenated (default: ../shared/corpus)
#   SIZE_MB=N      size of the large input in MiB (default: 200); the small input is N/4
#   RUNS=N         timed runs per measurement, the fastest is reported (default: 3)
#   GNU_TIME=path  GNU time binary (default: /usr/bin/time; set empty to force the fallback)
#   STRICT=1       exit 1 when a target is missed (default: report only)
#   KEEP=1         keep the temporary directory and print its path
#   FORMAT=list    --format of the measured run (default: db, i.e. ingest,
#                  load sequences and analyses, no report rendering)
#
# The speed target is for the ingest stage (read -> decode -> classify ->
# normalize -> store), timed by the program itself (-v); the whole run, with
# the load sequences and analyses, is printed next to it.
#
# Targets (see bench/README.md): ingest >= 40% of grep -E speed; peak RSS < 64 MiB
# at any input size.
set -euo pipefail

CORPUS=${CORPUS:-../shared/corpus}
SIZE_MB=${SIZE_MB:-200}
RUNS=${RUNS:-3}
STRICT=${STRICT:-0}
KEEP=${KEEP:-0}
FORMAT=${FORMAT:-db}
GNU_TIME=${GNU_TIME-/usr/bin/time}

TARGET_PCT=40
TARGET_RSS_MIB=64

# Key message texts of the 14 categories (see ../shared/corpus/MANIFEST.md) plus
# the newer spellings of the same events; this is what a plain grep would look for.
PATTERN='updated VRAM|system memory|will fit in available VRAM|offload|KV buffer size|KV self size|compute buffer size|model weights|compute graph|kv cache|didn.t recover within timeout|inference compute|cache size|BPW|load_tensors|model params|llama runner started in|llama-server started in|starting llama server|starting llama-server|starting runner|starting go runner|starting ollama engine|Server listening on|loaded runners|llama_model_loader: - kv|llama_model_loader: - type'

die() { echo "bench: $*" >&2; exit 2; }

case $SIZE_MB in ''|*[!0-9]*) die "SIZE_MB must be a positive integer (got '$SIZE_MB')";; esac
case $RUNS in ''|*[!0-9]*) die "RUNS must be a positive integer (got '$RUNS')";; esac
[ "$SIZE_MB" -ge 4 ] || die "SIZE_MB must be at least 4"
[ "$RUNS" -ge 1 ] || die "RUNS must be at least 1"

if [ -z "${BIN:-}" ]; then
    if [ -x ./ollama-logreport ]; then BIN=./ollama-logreport
    elif [ -x ./src/ollama-logreport ]; then BIN=./src/ollama-logreport
    else die "no ./ollama-logreport or ./src/ollama-logreport: build first, or set BIN=path"
    fi
fi
[ -x "$BIN" ] || command -v "$BIN" >/dev/null 2>&1 || die "BIN=$BIN is not executable"

[ -d "$CORPUS" ] || die "corpus directory '$CORPUS' not found (run from the project root or set CORPUS=dir)"
shopt -s nullglob
corpus_files=("$CORPUS"/*.log)
shopt -u nullglob
[ "${#corpus_files[@]}" -gt 0 ] || die "no *.log files in '$CORPUS'"

if [ -n "$GNU_TIME" ] && ! { [ -x "$GNU_TIME" ] && "$GNU_TIME" -f '%e %M' true >/dev/null 2>&1; }; then
    echo "bench: $GNU_TIME is not GNU time (Debian package 'time'); using the bash/proc fallback" >&2
    GNU_TIME=
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/olr-bench.XXXXXX")
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
    if [ "$KEEP" = 1 ]; then echo "bench: kept $tmp" >&2; else rm -rf "$tmp"; fi
    return 0
}
trap cleanup EXIT

now_ns() { date +%s%N; }

# build_input FILE MIB: concatenate the corpus, repeated, until FILE has >= MIB MiB
# (whole corpus files only, so no line is cut).
build_input() {
    local out=$1 want=$(( $2 * 1024 * 1024 )) size=0 chunk_size f
    if [ ! -s "$tmp/corpus.chunk" ]; then cat "${corpus_files[@]}" > "$tmp/corpus.chunk"; fi
    chunk_size=$(stat -c %s "$tmp/corpus.chunk")
    [ "$chunk_size" -gt 0 ] || die "the corpus files are empty"
    : > "$out"
    while [ $(( size + chunk_size )) -le "$want" ]; do
        cat "$tmp/corpus.chunk" >> "$out"
        size=$(( size + chunk_size ))
    done
    for f in "${corpus_files[@]}"; do
        if [ "$size" -ge "$want" ]; then break; fi
        cat "$f" >> "$out"
        size=$(stat -c %s "$out")
    done
    return 0
}

# measure OUTVAR CMD...: runs CMD once; sets OUTVAR to "seconds peak_kib status".
# stdout of CMD goes to $tmp/stdout, stderr to $tmp/stderr.
measure() {
    local __var=$1; shift
    local t0 t1 st=0 rss=0 secs
    if [ -n "$GNU_TIME" ]; then
        t0=$(now_ns)
        "$GNU_TIME" -f '%e %M' -o "$tmp/time.out" "$@" >"$tmp/stdout" 2>"$tmp/stderr" || st=$?
        t1=$(now_ns)
        rss=$(awk 'END { print $2 + 0 }' "$tmp/time.out")
    else
        # fallback: wall clock from date(1), peak RSS from /proc/PID/status (VmHWM),
        # sampled until the process exits.
        t0=$(now_ns)
        "$@" >"$tmp/stdout" 2>"$tmp/stderr" &
        local pid=$! hwm
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
            if [ -n "$hwm" ] && [ "$hwm" -gt "$rss" ]; then rss=$hwm; fi
            sleep 0.02
        done
        wait "$pid" || st=$?
        t1=$(now_ns)
    fi
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    printf -v "$__var" '%s %s %s' "$secs" "$rss" "$st"
}

# best_of OUTVAR CMD...: RUNS runs; the fastest time, the largest peak RSS.
best_of() {
    local __var=$1; shift
    local i r best_s='' max_rss=0 s k st
    for (( i = 0; i < RUNS; i++ )); do
        rm -rf "$tmp/out"*
        measure r "$@"
        read -r s k st <<<"$r"
        if [ "$st" != 0 ]; then
            echo "bench: command failed with status $st: $*" >&2
            sed -n '1,20p' "$tmp/stderr" >&2
            exit 2
        fi
        if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
            best_s=$s
            cp "$tmp/stdout" "$tmp/stages"
        fi
        if [ "$k" -gt "$max_rss" ]; then max_rss=$k; fi
    done
    printf -v "$__var" '%s %s' "$best_s" "$max_rss"
}

mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
rate() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 0.001; printf "%.1f", b / 1048576 / s }'; }
kib2mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

small_mb=$(( SIZE_MB / 4 ))
big="$tmp/input-${SIZE_MB}M.log"
small="$tmp/input-${small_mb}M.log"

echo "bench: binary $BIN, corpus $CORPUS (${#corpus_files[@]} files), runs $RUNS"
echo "bench: building ${SIZE_MB} MiB and ${small_mb} MiB inputs in $tmp ..."
build_input "$big" "$SIZE_MB"
build_input "$small" "$small_mb"
big_bytes=$(stat -c %s "$big")
small_bytes=$(stat -c %s "$small")

# grep baseline: C locale, -a because some corpus files contain NUL bytes.
g_res='' i_res='' s_res=''
best_of g_res env LC_ALL=C grep -acE "$PATTERN" "$big"
read -r g_s _ <<<"$g_res"
matches=$(cat "$tmp/stdout")

# -v: the stage times of the fastest run (ingest = read -> store; then
# load sequences and analyses) come from its "times:" line
best_of i_res "$BIN" "$big" -o "$tmp/out" -v --format "$FORMAT"
read -r i_s i_rss <<<"$i_res"
stage() { awk -v k="$1" '/^times:/ { for (i = 1; i <= NF; i++) if ($i == k) { v = $(i + 1) } } END { print v + 0 }' "$tmp/stages"; }
st_ingest=$(stage ingest)
st_loads=$(stage sequences)
st_analyses=$(stage analyses)
# the "ingest CPU:" line: CPU seconds of the reader, parser and writer threads
cpu() { awk -v k="$1" '/^ingest CPU:/ { for (i = 1; i <= NF; i++) if ($i == k) { v = $(i + 1) } } END { print v + 0 }' "$tmp/stages"; }
cpu_read=$(cpu read)
cpu_parse=$(cpu store)
cpu_write=$(cpu write)

best_of s_res "$BIN" "$small" -o "$tmp/out" --quiet --format "$FORMAT"
read -r s_s s_rss <<<"$s_res"

i_rate=$(rate "$big_bytes" "$i_s")
st_rate=$(rate "$big_bytes" "$st_ingest")
g_rate=$(rate "$big_bytes" "$g_s")
s_rate=$(rate "$small_bytes" "$s_s")
pct_of() { awk -v i="$1" -v g="$g_rate" 'BEGIN { printf "%.0f", (g > 0 ? 100 * i / g : 0) }'; }
pct=$(pct_of "$st_rate")
pct_run=$(pct_of "$i_rate")
i_rss_mib=$(kib2mib "$i_rss")
s_rss_mib=$(kib2mib "$s_rss")

echo
printf '%-34s %s\n' "input (large)" "$(mib "$big_bytes") MiB ($matches lines match the grep pattern)"
printf '%-34s %s\n' "whole run seconds (--format $FORMAT)" "$i_s"
printf '%-34s %s\n' "  ingest (read -> store) seconds" "$st_ingest"
printf '%-34s %s\n' "    CPU s: read; decode..store; write" "$cpu_read; $cpu_parse; $cpu_write"
printf '%-34s %s\n' "  load sequences seconds" "$st_loads"
printf '%-34s %s\n' "  analyses seconds" "$st_analyses"
printf '%-34s %s\n' "ingest MB/s" "$st_rate"
printf '%-34s %s\n' "whole run MB/s" "$i_rate"
printf '%-34s %s\n' "peak RSS MiB" "$i_rss_mib"
printf '%-34s %s\n' "grep -cE seconds" "$g_s"
printf '%-34s %s\n' "grep -cE MB/s" "$g_rate"
printf '%-34s %s\n' "ingest speed as % of grep" "${pct}%"
printf '%-34s %s\n' "whole run speed as % of grep" "${pct_run}%"
echo
printf '%-34s %s\n' "input (small, 1/4)" "$(mib "$small_bytes") MiB"
printf '%-34s %s\n' "whole run seconds" "$s_s"
printf '%-34s %s\n' "whole run MB/s" "$s_rate"
printf '%-34s %s\n' "peak RSS MiB" "$s_rss_mib"
growth=$(awk -v a="$i_rss" -v b="$s_rss" 'BEGIN { d = (a - b) / 1024; if (d < 0.05 && d > -0.05) d = 0; printf "%+.1f", d }')
printf '%-34s %s\n' "peak RSS large - small (MiB)" "$growth"
echo "(MB = MiB = 2^20 bytes throughout)"
echo
fail=0
if [ "$pct" -ge "$TARGET_PCT" ]; then
    echo "PASS speed: ingest is ${pct}% of grep -E (target >= ${TARGET_PCT}%; whole run ${pct_run}%)"
else
    echo "FAIL speed: ingest is ${pct}% of grep -E (target >= ${TARGET_PCT}%; whole run ${pct_run}%)"; fail=1
fi
if awk -v a="$i_rss_mib" -v b="$s_rss_mib" -v t="$TARGET_RSS_MIB" 'BEGIN { exit !(a < t && b < t) }'; then
    echo "PASS memory: peak RSS ${i_rss_mib} MiB (large) / ${s_rss_mib} MiB (small) (target < ${TARGET_RSS_MIB} MiB)"
else
    echo "FAIL memory: peak RSS ${i_rss_mib} MiB (large) / ${s_rss_mib} MiB (small) (target < ${TARGET_RSS_MIB} MiB)"; fail=1
fi
# 4x the input should not cost more than a few MiB more memory.
if awk -v a="$i_rss" -v b="$s_rss" 'BEGIN { exit !(a <= b * 1.25 + 4096) }'; then
    echo "PASS flat memory: peak RSS does not grow with input size"
else
    echo "FAIL flat memory: peak RSS grows with input size (${s_rss_mib} -> ${i_rss_mib} MiB for 4x input)"; fail=1
fi

if [ "$STRICT" = 1 ] && [ "$fail" != 0 ]; then exit 1; fi
exit 0

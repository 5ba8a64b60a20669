#!/bin/sh
# build.sh - build the libFuzzer targets of tests/fuzz/ (not part of
# `make check`).
#
# Usage: tests/fuzz/build.sh OUTDIR
#
#   Compiles the parsing modules of src/ with clang and
#   -fsanitize=fuzzer-no-link,address,undefined, and links each
#   tests/fuzz/fuzz_*.c into OUTDIR/fuzz_* with -fsanitize=fuzzer. Needs
#   clang (14 or later) and the pkg-config files of libpcre2-8 and sqlite3;
#   needs no configured build tree (a minimal config.h is written to
#   OUTDIR/obj, and src/embedded_data.c is generated from patterns/,
#   src/schema.sql and templates/ as the Makefile does). Environment: CC
#   (default clang), EXTRA_CFLAGS (added to every compile).
#
# Run a target (see tests/fuzz/README.md):
#
#   mkdir -p /tmp/corpus_line
#   OUTDIR/fuzz_line -max_len=4096 -timeout=5 -max_total_time=600 \
#       /tmp/corpus_line tests/fuzz/seeds/fuzz_line
#
# UBSan reports abort the run (-fno-sanitize-recover), so libFuzzer keeps
# the input that caused them.
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTDIR" >&2
	exit 2
fi
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
obj=$out/obj
mkdir -p "$obj"
CC=${CC:-clang}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CFLAGS="-std=c11 -O1 -g -fno-omit-frame-pointer -Wall -Wextra $SAN \
 -DHAVE_CONFIG_H -I$obj -I$top/src $(pkg-config --cflags libpcre2-8 sqlite3) \
 ${EXTRA_CFLAGS:-}"
LIBS="$(pkg-config --libs libpcre2-8 sqlite3) -lpthread -lm"

# What configure would put in config.h that these modules use.
cat > "$obj/config.h" <<'EOH'
#define _GNU_SOURCE 1
#define PACKAGE_VERSION "fuzz"
EOH

sh "$top/build-aux/embed.sh" embedded_patterns $(ls "$top"/patterns/*.pat \
    | LC_ALL=C sort) > "$obj/embedded_data.c.tmp"
sh "$top/build-aux/embed.sh" embedded_schema "$top/src/schema.sql" |
    sed 1,2d >> "$obj/embedded_data.c.tmp"
sh "$top/build-aux/embed.sh" embedded_templates $(ls "$top"/templates/* |
    grep -v '/README.md$' | LC_ALL=C sort) | sed 1,2d \
    >> "$obj/embedded_data.c.tmp"
mv "$obj/embedded_data.c.tmp" "$obj/embedded_data.c"

# The modules the targets reach: the per-line path (envelope, slog,
# classify with the built-in catalogue, event, units), the line splitter,
# the CSV reader and the InfluxDB reader.
MODS="buf classify csv embedded envelope err event influx lines pattern rejoin shape transcode \
 slog units xmalloc"
objs=
for m in $MODS; do
	$CC $CFLAGS -fsanitize=fuzzer-no-link -c "$top/src/$m.c" -o "$obj/$m.o"
	objs="$objs $obj/$m.o"
done
$CC $CFLAGS -fsanitize=fuzzer-no-link -c "$obj/embedded_data.c" \
    -o "$obj/embedded_data.o"
objs="$objs $obj/embedded_data.o"

for f in "$top"/tests/fuzz/fuzz_*.c; do
	t=$(basename "$f" .c)
	$CC $CFLAGS -fsanitize=fuzzer "$f" $objs $LIBS -o "$out/$t"
	echo "built $out/$t"
done

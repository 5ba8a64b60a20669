/*
 * units.h - turning the strings Ollama and llama.cpp print into numbers.
 *
 * All parsers take a (pointer, length) view, need no NUL terminator, accept
 * surrounding spaces and return 0 on success, -1 when the text is not of
 * the expected form (the output is then untouched).
 */
#ifndef OLR_UNITS_H
#define OLR_UNITS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Byte sizes: "1.8 GiB", "934.69 MiB", "0 B", "8.4 KB", "625.2 MiB",
 * "17154772992" (raw bytes), "3847.55MiB". Binary units (KiB MiB GiB TiB)
 * are powers of 1024; SI units (kB KB MB GB TB) powers of 1000, as Go's
 * format.HumanBytes prints them. Fractions are rounded to the nearest byte.
 */
int units_parse_bytes(const char *s, size_t len, int64_t *out);

/*
 * A number of mebibytes ("3847.55", "  1024.00") to bytes: llama.cpp prints
 * sizes divided by 1024*1024 and labels them "MiB" or, in old versions, "MB".
 * A leading minus is accepted: memory breakdown rows print negative
 * "unaccounted" figures.
 */
int units_parse_mib(const char *s, size_t len, int64_t *out);

/*
 * A list of sizes "[3.1 GiB]", "[1.9 GiB 2.0 GiB]", "[]" (brackets
 * optional). Writes at most max values into out, sets *n to the count.
 * Returns -1 if an element is not a size or there are more than max.
 */
int units_parse_bytes_list(const char *s, size_t len, int64_t *out,
    size_t max, size_t *n);

/*
 * Durations to seconds: "8.48 seconds", "8.48s", "5.12" (plain number =
 * seconds), Go durations "1m2.5s", "4h47m59.431990947s", "138.182µs",
 * "37.0506366s", "250ms", "12ns".
 */
int units_parse_seconds(const char *s, size_t len, double *out);

/*
 * Parameter counts: "7.24 B" (billions), "136.73 M", "500 K", "1.2 T",
 * "7B", "1234". Rounded to an integer count.
 */
int units_parse_params(const char *s, size_t len, int64_t *out);

/* Signed decimal integer, surrounding spaces allowed. */
int units_parse_int(const char *s, size_t len, int64_t *out);

/* Decimal real number ("4.54", "-1", "1e-05"). */
int units_parse_real(const char *s, size_t len, double *out);

/* A point in time: UTC milliseconds since the epoch plus the offset. */
struct olr_time {
	int64_t epoch_ms;    /* UTC */
	int     offset_min;  /* minutes east of UTC as written */
	int     has_offset;  /* 0 = no zone in the text (Go log lines) */
	int32_t sub_ms_ns;   /* nanoseconds beyond epoch_ms (0..999999) */
};

/*
 * RFC 3339 / ISO-8601: "2024-05-07T12:29:32.104-04:00", "...Z",
 * "2024-05-18T17:01:52+0800" (journalctl short-iso), 0-9 fraction digits
 * (milliseconds in epoch_ms, the rest in sub_ms_ns), "2024-05-07 12:29:32"
 * (space, no zone:
 * has_offset = 0 and the time is taken as UTC).
 */
int units_parse_time(const char *s, size_t len, struct olr_time *out);

/* Go log prefix time "2024/12/19 12:47:58" (no zone: has_offset = 0). */
int units_parse_golog_time(const char *s, size_t len, struct olr_time *out);

/* "2025-03-05T07:00:48.491Z" into out (at least 25 bytes). */
void units_format_utc(int64_t epoch_ms, char *out, size_t size);

/* "+05:30", "-04:00" or "Z" for offset 0, into out (at least 7 bytes). */
void units_format_offset(int offset_min, char *out, size_t size);

/* Days since 1970-01-01 for a proleptic Gregorian date (helper). */
int64_t units_days_from_civil(int64_t y, unsigned m, unsigned d);

#endif

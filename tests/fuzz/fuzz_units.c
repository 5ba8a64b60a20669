/*
 * fuzz_units.c - the parsers of src/units.h on the input: sizes, MiB,
 * size lists, durations, parameter counts, integers, reals, RFC 3339 and
 * Go log times; and the formatters on what they return.
 *
 * Beyond memory and UB checks: a parser that fails must leave its output
 * untouched; a parsed time printed with units_format_utc() must parse
 * back to the same millisecond; an integer printed with %lld must parse
 * back to itself.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include <inttypes.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "units.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define POISON_I INT64_C(0x5a5a5a5a5a5a5a5a)

static void
check_time(const struct olr_time *t)
{
	struct olr_time back;
	char ts[32], off[8];

	if (t->sub_ms_ns < 0 || t->sub_ms_ns > 999999 ||
	    t->offset_min <= -24 * 60 || t->offset_min >= 24 * 60)
		abort();
	units_format_utc(t->epoch_ms, ts, sizeof ts);
	units_format_offset(t->offset_min, off, sizeof off);
	if (strnlen(ts, sizeof ts) >= sizeof ts ||
	    strnlen(off, sizeof off) >= sizeof off)
		abort();
	/* years 0000-9999 print in the shape units_parse_time() reads */
	if (strlen(ts) == 24) {
		if (units_parse_time(ts, strlen(ts), &back) != 0 ||
		    back.epoch_ms != t->epoch_ms || back.offset_min != 0 ||
		    !back.has_offset)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	int64_t i64, list[8];
	double d;
	size_t n, k;
	struct olr_time t;
	char buf[32];

	i64 = POISON_I;
	if (units_parse_bytes(s, size, &i64) == 0) {
		if (i64 < 0)
			abort();
	} else if (i64 != POISON_I)
		abort();

	i64 = POISON_I;
	if (units_parse_mib(s, size, &i64) != 0 && i64 != POISON_I)
		abort();

	for (k = 0; k < 8; k++)
		list[k] = POISON_I;
	n = 99;
	if (units_parse_bytes_list(s, size, list, 3, &n) == 0) {
		if (n > 3)
			abort();
		for (k = 0; k < n; k++)
			if (list[k] < 0)
				abort();
		for (; k < 8; k++)
			if (list[k] != POISON_I)
				abort();
	} else {
		if (n != 99)
			abort();
		for (k = 0; k < 8; k++)
			if (list[k] != POISON_I)
				abort();
	}
	n = 99;
	(void)units_parse_bytes_list(s, size, NULL, 0, &n);

	d = -1.5;
	if (units_parse_seconds(s, size, &d) == 0) {
		if (!(d >= 0) || !isfinite(d))
			abort();
	} else if (d != -1.5)
		abort();

	i64 = POISON_I;
	if (units_parse_params(s, size, &i64) == 0) {
		if (i64 < 0)
			abort();
	} else if (i64 != POISON_I)
		abort();

	i64 = POISON_I;
	if (units_parse_int(s, size, &i64) == 0) {
		int64_t back;

		snprintf(buf, sizeof buf, "%lld", (long long)i64);
		if (units_parse_int(buf, strlen(buf), &back) != 0 ||
		    back != i64)
			abort();
	} else if (i64 != POISON_I)
		abort();

	d = -1.5;
	if (units_parse_real(s, size, &d) == 0) {
		if (!isfinite(d))
			abort();
	} else if (d != -1.5)
		abort();

	memset(&t, 0x5a, sizeof t);
	if (units_parse_time(s, size, &t) == 0)
		check_time(&t);
	memset(&t, 0x5a, sizeof t);
	if (units_parse_golog_time(s, size, &t) == 0) {
		if (t.has_offset)
			abort();
		check_time(&t);
	}

	/* the formatters on raw values from the input */
	if (size >= 12) {
		int32_t off;

		memcpy(&i64, data, 8);
		memcpy(&off, data + 8, 4);
		units_format_utc(i64, buf, sizeof buf);
		units_format_utc(i64, buf, 25);
		units_format_offset(off, buf, 8);
		units_format_offset(off % (100 * 60), buf, 7);
	}
	return 0;
}

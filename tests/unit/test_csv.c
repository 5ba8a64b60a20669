/*
 * test_csv.c - the CSV reader: quotes, doubled quotes, commas and newlines
 * inside quotes, CRLF, empty lines between tables, annotation rows, the
 * unterminated quote at the end, each input fed whole, byte by byte and in
 * odd chunks. Also the InfluxDB helpers built on it: time parsing and
 * format detection.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "influx.h"

/*
 * Read in chunks of step bytes; each record as "LINE:f1|f2|...", records
 * joined by "\n", an empty line as "LINE:<>", an error as "LINE:ERR".
 */
static char *
read_all(const char *in, size_t len, size_t step)
{
	struct csv_reader *cr = csv_reader_new();
	struct csv_record r;
	struct olr_err err;
	size_t off = 0, i, cap = len * 4 + 256, n = 0;
	char *out = calloc(1, cap);
	int rc;

	for (;;) {
		size_t k = off + step > len ? len - off : step;
		if (k > 0) {
			csv_feed(cr, in + off, k);
			off += k;
		} else
			csv_finish(cr);
		while ((rc = csv_next(cr, &r, &err)) != 0) {
			if (n > 0)
				out[n++] = '\n';
			if (rc < 0) {
				assert_int_equal(err.code, OLR_E_FORMAT);
				n += (size_t)snprintf(out + n, cap - n,
				    "%ld:ERR", err.line);
				break;
			}
			n += (size_t)snprintf(out + n, cap - n, "%ld:", r.line);
			if (r.nfields == 0)
				n += (size_t)snprintf(out + n, cap - n, "<>");
			for (i = 0; i < r.nfields; i++) {
				if (i)
					out[n++] = '|';
				memcpy(out + n, r.field[i], r.len[i]);
				n += r.len[i];
			}
		}
		if (k == 0)
			break;
	}
	assert_int_equal(csv_bytes(cr), len);
	csv_reader_free(cr);
	return out;
}

struct csv_case {
	const char *in;
	const char *out;
};

static const struct csv_case cases[] = {
	{ "a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3" },
	{ "a,b\n1,2", "1:a|b\n2:1|2" },                      /* no final LF */
	{ "a,b\r\n1,2\r\n", "1:a|b\n2:1|2" },                /* CRLF */
	{ ",,\n", "1:||" },                                  /* empty fields */
	{ "\"x,y\",z\n", "1:x,y|z" },                        /* comma */
	{ "\"say \"\"hi\"\"\",2\n", "1:say \"hi\"|2" },       /* "" */
	{ "\"\"\"\"\n", "1:\"" },
	{ "\"a\nb\",c\nd,e\n", "1:a\nb|c\n3:d|e" },          /* newline */
	{ "\"a\r\nb\"\r\n", "1:a\r\nb" },                    /* CRLF inside */
	{ "\"cr at end\r\",x\n", "1:cr at end\r|x" },        /* kept */
	{ "a\n\nb\n", "1:a\n2:<>\n3:b" },                    /* table break */
	{ "a\r\n\r\nb\r\n", "1:a\n2:<>\n3:b" },
	{ "#group,false,true\n#datatype,string,long\n#default,_result,\n"
	  ",result,table\n,,0\n\n#group,false\n,result\n,,1\n",
	  "1:#group|false|true\n2:#datatype|string|long\n3:#default|_result|\n"
	  "4:|result|table\n5:||0\n6:<>\n7:#group|false\n8:|result\n9:||1" },
	{ "a,\"unterminated\nb,c\n", "1:ERR" },              /* EOF inside */
	{ "ok\n\"open", "1:ok\n2:ERR" },
	{ "x,\"q\"tail\n", "1:x|qtail" },                    /* lenient */
	{ "", "" },
	{ "nul\0byte\n", "1:nul" },                          /* view ends */
};

static void
test_cases(void **state)
{
	static const size_t steps[] = { 1, 2, 3, 7, 64, 1 << 20 };
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = strlen(cases[i].in);
		if (i == sizeof cases / sizeof cases[0] - 1)
			len = 9;                         /* holds a NUL */
		for (j = 0; j < sizeof steps / sizeof steps[0]; j++) {
			char *got = read_all(cases[i].in, len, steps[j]);
			if (strcmp(got, cases[i].out) != 0)
				fail_msg("case %zu step %zu: got '%s', want "
				    "'%s'", i, steps[j], got, cases[i].out);
			free(got);
		}
	}
}

/* A field holding a NUL byte keeps its length. */
static void
test_nul_length(void **state)
{
	struct csv_reader *cr = csv_reader_new();
	struct csv_record r;
	struct olr_err err;

	(void)state;
	csv_feed(cr, "a\0b,c\n", 6);
	assert_int_equal(csv_next(cr, &r, &err), 1);
	assert_int_equal(r.nfields, 2);
	assert_int_equal(r.len[0], 3);
	assert_memory_equal(r.field[0], "a\0b", 3);
	csv_reader_free(cr);
}

/* A long quoted field across many feeds. */
static void
test_long_field(void **state)
{
	struct csv_reader *cr = csv_reader_new();
	struct csv_record r;
	struct olr_err err;
	int i;

	(void)state;
	csv_feed(cr, "\"", 1);
	for (i = 0; i < 100000; i++) {
		csv_feed(cr, "x,\"\"", 4);
		assert_int_equal(csv_next(cr, &r, &err), 0);
	}
	csv_feed(cr, "\",end\n", 6);
	assert_int_equal(csv_next(cr, &r, &err), 1);
	assert_int_equal(r.nfields, 2);
	assert_int_equal(r.len[0], 300000);
	assert_memory_equal(r.field[0], "x,\"x,\"", 6);
	assert_string_equal(r.field[1], "end");
	assert_int_equal(r.line, 1);
	csv_reader_free(cr);
}

struct time_case {
	const char *in;
	int         rc;
	int64_t     ns;
};

static const struct time_case times[] = {
	{ "1970-01-01T00:00:00Z", 0, 0 },
	{ "2023-01-31T05:41:24.001Z", 0, 1675143684001000000 },
	{ "2023-01-31T05:41:24.1Z", 0, 1675143684100000000 },
	{ "2023-01-31T05:41:24.123456789Z", 0, 1675143684123456789 },
	{ "2023-01-31T07:41:24.5+02:00", 0, 1675143684500000000 },
	{ "2023-01-31T01:41:24-0400", 0, 1675143684000000000 },
	{ "1616491233000000000", 0, 1616491233000000000 },
	/* influx -precision s, ms, u: 10, 13, 16 digits */
	{ "1616491233", 0, 1616491233000000000 },
	{ "1616491233123", 0, 1616491233123000000 },
	{ "1616491233123456", 0, 1616491233123456000 },
	{ "-1616491233", 0, -1616491233000000000 },
	{ "9223372036", 0, 9223372036000000000 },
	{ "9223372037", -1, 0 },          /* 2262-04-11T23:47:17Z */
	{ "9999999999999", -1, 0 },
	{ "9223372036854775", 0, 9223372036854775000 },
	{ "161649123312", 0, 161649123312 },      /* 12 digits: ns */
	{ "0", 0, 0 },
	{ "2023-01-31T05:41:24.1234567890Z", -1, 0 },   /* 10 digits */
	{ "2023-01-31T05:41:24.Z", -1, 0 },
	{ "2023-13-31T05:41:24Z", -1, 0 },
	{ "yesterday", -1, 0 },
	{ "", -1, 0 },
	{ "99999999999999999999", -1, 0 },
	/* only 1677-09-21 to 2262-04-11 fit in int64 nanoseconds (fuzz_influx:
	 * later or earlier times overflowed) */
	{ "2262-04-11T23:47:16.854775807Z", 0, INT64_MAX },
	{ "2262-04-11T23:47:16.854775808Z", -1, 0 },
	{ "2262-04-12T01:47:17+02:00", -1, 0 },
	{ "1677-09-21T00:12:43.145224192Z", 0, INT64_MIN },
	{ "1677-09-21T00:12:43.145224191Z", -1, 0 },
	{ "1969-12-31T23:59:59.999999999Z", 0, -1 },
	{ "9999-12-31T23:59:59.999Z", -1, 0 },
	{ "0000-01-01T00:00:00Z", -1, 0 },
};

static void
test_parse_time(void **state)
{
	size_t i;
	int64_t ns;

	(void)state;
	for (i = 0; i < sizeof times / sizeof times[0]; i++) {
		ns = 0;
		int rc = influx_parse_time(times[i].in, strlen(times[i].in),
		    &ns);
		if (rc != times[i].rc || (rc == 0 && ns != times[i].ns))
			fail_msg("'%s': rc %d ns %lld", times[i].in, rc,
			    (long long)ns);
	}
	/* a view: the digits after len are not part of it (fuzz_influx:
	 * they were read, past the end of an unterminated buffer) */
	ns = 0;
	assert_int_equal(influx_parse_time("12345", 3, &ns), 0);
	assert_int_equal(ns, 123);
	ns = 0;
	assert_int_equal(influx_parse_time("-7 ", 2, &ns), 0);
	assert_int_equal(ns, -7);
	assert_int_equal(influx_parse_time("2x", 1, &ns), 0);
	assert_int_equal(ns, 2);
}

static void
test_detect(void **state)
{
	(void)state;
#define D(s) influx_detect(s, sizeof(s) - 1)
	assert_true(D("#group,false,false,true\n"));
	assert_true(D("#datatype,string,long\n"));
	assert_true(D(",result,table,_start,_stop,_time,_value,_field\n"));
	assert_true(D("\r\n,result,table,_time,_value\r\n"));
	assert_true(D("name,tags,time,host,message,path\n"));
	assert_true(D("\xef\xbb\xbfname,tags,time,value\n"));
	assert_false(D("time=2024-05-07T12:29:32.104-04:00 level=INFO\n"));
	assert_false(D("Mar 24 09:14:03 lab-ws07 ollama[1893]: x\n"));
	assert_false(D("name,tags,message\n"));
	assert_false(D(""));
#undef D
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_nul_length),
		cmocka_unit_test(test_long_field),
		cmocka_unit_test(test_parse_time),
		cmocka_unit_test(test_detect),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

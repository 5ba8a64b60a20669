/*
 * fuzz_influx.c - InfluxDB CSV exports: influx_detect() and
 * influx_parse_time() on the input, then the input read as an export
 * (influx_feed() in two parts split where the first byte says, then
 * influx_finish()) and every line read back with influx_next(), as
 * src/main.c does. The reader's spill database is a private temporary
 * SQLite database, made anew for each input.
 *
 * The line read back must be as lines.c hands out lines: no LF, no NUL,
 * numbered 1, 2, ...; the points must come in time order.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "influx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile unsigned sink;

static void
touch(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sink += (unsigned char)s[i];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct influx_reader *ir;
	struct influx_line pt;
	struct olr_err err;
	int64_t ns, prev = INT64_MIN;
	long n = 0;
	size_t cut;
	int rc;

	(void)influx_detect(s, size);
	(void)influx_parse_time(s, size, &ns);
	if (size < 1)
		return 0;

	/* the field name: NULL ("message"/"value") or, for odd first
	 * bytes, "msg" */
	memset(&err, 0, sizeof err);
	ir = influx_reader_new("fuzz.csv", data[0] & 1 ? "msg" : NULL, &err);
	if (ir == NULL)
		abort();
	cut = size > 1 ? 1 + data[0] % (size - 1) : 1;
	rc = influx_feed(ir, s + 1, cut - 1, &err);
	if (rc == 0)
		rc = influx_feed(ir, s + cut, size - cut, &err);
	if (rc == 0)
		rc = influx_finish(ir, &err);
	if (rc != 0) {
		if (err.code == OLR_OK)
			abort();
		/* main.c reads back the points spilled before an error */
		if (influx_points(ir) == 0) {
			influx_reader_free(ir);
			return 0;
		}
	}
	memset(&err, 0, sizeof err);
	while ((rc = influx_next(ir, &pt, &err)) > 0) {
		if (pt.lineno != ++n || pt.time_ns < prev ||
		    (pt.len > 0 && (memchr(pt.text, '\n', pt.len) != NULL ||
		    memchr(pt.text, '\0', pt.len) != NULL)))
			abort();
		prev = pt.time_ns;
		touch(pt.text, pt.len);
		if (pt.host != NULL)
			touch(pt.host, pt.host_len);
	}
	if (rc < 0)
		abort();
	(void)influx_get_stats(ir);
	influx_reader_free(ir);
	return 0;
}

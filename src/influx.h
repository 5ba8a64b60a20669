/*
 * influx.h - InfluxDB CSV exports of log lines, read back in log order.
 *
 * Three shapes are read: InfluxDB 2.x/3.x annotated CSV (#group, #datatype
 * and #default rows, a leading annotation column, result and table
 * columns, several tables separated by empty lines, each with its own
 * header), the same without annotation rows, and InfluxDB 1.x
 * `influx -format csv` output (name,tags,time,... with epoch times, in
 * ns, us, ms or s, or RFC 3339 times). Columns are found by name in each table's header.
 *
 * Each log line is one point: the field value of field "message" or
 * "value" (a 2.x row's _value where _field names it, or a column of that
 * name), or of the field named with influx_reader_new(). Its host comes
 * from the host, hostname or container_name tag.
 *
 * Rows come grouped by series, not in log order. Every point is spilled
 * into a private temporary SQLite database while the file is read, and
 * read back ordered by its time, points of equal time in file order: the
 * order Telegraf shipped them in. Memory stays bounded by one record and
 * SQLite's page cache, whatever the size of the export.
 */
#ifndef OLR_INFLUX_H
#define OLR_INFLUX_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "lines.h"

struct influx_reader;

/* One log line read back, in time order. */
struct influx_line {
	const char *text;       /* the line (CR, NUL removed; UTF-8 repaired) */
	size_t      len;
	long        lineno;     /* 1-based position in time order */
	long        csv_line;   /* physical CSV line its record starts on */
	int64_t     time_ns;    /* the point's time, UTC */
	const char *host;       /* host tag, or NULL */
	size_t      host_len;
};

/*
 * 1 when the first bytes of an input (at least its first line) look like
 * an InfluxDB CSV export rather than a log.
 */
int influx_detect(const char *data, size_t len);

/*
 * A reader for the input at path (used in error messages). field is the
 * field (or column) holding the log line, or NULL for "message"/"value".
 * Returns NULL and fills err when the spill database cannot be created.
 */
struct influx_reader *influx_reader_new(const char *path, const char *field,
    struct olr_err *err);
void influx_reader_free(struct influx_reader *ir);

/*
 * Read bytes of the export; the points are spilled. -1 with err (path and
 * CSV line set) on a malformed export: wrong columns, no message field, a
 * bad time, a record with the wrong number of fields. Reading stops at the
 * first error; the points before it are kept.
 */
int influx_feed(struct influx_reader *ir, const char *data, size_t len,
    struct olr_err *err);

/*
 * The input has ended. -1 with err when it ends inside a quoted field (a
 * truncated file), or when no table had a log-line field.
 */
int influx_finish(struct influx_reader *ir, struct olr_err *err);

/* Points spilled so far. */
long influx_points(const struct influx_reader *ir);

/*
 * The next line in time order: 1 and *out filled (valid until the next
 * call), 0 at the end, -1 with err on a database error. A field value
 * holding newlines gives one line per physical line.
 */
int influx_next(struct influx_reader *ir, struct influx_line *out,
    struct olr_err *err);

/* Line statistics as for a log (bytes = bytes of the CSV read). */
const struct lines_stats *influx_get_stats(const struct influx_reader *ir);

/*
 * Helper, exposed for tests: an RFC 3339 time with 0-9 fraction digits
 * ("2024-05-07T12:29:32.104123456Z", "...+02:00") or an integer of epoch
 * nanoseconds, to epoch nanoseconds; an integer of 10, 13 or 16 digits is
 * seconds, milliseconds or microseconds (influx -precision s|ms|u). 0 on
 * success, -1 if not a time.
 */
int influx_parse_time(const char *s, size_t len, int64_t *ns);

#endif

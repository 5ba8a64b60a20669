/*
 * influx.c - InfluxDB CSV exports (see influx.h).
 *
 * Reading is two passes over a spill table. While the export is read, each
 * table header is mapped to column positions (time, log-line value, the
 * _field selecting it, host) and each data record that carries a log line
 * becomes one row (rec, time_ns, csv_line, host, message) of a table in a
 * private temporary database. The rows are then read back ORDER BY time_ns,
 * rec and handed out line by line through a lines_reader, which cleans the
 * value exactly as a log line is cleaned (CR at the end, NUL bytes, invalid
 * UTF-8) and splits a value holding newlines.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "influx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "buf.h"
#include "csv.h"
#include "units.h"
#include "xmalloc.h"

#define NO_COL ((size_t)-1)

struct influx_reader {
	char               *path;
	char               *field;       /* --influx-field, or NULL */
	struct csv_reader  *csv;
	sqlite3            *db;
	sqlite3_stmt       *ins, *sel;
	int                 failed;
	int                 at_end;      /* csv_finish() was called */

	/* the table being read */
	int                 in_table;    /* its header has been read */
	size_t              ncols;
	size_t              col_time, col_value, col_field, col_host;
	struct buf          time_name;   /* header name of the time column */
	struct buf          defaults;    /* #default row, fields NUL-separated */
	size_t             *def_off;
	size_t              ndef, capdef;

	long                npoints;

	/* reading back */
	struct lines_reader *lr;
	struct lines_stats  stats;
	long                lineno;
	long                csv_line;
	int64_t             time_ns;
	struct buf          host;
	int                 has_host;
};

static int
sql_exec(struct influx_reader *ir, const char *sql, struct olr_err *err)
{
	if (sqlite3_exec(ir->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		olr_err_set(err, OLR_E_DB, ir->path, 0, "spill database: %s",
		    sqlite3_errmsg(ir->db));
		return -1;
	}
	return 0;
}

struct influx_reader *
influx_reader_new(const char *path, const char *field, struct olr_err *err)
{
	struct influx_reader *ir = xcalloc(1, sizeof *ir);

	ir->path = xstrdup(path);
	ir->field = field ? xstrdup(field) : NULL;
	ir->csv = csv_reader_new();
	ir->lr = lines_reader_new();
	/* "" is a private on-disk database, deleted when closed */
	if (sqlite3_open_v2("", &ir->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		olr_err_set(err, OLR_E_DB, path, 0, "cannot create the spill "
		    "database: %s", ir->db ? sqlite3_errmsg(ir->db) :
		    "out of memory");
		influx_reader_free(ir);
		return NULL;
	}
	if (sql_exec(ir, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	    " PRAGMA cache_size = -8192;"
	    " CREATE TABLE point (rec INTEGER PRIMARY KEY, time_ns INTEGER"
	    " NOT NULL, csv_line INTEGER NOT NULL, host TEXT, message BLOB"
	    " NOT NULL); BEGIN", err) != 0 ||
	    sqlite3_prepare_v2(ir->db, "INSERT INTO point (time_ns, csv_line,"
	    " host, message) VALUES (?, ?, ?, ?)", -1, &ir->ins, NULL) !=
	    SQLITE_OK) {
		if (err->code == OLR_OK)
			olr_err_set(err, OLR_E_DB, path, 0, "spill database: "
			    "%s", sqlite3_errmsg(ir->db));
		influx_reader_free(ir);
		return NULL;
	}
	return ir;
}

void
influx_reader_free(struct influx_reader *ir)
{
	if (ir == NULL)
		return;
	sqlite3_finalize(ir->ins);
	sqlite3_finalize(ir->sel);
	sqlite3_close(ir->db);
	csv_reader_free(ir->csv);
	lines_reader_free(ir->lr);
	buf_free(&ir->time_name);
	buf_free(&ir->defaults);
	buf_free(&ir->host);
	free(ir->def_off);
	free(ir->path);
	free(ir->field);
	free(ir);
}

long
influx_points(const struct influx_reader *ir)
{
	return ir->npoints;
}

static int
field_is(const struct csv_record *r, size_t i, const char *name)
{
	return i < r->nfields && r->len[i] == strlen(name) &&
	    memcmp(r->field[i], name, r->len[i]) == 0;
}

/* A cell with the #default value of its column when it is empty. */
static const char *
cell(const struct influx_reader *ir, const struct csv_record *r, size_t i,
    size_t *len)
{
	if (r->len[i] == 0 && i < ir->ndef) {
		const char *d = ir->defaults.data + ir->def_off[i];
		*len = strlen(d);
		return d;
	}
	*len = r->len[i];
	return r->field[i];
}

static void
keep_defaults(struct influx_reader *ir, const struct csv_record *r)
{
	size_t i;

	buf_reset(&ir->defaults);
	if (r->nfields > ir->capdef) {
		ir->capdef = r->nfields;
		ir->def_off = xreallocarray(ir->def_off, ir->capdef,
		    sizeof *ir->def_off);
	}
	for (i = 0; i < r->nfields; i++) {
		ir->def_off[i] = ir->defaults.len;
		buf_append(&ir->defaults, r->field[i], i ? r->len[i] : 0);
		buf_putc(&ir->defaults, '\0');
	}
	ir->ndef = r->nfields;
}

/* Map a table header to column positions. */
static int
read_header(struct influx_reader *ir, const struct csv_record *r,
    struct olr_err *err)
{
	size_t i, value = NO_COL, named = NO_COL, named_value = NO_COL;
	size_t hostname = NO_COL, container = NO_COL;

	ir->ncols = r->nfields;
	ir->col_time = ir->col_field = ir->col_host = NO_COL;
	for (i = 0; i < r->nfields; i++) {
		if (field_is(r, i, "_time") || (field_is(r, i, "time") &&
		    ir->col_time == NO_COL))
			ir->col_time = i;
		else if (field_is(r, i, "_value"))
			value = i;
		else if (field_is(r, i, "_field"))
			ir->col_field = i;
		else if (field_is(r, i, "host"))
			ir->col_host = i;
		else if (field_is(r, i, "hostname"))
			hostname = i;
		else if (field_is(r, i, "container_name"))
			container = i;
		if (ir->field ? field_is(r, i, ir->field) :
		    field_is(r, i, "message"))
			named = i;
		else if (!ir->field && field_is(r, i, "value"))
			named_value = i;
	}
	if (ir->col_host == NO_COL)
		ir->col_host = hostname != NO_COL ? hostname : container;
	if (ir->col_time == NO_COL) {
		olr_err_set(err, OLR_E_FORMAT, ir->path, r->line, "no time "
		    "column (_time or time) in the table header");
		return -1;
	}
	buf_reset(&ir->time_name);
	buf_append(&ir->time_name, r->field[ir->col_time],
	    r->len[ir->col_time]);
	if (named == NO_COL)
		named = named_value;
	if (named != NO_COL) {
		/* pivoted 2.x or 1.x: the field is a column */
		ir->col_value = named;
		ir->col_field = NO_COL;
	} else if (value != NO_COL) {
		/* 2.x: one row per field, _field names it */
		ir->col_value = value;
	} else {
		if (ir->field)
			olr_err_set(err, OLR_E_FORMAT, ir->path, r->line, "no "
			    "field '%s' in the table header (no such column, "
			    "no _value column)", ir->field);
		else
			olr_err_set(err, OLR_E_FORMAT, ir->path, r->line, "no "
			    "log-line field in the table header (no message "
			    "or value column, no _value column); name it with "
			    "--influx-field");
		return -1;
	}
	ir->in_table = 1;
	return 0;
}

/* Does this row's _field select it? */
static int
wanted(const struct influx_reader *ir, const struct csv_record *r)
{
	const char *f;
	size_t n;

	if (ir->col_field == NO_COL)
		return 1;
	f = cell(ir, r, ir->col_field, &n);
	if (ir->field)
		return n == strlen(ir->field) && memcmp(f, ir->field, n) == 0;
	return (n == 7 && memcmp(f, "message", 7) == 0) ||
	    (n == 5 && memcmp(f, "value", 5) == 0);
}

static int
spill(struct influx_reader *ir, const struct csv_record *r,
    struct olr_err *err)
{
	const char *t, *v, *h = NULL;
	size_t tn, vn, hn = 0;
	int64_t ns;

	if (r->nfields < ir->ncols && ir->at_end) {
		olr_err_set(err, OLR_E_FORMAT, ir->path, r->line, "the file "
		    "ends inside a record (%zu of %zu fields)", r->nfields,
		    ir->ncols);
		return -1;
	}
	if (r->nfields != ir->ncols) {
		olr_err_set(err, OLR_E_FORMAT, ir->path, r->line, "record has "
		    "%zu fields, the table header has %zu", r->nfields,
		    ir->ncols);
		return -1;
	}
	if (!wanted(ir, r))
		return 0;
	t = cell(ir, r, ir->col_time, &tn);
	if (influx_parse_time(t, tn, &ns) != 0) {
		olr_err_set(err, OLR_E_FORMAT, ir->path, r->line, "%s '%.*s' "
		    "is not a time (RFC 3339 or epoch nanoseconds)",
		    ir->time_name.data, (int)(tn > 40 ? 40 : tn), t);
		return -1;
	}
	v = cell(ir, r, ir->col_value, &vn);
	if (ir->col_host != NO_COL)
		h = cell(ir, r, ir->col_host, &hn);
	sqlite3_bind_int64(ir->ins, 1, ns);
	sqlite3_bind_int64(ir->ins, 2, r->line);
	if (hn > 0)
		sqlite3_bind_text(ir->ins, 3, h, (int)hn, SQLITE_STATIC);
	else
		sqlite3_bind_null(ir->ins, 3);
	sqlite3_bind_blob(ir->ins, 4, vn ? v : "", (int)vn, SQLITE_STATIC);
	if (sqlite3_step(ir->ins) != SQLITE_DONE) {
		olr_err_set(err, OLR_E_DB, ir->path, r->line, "spill database: "
		    "%s", sqlite3_errmsg(ir->db));
		sqlite3_reset(ir->ins);
		return -1;
	}
	sqlite3_reset(ir->ins);
	sqlite3_clear_bindings(ir->ins);
	ir->npoints++;
	return 0;
}

/* One CSV record: an annotation, a table break, a header or a point. */
static int
take_record(struct influx_reader *ir, const struct csv_record *r,
    struct olr_err *err)
{
	if (r->nfields == 0) {              /* empty line: next table */
		ir->in_table = 0;
		ir->ndef = 0;
		return 0;
	}
	if (r->len[0] > 0 && r->field[0][0] == '#') {
		if (field_is(r, 0, "#default"))
			keep_defaults(ir, r);
		ir->in_table = 0;
		return 0;
	}
	/* a header repeated without an empty line before it */
	if (ir->in_table && ir->col_time < r->nfields &&
	    r->len[ir->col_time] == ir->time_name.len &&
	    memcmp(r->field[ir->col_time], ir->time_name.data,
	    ir->time_name.len) == 0)
		ir->in_table = 0;
	if (!ir->in_table)
		return read_header(ir, r, err);
	return spill(ir, r, err);
}

static int
drain(struct influx_reader *ir, struct olr_err *err)
{
	struct csv_record r;
	int rc;

	while ((rc = csv_next(ir->csv, &r, err)) > 0) {
		if (take_record(ir, &r, err) != 0) {
			ir->failed = 1;
			return -1;
		}
	}
	if (rc < 0) {
		snprintf(err->path, sizeof err->path, "%s", ir->path);
		ir->failed = 1;
		return -1;
	}
	return 0;
}

int
influx_feed(struct influx_reader *ir, const char *data, size_t len,
    struct olr_err *err)
{
	if (ir->failed)
		return -1;
	csv_feed(ir->csv, data, len);
	return drain(ir, err);
}

int
influx_finish(struct influx_reader *ir, struct olr_err *err)
{
	if (ir->failed)
		return -1;
	csv_finish(ir->csv);
	ir->at_end = 1;
	if (drain(ir, err) != 0)
		return -1;
	if (ir->npoints == 0) {
		if (ir->field)
			olr_err_set(err, OLR_E_FORMAT, ir->path, 0, "no point "
			    "of field '%s' in the export", ir->field);
		else
			olr_err_set(err, OLR_E_FORMAT, ir->path, 0, "no point "
			    "of field 'message' or 'value' in the export");
		return -1;
	}
	return 0;
}

int
influx_next(struct influx_reader *ir, struct influx_line *out,
    struct olr_err *err)
{
	struct line_view lv;
	int rc;

	if (ir->sel == NULL) {
		if (sql_exec(ir, "COMMIT", err) != 0)
			return -1;
		if (sqlite3_prepare_v2(ir->db, "SELECT time_ns, csv_line, host,"
		    " message FROM point ORDER BY time_ns, rec", -1, &ir->sel,
		    NULL) != SQLITE_OK) {
			olr_err_set(err, OLR_E_DB, ir->path, 0, "spill "
			    "database: %s", sqlite3_errmsg(ir->db));
			return -1;
		}
	}
	while (!lines_next(ir->lr, &lv)) {
		rc = sqlite3_step(ir->sel);
		if (rc == SQLITE_DONE)
			return 0;
		if (rc != SQLITE_ROW) {
			olr_err_set(err, OLR_E_DB, ir->path, 0, "spill "
			    "database: %s", sqlite3_errmsg(ir->db));
			return -1;
		}
		ir->time_ns = sqlite3_column_int64(ir->sel, 0);
		ir->csv_line = (long)sqlite3_column_int64(ir->sel, 1);
		ir->has_host = sqlite3_column_type(ir->sel, 2) != SQLITE_NULL;
		buf_reset(&ir->host);
		if (ir->has_host)
			buf_append(&ir->host, sqlite3_column_text(ir->sel, 2),
			    (size_t)sqlite3_column_bytes(ir->sel, 2));
		lines_feed(ir->lr, sqlite3_column_blob(ir->sel, 3),
		    (size_t)sqlite3_column_bytes(ir->sel, 3));
		lines_feed(ir->lr, "\n", 1);
	}
	out->text = lv.text;
	out->len = lv.len;
	out->lineno = ++ir->lineno;
	out->csv_line = ir->csv_line;
	out->time_ns = ir->time_ns;
	out->host = ir->has_host ? ir->host.data : NULL;
	out->host_len = ir->has_host ? ir->host.len : 0;
	return 1;
}

const struct lines_stats *
influx_get_stats(const struct influx_reader *ir)
{
	struct influx_reader *w = (struct influx_reader *)ir;

	w->stats = *lines_get_stats(ir->lr);
	w->stats.bytes = csv_bytes(ir->csv);
	/* every value was fed with an LF of ours: its CR counted as CR LF */
	return &w->stats;
}

int
influx_parse_time(const char *s, size_t len, int64_t *ns)
{
	struct olr_time t;
	int64_t ms, sub;
	size_t i, k;

	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return -1;
	i = s[0] == '-';
	/* the digits within len only: s need not be NUL-terminated */
	for (k = i; k < len && s[k] >= '0' && s[k] <= '9'; k++)
		;
	if (i < len && len - i <= 19 && k == len) {
		/*
		 * Epoch nanoseconds (the 1.x default), or seconds,
		 * milliseconds or microseconds (influx -precision s|ms|u,
		 * /query?epoch=): from 2001-09-09 to 2286-11-20 these are
		 * 10, 13 and 16 digits long, nanoseconds 19; other lengths
		 * are read as nanoseconds.
		 */
		static const int64_t unit[20] = { [10] = 1000000000,
		    [13] = 1000000, [16] = 1000 };
		int64_t v = 0, u = unit[len - i] ? unit[len - i] : 1;
		for (k = i; k < len; k++) {
			if (v > (INT64_MAX - 9) / 10)
				return -1;
			v = v * 10 + (s[k] - '0');
		}
		if (v > INT64_MAX / u)
			return -1;
		*ns = (s[0] == '-' ? -v : v) * u;
		return 0;
	}
	/* RFC 3339 with 0-9 fraction digits: the shared parser */
	if (units_parse_time(s, len, &t) != 0)
		return -1;
	/*
	 * Epoch nanoseconds fit in 64 bits from 1677-09-21 to 2262-04-11
	 * only (as Go's UnixNano); a time outside is not a point's time.
	 * Negative milliseconds are taken one up, the nanoseconds then
	 * negative, so that the product overflows only when the sum does.
	 */
	ms = t.epoch_ms;
	sub = t.sub_ms_ns;
	if (ms < 0) {
		ms++;
		sub -= 1000000;
	}
	if (ms > INT64_MAX / 1000000 || ms < INT64_MIN / 1000000 ||
	    (sub > 0 && ms * 1000000 > INT64_MAX - sub) ||
	    (sub < 0 && ms * 1000000 < INT64_MIN - sub))
		return -1;
	*ns = ms * 1000000 + sub;
	return 0;
}

int
influx_detect(const char *data, size_t len)
{
	const char *end, *p, *f;
	size_t n;
	int first = 1, name_first = 0, has_time = 0, has_utime = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	while (len > 0 && (*data == '\n' || *data == '\r')) {
		data++;
		len--;
	}
	end = memchr(data, '\n', len);
	if (end == NULL)
		end = data + len;
	n = (size_t)(end - data);
	if ((n >= 7 && memcmp(data, "#group,", 7) == 0) ||
	    (n >= 10 && memcmp(data, "#datatype,", 10) == 0) ||
	    (n >= 9 && memcmp(data, "#default,", 9) == 0))
		return 1;
	/* a header: comma-separated column names */
	for (p = data;; first = 0) {
		f = p;
		while (p < end && *p != ',')
			p++;
		n = (size_t)(p - f);
		if (n > 0 && f[n - 1] == '\r')
			n--;
		if (first && n == 4 && memcmp(f, "name", 4) == 0)
			name_first = 1;
		if (n == 4 && memcmp(f, "time", 4) == 0)
			has_time = 1;
		if (n == 5 && memcmp(f, "_time", 5) == 0)
			has_utime = 1;
		if (p == end)        /* not past it: end may be data + len */
			break;
		p++;
	}
	return has_utime || (name_first && has_time);
}

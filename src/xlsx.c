/*
 * xlsx.c - the XLSX workbook, built from the database with libxlsxwriter.
 *
 * Sheets, in order: Summary (title, generation time, sources, key figures,
 * alerts with errors first, each linked to its load's row), Charts (native
 * Excel charts over the Loads and Estimate vs actual sheets), Loads (the
 * key columns first), Models, Estimate vs actual, Memory release, Load
 * devices, one sheet per category table (named like the table), failures,
 * requests, Unknown lines and Coverage. The database holds every row; a
 * sheet of per-line rows shows the first LINE_ROWS, one of per-load rows
 * the first LOAD_ROWS, with a note on top (see table_sheet).
 *
 * Every table sheet is written by one generic routine from a query: the
 * header row is frozen and carries an autofilter, and each column's type
 * follows its name, as in schema.sql:
 *   *_bytes      two columns: "<stem> (GiB)", the size in GiB as a number
 *                formatted 0.00 "GiB", then the exact byte count in a
 *                hidden column named like the database column (unhide it
 *                to see or sum exact bytes);
 *   ts, *_at, *_ts, *_seen   an Excel date-time (UTC);
 *   *seconds*    a number with two decimals;
 *   source_id    the source's file name (column "source");
 *   anything else: a number when SQLite holds a number, else text.
 * Text is only ever written with worksheet_write_string(), so a log line
 * that begins with "=" stays text, and it is cut to Excel's 32767
 * characters. Column widths follow the longest value (capped).
 *
 * The workbook is written in constant_memory mode: rows go to temporary
 * files as they are written, so memory stays bounded whatever the table
 * size, strings are stored inline (t="inlineStr") and every sheet must be
 * written top to bottom. A table longer than Excel's 1,048,576 rows is
 * cut, with a note in its last row. Document times come from
 * render_opts.now_epoch, so with SOURCE_DATE_EPOCH set the same database
 * gives a byte-identical file.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "buf.h"
#include "db.h"
#include "names.h"
#include "outfile.h"
#include "units.h"
#include "xmalloc.h"

#define MAX_COLS     160     /* worksheet columns one table sheet may use */
#define WIDTH_MIN    6.0
#define WIDTH_MAX    60.0
#define STR_MAX      32767   /* Excel's limit, in characters */
#define GIB          1073741824.0

/*
 * The workbook is for people; the database holds every row. A sheet of
 * per-line rows (the category tables, unknown lines) shows its first
 * LINE_ROWS rows, a sheet of per-load rows its first LOAD_ROWS, each with
 * a note on top saying how many there are and where the rest is. The
 * Summary lists ALERT_ROWS alerts at most, the Capacity sheet CAP_ROWS
 * rows of each of its tables (the latest), each with a note when more
 * were left out: the workbook stays under 20 MB at any size of the logs
 * (about 15 MB with 20,000 loads).
 */
#define LINE_ROWS    1000
#define LOAD_ROWS    20000
#define ALERT_ROWS   5000
#define CAP_ROWS     5000

/* How a result column is written. */
enum colkind {
	K_AUTO,      /* number or text, as SQLite holds it */
	K_BYTES,     /* GiB column + hidden exact bytes column */
	K_TIME,      /* UTC ISO-8601 text -> Excel date-time */
	K_SECONDS,   /* 0.00 */
	K_DEC2,      /* 0.00 (bits per weight) */
	K_RATIO,     /* 0.000 */
	K_SHARE,     /* 0.0% */
	K_COUNT,     /* #,##0 (parameter counts) */
	K_SOURCE     /* sources.id -> file name */
};

struct source_name {
	int64_t  id;
	char    *name;
};

/* Writer state shared by every sheet. */
struct xw {
	sqlite3              *db;
	const struct render_opts *o;
	const char           *path;
	struct olr_err       *err;
	lxw_workbook         *wb;
	struct source_name   *src;
	size_t                nsrc;
	int64_t              *load_ids;  /* the Loads sheet's loads, by id */
	size_t                nloads;
	lxw_format *f_title, *f_section, *f_head, *f_label, *f_note;
	lxw_format *f_time, *f_gib, *f_int, *f_dec2, *f_ratio, *f_share;
	lxw_format *f_count, *f_error, *f_warning, *f_link;
};

/* One worksheet being written top to bottom. */
struct sheet {
	lxw_worksheet *ws;
	const char    *name;
	lxw_row_t      row;              /* next row to write */
	double         width[MAX_COLS];  /* widest value seen, in characters */
	uint8_t        hidden[MAX_COLS];
	lxw_col_t      ncols;            /* columns used */
};

/* Where a table sheet put a database column (for the charts). */
struct table_out {
	lxw_row_t  rows;                 /* data rows written */
	char      *names[MAX_COLS];      /* database column names */
	lxw_col_t  cols[MAX_COLS];       /* their first worksheet column */
	int        n;
};

/*
 * libxlsxwriter prints its own errors on stderr (workbook_close: "[ERROR]
 * ... Error creating ..."); only main.c prints, so they are sent to
 * /dev/null while the library opens and writes the file, and its return
 * code is reported instead. Returns the saved stderr, or -1.
 */
static int
quiet_stderr(void)
{
	int saved, fd;

	fflush(stderr);
	if ((saved = dup(STDERR_FILENO)) < 0)
		return -1;
	if ((fd = open("/dev/null", O_WRONLY)) < 0) {
		close(saved);
		return -1;
	}
	dup2(fd, STDERR_FILENO);
	close(fd);
	return saved;
}

static void
restore_stderr(int saved)
{
	if (saved < 0)
		return;
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
}

static int
lxw_fail(struct xw *x, lxw_error e, const char *what)
{
	olr_err_set(x->err, OLR_E_RENDER, x->path, 0, "%s: %s", what,
	    lxw_strerror(e));
	return -1;
}

/* ---- values ------------------------------------------------------------ */

/*
 * A UTC ISO-8601 time from the database to an Excel serial date (1900
 * system, days since 1899-12-30). 0, or -1 when the text is not a time.
 */
static int
iso_to_serial(const char *s, double *out)
{
	struct olr_time t;

	if (units_parse_time(s, strlen(s), &t) != 0)
		return -1;
	*out = (double)t.epoch_ms / 86400000.0 + 25569.0;
	return 0;
}

/* Characters (UTF-8) in the longest line of s. */
static size_t
text_width(const char *s)
{
	size_t n = 0, best = 0;

	for (; *s; s++) {
		if (*s == '\n') {
			if (n > best)
				best = n;
			n = 0;
		} else if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	}
	return n > best ? n : best;
}

static enum colkind
kind_of(const char *name)
{
	size_t n = strlen(name);

#define ENDS(suf) (n >= sizeof(suf) - 1 && \
	strcmp(name + n - (sizeof(suf) - 1), suf) == 0)
	if (strcmp(name, "source_id") == 0)
		return K_SOURCE;
	if (ENDS("_bytes"))
		return K_BYTES;
	if (strcmp(name, "ts") == 0 || ENDS("_at") || ENDS("_ts") ||
	    ENDS("_seen"))
		return K_TIME;
	if (strstr(name, "seconds") != NULL)
		return K_SECONDS;
	if (strcmp(name, "bpw") == 0)
		return K_DEC2;
	if (strcmp(name, "ratio") == 0)
		return K_RATIO;
	if (ENDS("_share"))
		return K_SHARE;
	if (strcmp(name, "params") == 0)
		return K_COUNT;
#undef ENDS
	return K_AUTO;
}

static const char *
source_name(const struct xw *x, int64_t id)
{
	size_t i;

	for (i = 0; i < x->nsrc; i++)
		if (x->src[i].id == id)
			return x->src[i].name;
	return NULL;
}

/* ---- cells --------------------------------------------------------------- */

static void
measure(struct sheet *s, lxw_col_t col, double w)
{
	if (col < MAX_COLS && w > s->width[col])
		s->width[col] = w;
	if (col + 1 > s->ncols)
		s->ncols = col + 1;
}

/*
 * Text, always as a string cell (never a formula), cut to Excel's limit.
 * measured: count it towards the column width.
 */
static int
put_str(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
    const char *text, lxw_format *f, int measured)
{
	struct buf cut = BUF_INIT;
	size_t chars = 0, i;
	lxw_error e;

	if (text == NULL)
		return 0;
	for (i = 0; text[i]; i++) {
		if (((unsigned char)text[i] & 0xC0) != 0x80 &&
		    ++chars > STR_MAX) {
			/* cut to the limit, mark included, with the length
			 * so the reader knows what is missing */
			char mark[96];
			size_t len = strlen(text), keep, k;

			snprintf(mark, sizeof mark, " \xe2\x80\xa6 [cut: %zu "
			    "bytes in all, whole in the database]", len);
			keep = STR_MAX - (strlen(mark) - 2);
			for (k = 0, chars = 0; text[k]; k++)
				if (((unsigned char)text[k] & 0xC0) != 0x80 &&
				    ++chars > keep)
					break;
			buf_append(&cut, text, k);
			buf_puts(&cut, mark);
			text = cut.data;
			break;
		}
	}
	if (measured)
		measure(s, col, (double)text_width(text));
	e = worksheet_write_string(s->ws, row, col, text, f);
	buf_free(&cut);
	if (e != LXW_NO_ERROR)
		return lxw_fail(x, e, s->name);
	return 0;
}

/* A number; shown is how wide it looks in its format. */
static int
put_num(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
    double v, lxw_format *f, double shown)
{
	lxw_error e;

	measure(s, col, shown);
	e = worksheet_write_number(s->ws, row, col, v, f);
	if (e != LXW_NO_ERROR)
		return lxw_fail(x, e, s->name);
	return 0;
}

/* Width of a number printed with printf format fmt, plus extra. */
static double
num_width(const char *fmt, double v, double extra)
{
	char tmp[64];

	snprintf(tmp, sizeof tmp, fmt, v);
	return (double)strlen(tmp) + extra;
}

/*
 * The same for "%.<dec>f" (dec 0 to 3), without printf (it was a fifth
 * of the time the sheets took): sign, integer digits, point, decimals.
 * The integer part is that of v rounded to dec decimals, which has one
 * more digit than floor(|v|) only when rounding carries into a power of
 * ten; printf decides those few.
 */
static double
fixed_width(double v, int dec, double extra)
{
	static const char *const fmts[] = { "%.0f", "%.1f", "%.2f", "%.3f" };
	int neg = signbit(v) != 0, digits = 1;
	double a = neg ? -v : v, k, p;

	if (!(a < 1e15))	/* large, inf or NaN */
		return num_width(fmts[dec], v, extra);
	k = floor(a);
	for (p = 10; p <= k; p *= 10)
		digits++;
	if (k + 1 == p && a - k >= 0.4)	/* may carry into a new digit */
		return num_width(fmts[dec], v, extra);
	return (double)(neg + digits + (dec ? dec + 1 : 0)) + extra;
}

/* Set the fitted column widths (and hidden columns) of a sheet. */
static int
fit_columns(struct xw *x, struct sheet *s)
{
	lxw_row_col_options hide = { 1, 0, 0 };
	lxw_col_t c;
	double w;
	lxw_error e;

	for (c = 0; c < s->ncols && c < MAX_COLS; c++) {
		w = s->width[c] + 2.0;
		w = w < WIDTH_MIN ? WIDTH_MIN : w > WIDTH_MAX ? WIDTH_MAX : w;
		e = worksheet_set_column_opt(s->ws, c, c, w, NULL,
		    s->hidden[c] ? &hide : NULL);
		if (e != LXW_NO_ERROR)
			return lxw_fail(x, e, s->name);
	}
	return 0;
}

static int quiet_stderr(void);
static void restore_stderr(int saved);

static int
new_sheet(struct xw *x, struct sheet *s, const char *name)
{
	int saved, e;

	memset(s, 0, sizeof *s);
	s->name = name;
	/* (constant memory: the sheet's temporary file is made here, and
	 * libxlsxwriter prints its failure itself) */
	saved = quiet_stderr();
	errno = 0;
	s->ws = workbook_add_worksheet(x->wb, name);
	e = errno;
	restore_stderr(saved);
	if (s->ws == NULL) {
		olr_err_set(x->err, OLR_E_RENDER, x->path, 0,
		    "cannot add worksheet %s%s%s", name, e ? ": " : "",
		    e ? strerror(e) : "");
		return -1;
	}
	worksheet_set_landscape(s->ws);
	return 0;
}

/* ---- table sheets ---------------------------------------------------------- */

static int scalar(struct xw *x, const char *sql, struct buf *val);

/* Write one value of a result column at (row, col). */
static int
put_value(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
    enum colkind k, sqlite3_stmt *st, int i)
{
	int t = sqlite3_column_type(st, i);
	double v, serial;
	const char *txt;

	if (t == SQLITE_NULL)
		return 0;
	if (t == SQLITE_TEXT || t == SQLITE_BLOB) {
		txt = (const char *)sqlite3_column_text(st, i);
		if (k == K_TIME && txt && iso_to_serial(txt, &serial) == 0)
			return put_num(x, s, row, col, serial, x->f_time, 23);
		return put_str(x, s, row, col, txt, NULL, 1);
	}
	v = sqlite3_column_double(st, i);
	switch (k) {
	case K_SOURCE:
		txt = source_name(x, sqlite3_column_int64(st, i));
		if (txt)
			return put_str(x, s, row, col, txt, NULL, 1);
		break;
	case K_BYTES:
		if (put_num(x, s, row, col, v / GIB, x->f_gib,
		    fixed_width(v / GIB, 2, 4)) != 0)
			return -1;
		return put_num(x, s, row, col + 1, v, x->f_int,
		    fixed_width(v, 0, 0));
	case K_SECONDS:
	case K_DEC2:
		return put_num(x, s, row, col, v, x->f_dec2,
		    fixed_width(v, 2, 0));
	case K_RATIO:
		return put_num(x, s, row, col, v, x->f_ratio,
		    fixed_width(v, 3, 0));
	case K_SHARE:
		return put_num(x, s, row, col, v, x->f_share,
		    fixed_width(v * 100, 1, 1));
	case K_COUNT:
		return put_num(x, s, row, col, v, x->f_count,
		    fixed_width(v, 0, 0) * 4.0 / 3.0);
	default:
		break;
	}
	if (t == SQLITE_INTEGER)
		return put_num(x, s, row, col, v, x->f_int,
		    fixed_width(v, 0, 0));
	return put_num(x, s, row, col, v, NULL, num_width("%.10g", v, 0));
}

static void
table_out_free(struct table_out *t)
{
	int i;

	for (i = 0; i < t->n; i++)
		free(t->names[i]);
	t->n = 0;
}

/* The worksheet column of database column name in t, or -1. */
static int
table_col(const struct table_out *t, const char *name)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->names[i], name) == 0)
			return t->cols[i];
	return -1;
}

/*
 * A sheet holding the rows of sql: header row frozen with an autofilter,
 * formats by column name (see the top of this file), widths fitted. out,
 * if not NULL, receives where each column went; free with table_out_free.
 * With table set, row 1 is a note: how many rows the table has and, past
 * cap rows, that the sheet shows the first cap and the rest are in the
 * database. The header is then row 2.
 */
static int
table_sheet(struct xw *x, const char *name, const char *sql,
    const char *table, lxw_row_t cap, struct table_out *out)
{
	struct sheet s;
	struct table_out map;
	sqlite3_stmt *st = NULL;
	enum colkind kinds[MAX_COLS];
	lxw_col_t first[MAX_COLS], col;
	struct buf head = BUF_INIT, note = BUF_INIT;
	const char *cn;
	int ncol, i, r, rc = -1;
	int64_t extra = 0;
	lxw_row_t top = 0, limit;
	lxw_error e;
	char step[96];

	snprintf(step, sizeof step, "report.xlsx, sheet %s", name);
	olr_progress(x->o->progress, "reports", step);

	memset(&map, 0, sizeof map);
	if (new_sheet(x, &s, name) != 0)
		goto out;
	if (table != NULL) {
		int64_t total;

		buf_reset(&note);
		/* a metadata line per row of its dump (no join to count) */
		if (strcmp(table, "model_metadata") == 0)
			buf_puts(&note, "SELECT coalesce(sum(rows), 0) FROM"
			    " model_dumps");
		else
			buf_printf(&note, "SELECT count(*) FROM %s", table);
		if (scalar(x, note.data, &head) != 0)
			goto out;
		total = strtoll(buf_str(&head), NULL, 10);
		buf_reset(&note);
		if (cap > 0 && total > (int64_t)cap)
			buf_printf(&note, "The first %lu of %lld rows: all are in "
			    "table %s of the database (ollama.db).",
			    (unsigned long)cap, (long long)total, table);
		else
			buf_printf(&note, "%lld rows (table %s of the database).",
			    (long long)total, table);
		if (put_str(x, &s, 0, 0, note.data, x->f_note, 0) != 0)
			goto out;
		s.width[0] = 0;	/* the note spills over: no width */
		top = 1;
	}
	if (db_prepare(x->db, sql, &st, x->err) != 0)
		goto out;
	ncol = sqlite3_column_count(st);
	col = 0;
	for (i = 0; i < ncol; i++) {
		cn = sqlite3_column_name(st, i);
		kinds[i] = kind_of(cn);
		if (col + 2 > MAX_COLS || i >= MAX_COLS) {
			olr_err_set(x->err, OLR_E_RENDER, x->path, 0,
			    "%s: too many columns", name);
			goto out;
		}
		first[i] = col;
		map.names[map.n] = xstrdup(cn);
		map.cols[map.n++] = col;
		buf_reset(&head);
		if (kinds[i] == K_BYTES) {
			buf_append(&head, cn, strlen(cn) - strlen("_bytes"));
			buf_puts(&head, " (GiB)");
			if (put_str(x, &s, top, col, head.data, x->f_head, 1) !=
			    0 || put_str(x, &s, top, col + 1, cn, x->f_head, 1) !=
			    0)
				goto out;
			s.hidden[col + 1] = 1;
			col += 2;
			continue;
		}
		if (put_str(x, &s, top, col, kinds[i] == K_SOURCE ? "source" :
		    cn, x->f_head, 1) != 0)
			goto out;
		col++;
	}
	/* room for the filter button */
	for (i = 0; i < col; i++)
		s.width[i] += 2;
	s.row = top + 1;
	limit = cap > 0 && cap < LXW_ROW_MAX - 1 - s.row ? s.row + cap :
	    LXW_ROW_MAX - 1;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (s.row == limit) {
			if (table != NULL) {	/* counted in the note */
				r = SQLITE_DONE;
				break;
			}
			extra++;
			continue;
		}
		for (i = 0; i < ncol; i++)
			if (put_value(x, &s, s.row, first[i], kinds[i], st, i) != 0)
				goto out;
		s.row++;
	}
	if (r != SQLITE_DONE) {
		db_fail(x->db, x->err, name);
		goto out;
	}
	/* constant_memory: the filter range must end on the current row */
	worksheet_freeze_panes(s.ws, top + 1, 0);
	e = worksheet_repeat_rows(s.ws, top, top);  /* header on every page */
	if (e != LXW_NO_ERROR) {
		lxw_fail(x, e, name);
		goto out;
	}
	if (col > 0) {
		e = worksheet_autofilter(s.ws, top, 0, s.row - 1, col - 1);
		if (e != LXW_NO_ERROR) {
			lxw_fail(x, e, name);
			goto out;
		}
	}
	if (extra > 0) {
		buf_printf(&note, "Cut at %lu rows: %lld more rows are in the "
		    "database only.", (unsigned long)(s.row - top - 1),
		    (long long)extra);
		if (put_str(x, &s, s.row, 0, note.data, x->f_note, 0) != 0)
			goto out;
	} else if (s.row == top + 1) {
		if (put_str(x, &s, s.row, 0, "No rows.", x->f_note, 0) != 0)
			goto out;
	}
	if (fit_columns(x, &s) != 0)
		goto out;
	worksheet_fit_to_pages(s.ws, 1, 0);	/* print: fit to width */
	map.rows = s.row - top - 1;
	if (out) {
		*out = map;
		map.n = 0;
	}
	rc = 0;
out:
	table_out_free(&map);
	sqlite3_finalize(st);
	buf_free(&head);
	buf_free(&note);
	return rc;
}

/*
 * Loads: the columns a reader looks for first (which load, where, which
 * model, how it ended, how long, with which context), then the others in
 * schema order.
 */
static const char *const loads_first[] = {
	"id", "host", "name", "outcome",
	/* load_time: the load time as shown everywhere, a failed load's
	 * "failed after N s" (how long it ran) included */
	"CASE WHEN outcome = 'failed' AND wall_seconds IS NOT NULL THEN"
	" printf('failed after %.0f s', wall_seconds) WHEN load_seconds IS NOT"
	" NULL THEN printf('%.2f s', load_seconds) END AS load_time",
	"cause", "load_seconds", "wall_seconds", "ctx_size",
	/* the GPUs, named as everywhere (names.c) */
	NAMES_LOAD_GPUS_SQL("loads.id") " AS gpus", "started_at",
	"ended_at", "failure", "oom", NULL
};

static int
loads_query(struct xw *x, struct buf *sql)
{
	sqlite3_stmt *st;
	size_t i;
	int r;

	buf_puts(sql, "SELECT");
	for (i = 0; loads_first[i] != NULL; i++)
		buf_printf(sql, "%s %s", i ? "," : "", loads_first[i]);
	if (db_prepare(x->db, "SELECT name FROM pragma_table_info('loads')"
	    " ORDER BY cid", &st, x->err) != 0)
		return -1;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);

		for (i = 0; loads_first[i] != NULL; i++)
			if (strcmp(c, loads_first[i]) == 0)
				break;
		if (loads_first[i] == NULL)
			buf_printf(sql, ", \"%s\"", c);
	}
	sqlite3_finalize(st);
	if (r != SQLITE_DONE)
		return db_fail(x->db, x->err, "loads");
	buf_puts(sql, " FROM loads ORDER BY id");
	return 0;
}

/* The ids of the loads the Loads sheet shows, in its order (by id). */
static int
load_rows(struct xw *x)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int r;

	if (db_prepare(x->db, "SELECT id FROM loads ORDER BY id", &st,
	    x->err) != 0)
		return -1;
	while ((r = sqlite3_step(st)) == SQLITE_ROW && x->nloads < LOAD_ROWS) {
		if (x->nloads == cap) {
			cap = cap ? 2 * cap : 256;
			x->load_ids = xreallocarray(x->load_ids, cap,
			    sizeof *x->load_ids);
		}
		x->load_ids[x->nloads++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (r != SQLITE_DONE && r != SQLITE_ROW)
		return db_fail(x->db, x->err, "loads");
	return 0;
}

/* The Excel row (1-based) of load id on the Loads sheet, or 0. */
static long
load_row(const struct xw *x, int64_t id)
{
	size_t lo = 0, hi = x->nloads;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->load_ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->nloads && x->load_ids[lo] == id ? (long)lo + 2 : 0;
}

/* ---- Summary ---------------------------------------------------------------- */

/* The first column of the first row of sql as text ("" when none). */
static int
scalar(struct xw *x, const char *sql, struct buf *val)
{
	sqlite3_stmt *st = NULL;
	int r;

	buf_reset(val);
	if (db_prepare(x->db, sql, &st, x->err) != 0)
		return -1;
	r = sqlite3_step(st);
	if (r == SQLITE_ROW && sqlite3_column_text(st, 0))
		buf_puts(val, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return db_fail(x->db, x->err, "summary");
	return 0;
}

/* A label and a value (a number when count is set) on the next row. */
static int
summary_line(struct xw *x, struct sheet *s, const char *label,
    const char *value, int count)
{
	if (put_str(x, s, s->row, 0, label, x->f_label, 1) != 0)
		return -1;
	if (count && value[0] != '\0') {
		if (put_num(x, s, s->row, 1, strtod(value, NULL), x->f_int,
		    (double)strlen(value)) != 0)
			return -1;
	} else if (put_str(x, s, s->row, 1, value, NULL, 0) != 0)
		return -1;	/* long lists overflow into the empty cells */
	s->row++;
	return 0;
}

/* Column headers on the next row. */
static int
header_row(struct xw *x, struct sheet *s, const char *const *names)
{
	lxw_col_t c;

	for (c = 0; names[c]; c++)
		if (put_str(x, s, s->row, c, names[c], x->f_head, 1) != 0)
			return -1;
	s->row++;
	return 0;
}

/* A load id that links to its row of the Loads sheet. */
static int
put_load(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
    int64_t id)
{
	char url[64], text[32];
	long r = load_row(x, id);
	lxw_error e;

	snprintf(text, sizeof text, "%lld", (long long)id);
	if (r == 0)
		return put_str(x, s, row, col, text, NULL, 1);
	snprintf(url, sizeof url, "internal:Loads!A%ld", r);
	e = worksheet_write_url_opt(s->ws, row, col, url, x->f_link, text,
	    "The load on the Loads sheet");
	if (e != LXW_NO_ERROR)
		return lxw_fail(x, e, s->name);
	measure(s, col, (double)strlen(text));
	return 0;
}

static const struct {
	const char *label;
	const char *sql;
	int         count;
} figures[] = {
	{ "Loads", "SELECT count(*) FROM loads", 1 },
	{ "Loads ok", "SELECT count(*) FROM loads WHERE outcome = 'ok'", 1 },
	{ "Loads failed",
	  "SELECT count(*) FROM loads WHERE outcome = 'failed'", 1 },
	{ "Loads incomplete",
	  "SELECT count(*) FROM loads WHERE outcome = 'incomplete'", 1 },
	{ "Loads failed out of memory",
	  "SELECT count(*) FROM loads WHERE oom = 1", 1 },
	{ "Failures (lines ending a load)",
	  "SELECT count(*) FROM failures WHERE ends_load = 1", 1 },
	{ "Failure lines, all",
	  "SELECT count(*) FROM failures", 1 },
	{ "Out-of-memory lines",
	  "SELECT count(*) FROM failures WHERE oom = 1", 1 },
	{ "VRAM recovery timeouts", "SELECT count(*) FROM vram_timeouts", 1 },
	{ "GPUs seen",
	  "SELECT count(*) FROM (SELECT DISTINCT coalesce(host, ''), "
	  "coalesce(nullif(pci_id, ''), gpu_id, ''), coalesce(name, '') "
	  "FROM gpus)", 1 },
	{ "GPU models",
	  "SELECT group_concat(n, ', ') FROM (SELECT DISTINCT "
	  "coalesce(nullif(description, ''), name) AS n FROM gpus "
	  "WHERE n IS NOT NULL ORDER BY n)", 0 },
	{ "Ollama versions (as first seen)",
	  "SELECT group_concat(v, ', ') FROM (SELECT v, min(t) AS t FROM "
	  "(SELECT version AS v, ts AS t FROM runners WHERE kind = "
	  "'listening' UNION ALL SELECT ollama_version, started_at FROM "
	  "loads) WHERE v IS NOT NULL AND v <> '' GROUP BY v ORDER BY t, v)",
	  0 },
	{ "Alerts (errors)",
	  "SELECT count(*) FROM alerts WHERE severity = 'error'", 1 },
	{ "Alerts (warnings)",
	  "SELECT count(*) FROM alerts WHERE severity = 'warning'", 1 },
};

static const char *const source_head[] = {
	"Source", "Host", "Format", "Lines", "First event (UTC)",
	"Last event (UTC)", "Status", NULL
};
/* columns line up with the sources table: D text, E date-time */
static const char *const alert_head[] = {
	"Severity", "Rule", "Load", "Source", "Time (UTC)", "Message", NULL
};

static int
summary_sheet(struct xw *x, struct sheet *s, const struct report *rep)
{
	sqlite3_stmt *st = NULL;
	struct buf val = BUF_INIT;
	lxw_row_t top;
	double serial;
	const char *txt;
	size_t i;
	int64_t more = 0;
	int r, c, rc = -1;
	lxw_error e;

	if (put_str(x, s, 0, 0, x->o->title, x->f_title, 0) != 0)
		goto out;
	s->row = 2;
	if (put_str(x, s, s->row, 0, "Generated at (UTC)", x->f_label, 1) != 0 ||
	    put_num(x, s, s->row, 1, (double)x->o->now_epoch / 86400.0 + 25569,
	    x->f_time, 23) != 0)
		goto out;
	s->row++;
	buf_printf(&val, "ollama-logreport %s",
	    x->o->version ? x->o->version : "");
	if (summary_line(x, s, "Generated by", val.data, 0) != 0)
		goto out;
	buf_reset(&val);
	if (x->o->since || x->o->until)
		buf_printf(&val, "%s%s%s%s", x->o->since ? "from " : "",
		    x->o->since ? x->o->since : "",
		    x->o->since && x->o->until ? " " : "",
		    x->o->until ? "until " : "");
	if (x->o->until)
		buf_puts(&val, x->o->until);
	if (summary_line(x, s, "Time window",
	    val.len ? val.data : "all events", 0) != 0)
		goto out;
	if (rep != NULL && rep->empty_window != NULL && (put_str(x, s, s->row,
	    0, "Nothing in the window", x->f_error, 1) != 0 ||
	    put_str(x, s, s->row++, 1, rep->empty_window, x->f_error, 0) != 0))
		goto out;

	/* sources */
	s->row++;
	if (put_str(x, s, s->row++, 0, "Sources", x->f_section, 0) != 0 ||
	    header_row(x, s, source_head) != 0)
		goto out;
	if (db_prepare(x->db, "SELECT path, host, format, line_count, "
	    "first_ts, last_ts, status FROM sources ORDER BY id", &st,
	    x->err) != 0)
		goto out;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		for (c = 0; c < 7; c++) {
			txt = (const char *)sqlite3_column_text(st, c);
			if (txt == NULL)
				continue;
			if (c == 3) {
				if (put_num(x, s, s->row, c,
				    sqlite3_column_double(st, c), x->f_int,
				    (double)strlen(txt)) != 0)
					goto out;
			} else if ((c == 4 || c == 5) &&
			    iso_to_serial(txt, &serial) == 0) {
				if (put_num(x, s, s->row, c, serial, x->f_time,
				    23) != 0)
					goto out;
			} else if (put_str(x, s, s->row, c, txt, NULL, 1) != 0)
				goto out;
		}
		s->row++;
	}
	if (r != SQLITE_DONE) {
		db_fail(x->db, x->err, "sources");
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;

	/* key figures */
	s->row++;
	if (put_str(x, s, s->row++, 0, "Key figures", x->f_section, 0) != 0)
		goto out;
	for (i = 0; i < sizeof figures / sizeof figures[0]; i++)
		if (scalar(x, figures[i].sql, &val) != 0 ||
		    summary_line(x, s, figures[i].label, val.data,
		    figures[i].count) != 0)
			goto out;

	/* alerts, errors first */
	s->row++;
	if (put_str(x, s, s->row++, 0, "Alerts", x->f_section, 0) != 0)
		goto out;
	top = s->row;
	if (header_row(x, s, alert_head) != 0)
		goto out;
	if (db_prepare(x->db, "SELECT severity, rule, ts, source_id, line, "
	    "load_id, message FROM alerts ORDER BY CASE severity "
	    "WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, ts, id",
	    &st, x->err) != 0)
		goto out;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (s->row == top + 1 + ALERT_ROWS) {
			more++;
			continue;
		}
		txt = (const char *)sqlite3_column_text(st, 0);
		if (put_str(x, s, s->row, 0, txt,
		    txt && strcmp(txt, "error") == 0 ? x->f_error :
		    txt && strcmp(txt, "warning") == 0 ? x->f_warning : NULL,
		    1) != 0 ||
		    put_str(x, s, s->row, 1,
		    (const char *)sqlite3_column_text(st, 1), NULL, 1) != 0)
			goto out;
		txt = (const char *)sqlite3_column_text(st, 2);
		if (txt && iso_to_serial(txt, &serial) == 0) {
			if (put_num(x, s, s->row, 4, serial, x->f_time, 23) != 0)
				goto out;
		} else if (put_str(x, s, s->row, 4, txt, NULL, 1) != 0)
			goto out;
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			txt = source_name(x, sqlite3_column_int64(st, 3));
			buf_reset(&val);
			buf_printf(&val, "%s", txt ? txt : "?");
			if (sqlite3_column_type(st, 4) != SQLITE_NULL)
				buf_printf(&val, ":%lld", (long long)
				    sqlite3_column_int64(st, 4));
			if (put_str(x, s, s->row, 3, val.data, NULL, 1) != 0)
				goto out;
		}
		if (sqlite3_column_type(st, 5) != SQLITE_NULL &&
		    put_load(x, s, s->row, 2, sqlite3_column_int64(st, 5)) != 0)
			goto out;
		if (put_str(x, s, s->row, 5,
		    (const char *)sqlite3_column_text(st, 6), NULL, 1) != 0)
			goto out;
		s->row++;
	}
	if (r != SQLITE_DONE) {
		db_fail(x->db, x->err, "alerts");
		goto out;
	}
	if (s->row == top + 1) {
		if (put_str(x, s, s->row++, 0, "No alerts.", x->f_note, 0) != 0)
			goto out;
	} else {
		e = worksheet_autofilter(s->ws, top, 0, s->row - 1, 5);
		if (e != LXW_NO_ERROR) {
			lxw_fail(x, e, "Summary");
			goto out;
		}
	}
	if (more > 0) {
		buf_reset(&val);
		buf_printf(&val, "Cut at %d alerts: %lld more are in table "
		    "alerts of the database (ollama.db).", ALERT_ROWS,
		    (long long)more);
		if (put_str(x, s, s->row++, 0, val.data, x->f_note, 0) != 0)
			goto out;
	}
	if (fit_columns(x, s) != 0)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(st);
	buf_free(&val);
	return rc;
}

/* ---- charts ------------------------------------------------------------------- */

static lxw_chart *
new_chart(struct xw *x, uint8_t type, const char *title, const char *xname,
    const char *yname)
{
	lxw_chart *ch = workbook_add_chart(x->wb, type);

	if (ch == NULL) {
		olr_err_set(x->err, OLR_E_RENDER, x->path, 0,
		    "cannot add chart %s", title);
		return NULL;
	}
	chart_title_set_name(ch, title);
	chart_axis_set_name(ch->x_axis, xname);
	chart_axis_set_name(ch->y_axis, yname);
	return ch;
}

/* A series of ch: rows 1..rows of column val of sheet, against column cat. */
static lxw_chart_series *
add_series(lxw_chart *ch, const char *sheet, int cat, int val,
    lxw_row_t rows, const char *name)
{
	lxw_chart_series *ser = chart_add_series(ch, NULL, NULL);

	chart_series_set_categories(ser, sheet, 1, (lxw_col_t)cat, rows,
	    (lxw_col_t)cat);
	chart_series_set_values(ser, sheet, 1, (lxw_col_t)val, rows,
	    (lxw_col_t)val);
	chart_series_set_name(ser, name);
	return ser;
}

/*
 * Load time per load (Loads sheet) and estimated against allocated memory
 * per load (the 'total' rows, written first on Estimate vs actual).
 */
static int
charts_sheet(struct xw *x, struct sheet *s, const struct table_out *loads,
    const struct table_out *eva, int64_t eva_totals)
{
	lxw_chart_options place = { .x_scale = 2.0, .y_scale = 1.6 };
	lxw_chart_series *ser;
	lxw_chart *ch;
	lxw_error e;
	lxw_row_t at = 1;
	int id, secs, load, est, act;

	id = table_col(loads, "id");
	secs = table_col(loads, "load_seconds");
	if (loads->rows > 0 && id >= 0 && secs >= 0) {
		ch = new_chart(x, LXW_CHART_LINE, "Load time per load",
		    "Load (Loads sheet id)", "Seconds");
		if (ch == NULL)
			return -1;
		ser = add_series(ch, "Loads", id, secs, loads->rows,
		    "load_seconds");
		chart_series_set_marker_type(ser, LXW_CHART_MARKER_CIRCLE);
		chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
		e = worksheet_insert_chart_opt(s->ws, at, 1, ch, &place);
		if (e != LXW_NO_ERROR)
			return lxw_fail(x, e, "Charts");
		at += 25;
	}
	load = table_col(eva, "load_id");
	est = table_col(eva, "est_bytes");
	act = table_col(eva, "actual_bytes");
	if (eva_totals > 0 && load >= 0 && est >= 0 && act >= 0) {
		ch = new_chart(x, LXW_CHART_COLUMN,
		    "Estimated vs allocated memory per load",
		    "Load (Loads sheet id)", "GiB");
		if (ch == NULL)
			return -1;
		add_series(ch, "Estimate vs actual", load, est,
		    (lxw_row_t)eva_totals, "Ollama's estimate");
		add_series(ch, "Estimate vs actual", load, act,
		    (lxw_row_t)eva_totals, "Allocated");
		chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
		e = worksheet_insert_chart_opt(s->ws, at, 1, ch, &place);
		if (e != LXW_NO_ERROR)
			return lxw_fail(x, e, "Charts");
		at += 25;
	}
	if (at == 1)
		return put_str(x, s, 0, 0, "No loads in the database: no charts.",
		    x->f_note, 0);
	return put_str(x, s, 0, 0, "Charts over the Loads and Estimate vs "
	    "actual sheets.", x->f_note, 0);
}

/* ---- the workbook ------------------------------------------------------------ */

static const struct {
	const char *sheet;
	const char *sql;
	const char *table;   /* named in the sheet's note, or NULL */
	lxw_row_t   cap;     /* rows shown at most, 0 = Excel's limit */
} tables[] = {
	{ "Models", "SELECT * FROM model_summary ORDER BY model", NULL, 0 },
	/* Estimate vs actual: written here in order; see xlsx_render */
	{ "Memory release",
	  "SELECT r.load_id, l.source_id, l.name, r.next_load_id, "
	  "r.unloaded, r.vram_before_bytes, r.vram_after_bytes, "
	  "r.vram_recovered, r.sys_before_bytes, r.sys_after_bytes, "
	  "r.sys_recovered, r.timeouts, r.timeout_seconds, r.verdict, "
	  "r.evidence, r.note FROM memory_release r LEFT JOIN loads l "
	  "ON l.id = r.load_id ORDER BY r.load_id", "memory_release",
	  LOAD_ROWS },
	{ "Load devices",
	  "SELECT d.load_id, l.source_id, l.name, d.device, "
	  "coalesce(d.name, d.device) AS device_name, d.gpu_id, d.gpu_match, "
	  "d.layers, "
	  "d.weights_bytes, d.kv_bytes, d.compute_bytes, d.est_weights_bytes, "
	  "d.est_kv_bytes, d.est_compute_bytes, d.est_total_bytes FROM "
	  "load_devices d LEFT JOIN loads l ON l.id = d.load_id "
	  "ORDER BY d.load_id, d.device", "load_devices", LOAD_ROWS },
	{ "vram_updates", "SELECT * FROM vram_updates ORDER BY id", "vram_updates",
	  LINE_ROWS },
	{ "system_memory", "SELECT * FROM system_memory ORDER BY id", "system_memory",
	  LINE_ROWS },
	{ "fit_decisions", "SELECT * FROM fit_decisions ORDER BY id", "fit_decisions",
	  LINE_ROWS },
	{ "offload_estimates", "SELECT * FROM offload_estimates ORDER BY id", "offload_estimates",
	  LINE_ROWS },
	{ "memory_buffers", "SELECT * FROM memory_buffers ORDER BY id", "memory_buffers",
	  LINE_ROWS },
	{ "vram_timeouts", "SELECT * FROM vram_timeouts ORDER BY id", "vram_timeouts",
	  LINE_ROWS },
	{ "gpus", "SELECT * FROM gpus ORDER BY id", "gpus",
	  LINE_ROWS },
	{ "token_caches", "SELECT * FROM token_caches ORDER BY id", "token_caches",
	  LINE_ROWS },
	{ "model_files", "SELECT * FROM model_files ORDER BY id", "model_files",
	  LINE_ROWS },
	{ "tensor_loads", "SELECT * FROM tensor_loads ORDER BY id", "tensor_loads",
	  LINE_ROWS },
	{ "model_params", "SELECT * FROM model_params ORDER BY id", "model_params",
	  LINE_ROWS },
	{ "runners", "SELECT * FROM runners ORDER BY id", "runners",
	  LINE_ROWS },
	{ "model_metadata", "SELECT * FROM model_metadata ORDER BY dump_id,"
	  " rel_line", "model_metadata",
	  LINE_ROWS },
	{ "tensor_types", "SELECT * FROM tensor_types ORDER BY id", "tensor_types",
	  LINE_ROWS },
	{ "failures", "SELECT * FROM failures ORDER BY id", "failures",
	  LINE_ROWS },
	{ "requests", "SELECT * FROM requests ORDER BY id", "requests",
	  LINE_ROWS },
	{ "Unknown lines",
	  "SELECT source_id, line, ts, text FROM unknown_lines "
	  "ORDER BY source_id, line", "unknown_lines", LINE_ROWS },
	{ "Coverage",
	  "SELECT s.id AS source_id, s.path, s.host, s.format, s.size_bytes, "
	  "s.status, s.first_ts, s.last_ts, ls.lines_total, ls.lines_blank, "
	  "ls.lines_classified, ls.lines_noise, ls.lines_unknown, "
	  "CASE WHEN ls.lines_total > 0 THEN 1.0 * (ls.lines_total - "
	  "ls.lines_unknown) / ls.lines_total END AS recognised_share, "
	  "ls.nul_bytes, ls.invalid_utf8, ls.crlf_lines FROM sources s "
	  "LEFT JOIN line_stats ls ON ls.source_id = s.id ORDER BY s.id",
	  NULL, 0 },
};

/* Load the source id -> file name (after the last / or \) map. */
static int
load_sources(struct xw *x)
{
	sqlite3_stmt *st = NULL;
	const char *p, *base;
	size_t cap = 0;
	int r;

	if (db_prepare(x->db, "SELECT id, path FROM sources ORDER BY id", &st,
	    x->err) != 0)
		return -1;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		p = (const char *)sqlite3_column_text(st, 1);
		if (p == NULL)
			p = "";
		for (base = p; *p; p++)
			if ((*p == '/' || *p == '\\') && p[1] != '\0')
				base = p + 1;
		if (x->nsrc == cap) {
			cap = cap ? cap * 2 : 16;
			x->src = xreallocarray(x->src, cap, sizeof *x->src);
		}
		x->src[x->nsrc].id = sqlite3_column_int64(st, 0);
		x->src[x->nsrc++].name = xstrdup(base);
	}
	sqlite3_finalize(st);
	if (r != SQLITE_DONE)
		return db_fail(x->db, x->err, "sources");
	return 0;
}

static lxw_format *
fmt(struct xw *x, const char *num, int bold)
{
	lxw_format *f = workbook_add_format(x->wb);

	if (num)
		format_set_num_format(f, num);
	if (bold)
		format_set_bold(f);
	return f;
}

static void
make_formats(struct xw *x)
{
	x->f_title = fmt(x, NULL, 1);
	format_set_font_size(x->f_title, 16);
	x->f_section = fmt(x, NULL, 1);
	format_set_font_size(x->f_section, 13);
	x->f_head = fmt(x, NULL, 1);
	format_set_bg_color(x->f_head, 0xD9E1F2);
	format_set_bottom(x->f_head, LXW_BORDER_THIN);
	x->f_label = fmt(x, NULL, 1);
	x->f_note = fmt(x, NULL, 0);
	format_set_italic(x->f_note);
	x->f_time = fmt(x, "yyyy-mm-dd hh:mm:ss.000", 0);
	x->f_gib = fmt(x, "0.00 \"GiB\"", 0);
	x->f_int = fmt(x, "0", 0);
	x->f_dec2 = fmt(x, "0.00", 0);
	x->f_ratio = fmt(x, "0.000", 0);
	x->f_share = fmt(x, "0.0%", 0);
	x->f_count = fmt(x, "#,##0", 0);
	x->f_error = fmt(x, NULL, 1);
	format_set_font_color(x->f_error, 0xC00000);
	x->f_warning = fmt(x, NULL, 1);
	format_set_font_color(x->f_warning, 0x9C5700);
	x->f_link = fmt(x, NULL, 0);
	format_set_font_color(x->f_link, LXW_COLOR_BLUE);
	format_set_underline(x->f_link, LXW_UNDERLINE_SINGLE);
	/* each format's index in styles.xml, fixed here (libxlsxwriter
	 * numbers them as cells first use them; the sheets are not written
	 * in workbook order), in the order the sheets use them */
	lxw_format_get_xf_index(x->f_title);
	lxw_format_get_xf_index(x->f_note);
	lxw_format_get_xf_index(x->f_section);
	lxw_format_get_xf_index(x->f_head);
	lxw_format_get_xf_index(x->f_label);
	lxw_format_get_xf_index(x->f_time);
	lxw_format_get_xf_index(x->f_int);
	lxw_format_get_xf_index(x->f_error);
	lxw_format_get_xf_index(x->f_link);
	lxw_format_get_xf_index(x->f_warning);
	lxw_format_get_xf_index(x->f_dec2);
	lxw_format_get_xf_index(x->f_count);
	lxw_format_get_xf_index(x->f_gib);
	lxw_format_get_xf_index(x->f_ratio);
	lxw_format_get_xf_index(x->f_share);
}

/*
 * The Capacity sheet: the report model's five answers, one block each
 * (title, header row, rows), the cells as the report shows them; a cell
 * that is a plain number is written as a number.
 */
static int
capacity_sheet(struct xw *x, struct sheet *s, const struct capacity *c)
{
	int i, k;
	size_t r;

	if (put_str(x, s, 0, 0, "Capacity review", x->f_title, 0) != 0 ||
	    put_str(x, s, 1, 0, "Each block answers one question of the"
	    " weekly capacity review, for the report's time window; what"
	    " every number means: ollama-logreport(1), REPORTS.", x->f_note,
	    0) != 0)
		return -1;
	worksheet_freeze_panes(s->ws, 2, 1);
	s->row = 3;
	for (i = 0; i < CAP_NTAB; i++) {
		const struct cap_table *t = &c->t[i];
		/* past CAP_ROWS rows, the latest: the last rows of the
		 * tables in time order, the first of the others */
		int tail = i == CAP_WEEKS || i == CAP_SERVICE;
		size_t from = tail && t->nrows > CAP_ROWS ? t->nrows -
		    CAP_ROWS : 0, to = t->nrows > CAP_ROWS ? from + CAP_ROWS :
		    t->nrows;

		if (put_str(x, s, s->row++, 0, t->question, x->f_section,
		    0) != 0)
			return -1;
		for (k = 0; k < t->ncol; k++)
			if (put_str(x, s, s->row, (lxw_col_t)k, t->cols[k],
			    x->f_head, 1) != 0)
				return -1;
		s->row++;
		for (r = from; r < to; r++, s->row++)
			for (k = 0; k < t->ncol; k++) {
				const char *v = t->cell[r * (size_t)t->ncol +
				    (size_t)k];
				char *end;
				double d = strtod(v, &end);

				if (*v && *end == '\0' && end != v &&
				    strchr(v, ' ') == NULL) {
					if (put_num(x, s, s->row, (lxw_col_t)k, d,
					    NULL, (double)strlen(v)) != 0)
						return -1;
				} else if (put_str(x, s, s->row, (lxw_col_t)k, v,
				    NULL, 1) != 0)
					return -1;
			}
		if (t->nrows == 0 && put_str(x, s, s->row++, 0,
		    "Nothing in these logs.", x->f_note, 0) != 0)
			return -1;
		if (to - from < t->nrows) {
			char note[160];

			snprintf(note, sizeof note, "Only the %d %s of %zu rows"
			    " are shown; the log lines they are computed from"
			    " are all in the database (ollama.db).", CAP_ROWS,
			    tail || i == CAP_REQUESTS ? "most recent" : "first",
			    t->nrows);
			if (put_str(x, s, s->row++, 0, note, x->f_note, 0) != 0)
				return -1;
		}
		if (t->note && put_str(x, s, s->row++, 0, t->note, x->f_note,
		    0) != 0)
			return -1;
		s->row++;
	}
	return fit_columns(x, s);
}

/*
 * The workbook; the report model is rep, or, with wait set, what
 * wait(arg) returns, asked for only once every sheet that does not show
 * it is written (in constant_memory mode each worksheet has a temporary
 * file of its own, so sheets may be written in any order; their order in
 * the workbook is the order they were added in).
 */
static int
render_workbook(sqlite3 *db, const struct render_opts *o,
    const struct report *rep, const struct report *(*wait)(void *),
    void *arg, const char *path, struct olr_err *err)
{
	lxw_workbook_options wopt = { .constant_memory = LXW_TRUE };
	lxw_doc_properties props;
	struct xw x;
	struct sheet summary, charts, cap;
	struct table_out loads, eva;
	struct buf creator = BUF_INIT, lsql = BUF_INIT, tmp = BUF_INIT;
	int64_t eva_totals = 0;
	int saved, e_no;
	size_t i;
	lxw_error e;
	int rc = -1;

	memset(&x, 0, sizeof x);
	memset(&loads, 0, sizeof loads);
	memset(&eva, 0, sizeof eva);
	x.db = db;
	x.o = o;
	x.path = path;
	x.err = err;
	if (load_sources(&x) != 0 || load_rows(&x) != 0 ||
	    scalar(&x, "SELECT count(*) FROM estimate_vs_actual "
	    "WHERE device = 'total'", &creator) != 0)
		goto out;
	eva_totals = strtoll(buf_str(&creator), NULL, 10);
	buf_reset(&creator);

	/* written as a temporary file, renamed over path when whole */
	outfile_tmpname(path, &tmp);
	remove(tmp.data);
	saved = quiet_stderr();
	x.wb = workbook_new_opt(tmp.data, &wopt);
	restore_stderr(saved);
	if (x.wb == NULL) {
		olr_err_set(err, OLR_E_RENDER, path, 0,
		    "cannot create workbook");
		goto out;
	}
	memset(&props, 0, sizeof props);
	buf_printf(&creator, "ollama-logreport %s", o->version ? o->version : "");
	props.title = (char *)o->title;
	props.author = creator.data;
	props.comments = "Rendered from the ollama-logreport database";
	props.created = (time_t)o->now_epoch;
	e = workbook_set_properties(x.wb, &props);
	if (e != LXW_NO_ERROR) {
		lxw_fail(&x, e, "properties");
		goto out;
	}
	make_formats(&x);

	if (new_sheet(&x, &summary, "Summary") != 0 ||
	    ((rep != NULL || wait != NULL) && new_sheet(&x, &cap,
	    "Capacity") != 0) ||
	    new_sheet(&x, &charts, "Charts") != 0)
		goto out;
	worksheet_fit_to_pages(charts.ws, 1, 0);
	if (loads_query(&x, &lsql) != 0 ||
	    table_sheet(&x, "Loads", lsql.data, NULL, LOAD_ROWS, &loads) != 0 ||
	    table_sheet(&x, tables[0].sheet, tables[0].sql, tables[0].table,
	    tables[0].cap, NULL) != 0)
		goto out;
	/* the 'total' rows first, so the memory chart has one range */
	if (table_sheet(&x, "Estimate vs actual",
	    "SELECT e.load_id, l.source_id, l.name, e.device, "
	    NAMES_DEVICE_SQL("e") " AS device_name, "
	    "e.est_bytes, e.actual_bytes, e.diff_bytes, e.ratio, "
	    "e.over_estimate, e.oom_after_fit, e.basis FROM "
	    "estimate_vs_actual e LEFT JOIN loads l ON l.id = e.load_id "
	    "ORDER BY e.device <> 'total', e.load_id, e.device", NULL,
	    LOAD_ROWS, &eva) != 0)
		goto out;
	if (eva_totals > (int64_t)eva.rows)
		eva_totals = (int64_t)eva.rows;
	for (i = 1; i < sizeof tables / sizeof tables[0]; i++)
		if (table_sheet(&x, tables[i].sheet, tables[i].sql,
		    tables[i].table, tables[i].cap, NULL) != 0)
			goto out;
	/* the sheets that show the report model */
	if (wait != NULL && (rep = wait(arg)) == NULL) {
		olr_err_set(err, OLR_E_RENDER, path, 0,
		    "no report model for the workbook");
		goto out;
	}
	if (rep != NULL && capacity_sheet(&x, &cap, &rep->cap) != 0)
		goto out;
	if (summary_sheet(&x, &summary, rep) != 0)
		goto out;
	if (charts_sheet(&x, &charts, &loads, &eva, eva_totals) != 0)
		goto out;
	worksheet_activate(summary.ws);

	saved = quiet_stderr();
	errno = 0;
	e = workbook_close(x.wb);
	e_no = errno;
	restore_stderr(saved);
	x.wb = NULL;
	if (e != LXW_NO_ERROR) {
		remove(tmp.data);
		if (e_no == ENOSPC || e_no == EDQUOT || e_no == EFBIG)
			outfile_fail(path, e_no, err);
		else
			olr_err_set(err, OLR_E_RENDER, path, 0, "cannot write "
			    "workbook: %s (%s)", lxw_strerror(e),
			    access(path, F_OK) == 0 ? "the previous file was "
			    "kept" : "no file was written");
		goto out;
	}
	if (outfile_commit(tmp.data, path, err) != 0)
		goto out;
	rc = 0;
out:
	if (x.wb)
		lxw_workbook_free(x.wb);
	for (i = 0; i < x.nsrc; i++)
		free(x.src[i].name);
	free(x.src);
	table_out_free(&loads);
	table_out_free(&eva);
	buf_free(&creator);
	buf_free(&lsql);
	if (rc != 0 && tmp.data != NULL)
		remove(tmp.data);
	buf_free(&tmp);
	free(x.load_ids);
	return rc;
}

int
xlsx_render(sqlite3 *db, const struct render_opts *o,
    const struct report *rep, const char *path, struct olr_err *err)
{
	return render_workbook(db, o, rep, NULL, NULL, path, err);
}

int
xlsx_render_waiting(sqlite3 *db, const struct render_opts *o,
    const struct report *(*wait)(void *arg), void *arg, const char *path,
    struct olr_err *err)
{
	return render_workbook(db, o, NULL, wait, arg, path, err);
}

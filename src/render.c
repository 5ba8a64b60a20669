/*
 * render.c - the render stage: which outputs, which time window, where.
 * The renderers themselves are chart.c, xlsx.c and html.c.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "render.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyze.h"
#include "chart.h"
#include "db.h"
#include "html.h"
#include "md.h"
#include "outfile.h"
#include "report.h"
#include "units.h"
#include "xlsx.h"

int
render_parse_formats(const char *list)
{
	static const struct {
		const char *name;
		int         bit;
	} names[] = {
		{ "db", RENDER_DB }, { "png", RENDER_PNG }, { "xlsx", RENDER_XLSX },
		{ "html", RENDER_HTML }, { "md", RENDER_MD },
		{ "all", RENDER_ALL },
	};
	const char *p = list, *e;
	int mask = 0;
	size_t i, n;

	while (*p) {
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strlen(names[i].name) == n &&
			    strncmp(names[i].name, p, n) == 0)
				break;
		if (i == sizeof names / sizeof names[0])
			return -1;
		mask |= names[i].bit;
		p += n;
		if (*p == ',')
			p++;
	}
	return mask ? mask : -1;
}

int
render_parse_when(const char *s, int64_t now_epoch, char *out, size_t size)
{
	struct olr_time t;
	char *end;
	long long n;
	size_t len = strlen(s);

	n = strtoll(s, &end, 10);
	if (end != s && n >= 0 && end[0] != '\0' && end[1] == '\0' &&
	    strchr("mhdw", end[0]) != NULL) {
		int64_t unit = end[0] == 'm' ? 60 : end[0] == 'h' ? 3600 :
		    end[0] == 'd' ? 86400 : 604800;
		units_format_utc((now_epoch - n * unit) * 1000, out, size);
		return 0;
	}
	if (len == 10) {                        /* a date alone */
		char buf[32];
		snprintf(buf, sizeof buf, "%sT00:00:00Z", s);
		if (units_parse_time(buf, strlen(buf), &t) != 0)
			return -1;
	} else if (len == 16) {                 /* no seconds */
		char buf[32];
		snprintf(buf, sizeof buf, "%s:00", s);
		if (units_parse_time(buf, strlen(buf), &t) != 0)
			return -1;
	} else if (units_parse_time(s, len, &t) != 0)
		return -1;
	units_format_utc(t.epoch_ms, out, size);
	return 0;
}

/* tables with a ts column, filtered on it */
static const char *const ts_tables[] = {
	"vram_updates", "system_memory", "fit_decisions", "offload_estimates",
	"memory_buffers", "vram_timeouts", "gpus", "token_caches",
	"model_files", "tensor_loads", "model_params", "runners",
	"model_dumps", "model_metadata", "tensor_types", "failures", "alerts",
	"requests",
};

/* tables of per-load rows, filtered through the loads view */
static const char *const load_tables[] = {
	"load_devices", "estimate_vs_actual", "memory_release",
};

/* "col >= 'since' AND col < 'until'" (either part may be absent) */
static void
window_cond(char *out, size_t size, const char *col,
    const struct render_opts *o)
{
	snprintf(out, size, "%s%s%s%s%s%s%s%s%s", o->since ? col : "",
	    o->since ? " >= '" : "", o->since ? o->since : "",
	    o->since ? "'" : "", o->since && o->until ? " AND " : "",
	    o->until ? col : "", o->until ? " < '" : "",
	    o->until ? o->until : "", o->until ? "'" : "");
}

int
render_window_empty(sqlite3 *db, const struct render_opts *o, int *empty,
    struct olr_err *err)
{
	sqlite3_stmt *st;

	*empty = 0;
	if (o->since == NULL && o->until == NULL)
		return 0;
	if (db_prepare(db, "SELECT (SELECT count(*) FROM loads) + (SELECT"
	    " count(*) FROM vram_updates) + (SELECT count(*) FROM"
	    " system_memory) + (SELECT count(*) FROM failures) + (SELECT"
	    " count(*) FROM requests) + (SELECT count(*) FROM runners)", &st,
	    err) != 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		*empty = sqlite3_column_int64(st, 0) == 0;
	sqlite3_finalize(st);
	return 0;
}

int
render_apply_window(sqlite3 *db, const struct render_opts *o,
    struct olr_err *err)
{
	char cond[256], sql[512];
	size_t i;

	if (o->since == NULL && o->until == NULL)
		return 0;
	for (i = 0; i < sizeof ts_tables / sizeof ts_tables[0]; i++) {
		window_cond(cond, sizeof cond, "ts", o);
		snprintf(sql, sizeof sql, "CREATE TEMP VIEW %s AS SELECT * FROM"
		    " main.%s WHERE %s", ts_tables[i], ts_tables[i], cond);
		if (db_exec(db, sql, err) != 0)
			return -1;
	}
	window_cond(cond, sizeof cond, "coalesce(started_at, ended_at)", o);
	snprintf(sql, sizeof sql, "CREATE TEMP VIEW loads AS SELECT * FROM"
	    " main.loads WHERE %s", cond);
	if (db_exec(db, sql, err) != 0)
		return -1;
	/* the log files whose time span meets the window */
	snprintf(sql, sizeof sql, "CREATE TEMP VIEW sources AS SELECT * FROM"
	    " main.sources WHERE first_ts IS NULL OR (%s%s%s AND %s%s%s)",
	    o->until ? "first_ts < '" : "1", o->until ? o->until : "",
	    o->until ? "'" : "", o->since ? "last_ts >= '" : "1",
	    o->since ? o->since : "", o->since ? "'" : "");
	if (db_exec(db, sql, err) != 0)
		return -1;
	for (i = 0; i < sizeof load_tables / sizeof load_tables[0]; i++) {
		snprintf(sql, sizeof sql, "CREATE TEMP VIEW %s AS SELECT * FROM"
		    " main.%s WHERE load_id IN (SELECT id FROM temp.loads)",
		    load_tables[i], load_tables[i]);
		if (db_exec(db, sql, err) != 0)
			return -1;
	}
	/* the per-model summary of the window's loads alone */
	if (db_exec(db, "CREATE TEMP TABLE model_summary AS SELECT * FROM"
	    " main.model_summary WHERE 0", err) != 0)
		return -1;
	return analyze_model_summary(db, err);
}

/* every output replaced whole (outfile.c) */
static int
write_file(const char *path, const struct buf *b, struct olr_err *err)
{
	return outfile_write(path, b->data, b->len, err);
}

/*
 * The workbook on a thread of its own, started before the report model
 * is made, while the model, the charts, report.md and the page are made:
 * its own read-only connection to the database (with the window's
 * views), no progress lines. It writes the sheets that do not show the
 * model first, then waits for the model (model_wait), which it shares
 * read only.
 */
struct xlsx_job {
	const char          *db_path;
	struct render_opts   o;
	const struct report *rep;
	const char          *path;
	struct olr_err       err;
	int                  rc;
	pthread_mutex_t      lock;
	pthread_cond_t       made;
	int                  state;     /* 0 being made, 1 made, -1 failed */
};

/* The report model once made, or NULL when it could not be. */
static const struct report *
model_wait(void *arg)
{
	struct xlsx_job *j = arg;
	int state;

	pthread_mutex_lock(&j->lock);
	while (j->state == 0)
		pthread_cond_wait(&j->made, &j->lock);
	state = j->state;
	pthread_mutex_unlock(&j->lock);
	return state > 0 ? j->rep : NULL;
}

/* Tell the workbook's thread the model is made (ok) or will not be. */
static void
model_done(struct xlsx_job *j, int ok)
{
	pthread_mutex_lock(&j->lock);
	if (j->state == 0) {
		j->state = ok ? 1 : -1;
		pthread_cond_broadcast(&j->made);
	}
	pthread_mutex_unlock(&j->lock);
}

static void *
xlsx_thread(void *arg)
{
	struct xlsx_job *j = arg;
	sqlite3 *db2 = NULL;

	j->rc = -1;
	if (sqlite3_open_v2(j->db_path, &db2, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		olr_err_set(&j->err, OLR_E_DB, j->db_path, 0,
		    "cannot open database: %s", db2 ? sqlite3_errmsg(db2) :
		    "out of memory");
		sqlite3_close(db2);
		return NULL;
	}
	sqlite3_busy_timeout(db2, 5000);
	if (db_exec(db2, "PRAGMA cache_size = -2048; PRAGMA temp_store = FILE",
	    &j->err) == 0 && render_apply_window(db2, &j->o, &j->err) == 0)
		j->rc = xlsx_render_waiting(db2, &j->o, model_wait, j, j->path,
		    &j->err);
	sqlite3_close(db2);
	return NULL;
}

int
render_all(sqlite3 *db, const struct render_opts *o, int mask,
    const char *dir, struct buf *notes, struct olr_err *err)
{
	const struct chart_info *charts = chart_list();
	struct buf path = BUF_INIT, png = BUF_INIT, xpath = BUF_INIT;
	struct chart_out drawn[CHART_COUNT];
	struct report rep;
	struct xlsx_job job;
	pthread_t tid;
	const char *db_path;
	sqlite3_stmt *st;
	int have_rep = 0, cache = -2048, cache_set = 0, threaded = 0;
	int i, rc = -1;

	memset(drawn, 0, sizeof drawn);
	/* SQLite's sorts keep up to the page cache's size of rows in memory
	 * before they spill to a temporary file: a 2 MB cache while the
	 * renders run keeps a sort of every alert or request small (peak
	 * RSS), and costs no time (their reads are mostly in order) */
	if (db_prepare(db, "PRAGMA cache_size", &st, err) != 0)
		goto out;
	cache = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) :
	    -2048;
	sqlite3_finalize(st);
	if (db_exec(db, "PRAGMA cache_size = -2048", err) != 0)
		goto out;
	cache_set = 1;

	/* the workbook, beside the others when there are others and a file
	 * to open: started first, the longest */
	if (mask & RENDER_XLSX) {
		buf_reset(&xpath);
		buf_printf(&xpath, "%s/report.xlsx", dir);
		db_path = sqlite3_db_filename(db, "main");
		if ((mask & (RENDER_MD | RENDER_HTML | RENDER_PNG)) &&
		    db_path != NULL && *db_path) {
			olr_progress(o->progress, "reports", "report.xlsx");
			memset(&job, 0, sizeof job);
			job.db_path = db_path;
			job.o = *o;
			job.o.progress = NULL;
			job.rep = &rep;
			job.path = xpath.data;
			olr_err_clear(&job.err);
			if (pthread_mutex_init(&job.lock, NULL) == 0) {
				if (pthread_cond_init(&job.made, NULL) == 0) {
					threaded = pthread_create(&tid, NULL,
					    xlsx_thread, &job) == 0;
					if (!threaded)
						pthread_cond_destroy(&job.made);
				}
				if (!threaded)
					pthread_mutex_destroy(&job.lock);
			}
		}
	}
	/* the report model, computed once for the writers that show it */
	if (mask & (RENDER_MD | RENDER_HTML | RENDER_XLSX)) {
		olr_progress(o->progress, "reports", "report model");
		if (report_build(db, o, &rep, err) != 0)
			goto out;
		have_rep = 1;
	}
	if (threaded)
		model_done(&job, 1);
	else if (mask & RENDER_XLSX) {
		olr_progress(o->progress, "reports", "report.xlsx");
		if (xlsx_render(db, o, &rep, xpath.data, err) != 0)
			goto out;
	}
	/* the charts, drawn once for the PNG files and the HTML page */
	if ((mask & (RENDER_PNG | RENDER_HTML)) &&
	    chart_render_all(db, o, (mask & RENDER_HTML) != 0, drawn,
	    err) != 0)
		goto out;
	if (mask & RENDER_PNG) {
		buf_printf(&path, "%s/charts", dir);
		if (mkdir(path.data, 0777) != 0 && errno != EEXIST) {
			olr_err_set(err, OLR_E_IO, path.data, 0,
			    "cannot create directory: %s", strerror(errno));
			goto out;
		}
		for (i = 0; i < CHART_COUNT; i++) {
			buf_reset(&path);
			buf_printf(&path, "%s/charts/%s.png", dir, charts[i].stem);
			if (!drawn[i].drawn) {
				remove(path.data);
				buf_printf(notes, "charts/%s.png: left out: %s\n",
				    charts[i].stem, drawn[i].why);
				continue;
			}
			if (write_file(path.data, &drawn[i].png, err) != 0)
				goto out;
		}
	}
	if (mask & RENDER_MD) {
		buf_reset(&path);
		buf_printf(&path, "%s/report.md", dir);
		olr_progress(o->progress, "reports", "report.md");
		buf_reset(&png);
		md_render(&rep, o, &png);
		if (write_file(path.data, &png, err) != 0)
			goto out;
	}
	if (mask & RENDER_HTML) {
		buf_reset(&path);
		buf_printf(&path, "%s/index.html", dir);
		olr_progress(o->progress, "reports", "index.html");
		if (html_render(db, o, &rep, drawn, path.data, err) != 0)
			goto out;
	}
	rc = 0;
out:
	if (threaded) {
		model_done(&job, 0);	/* when it failed: no wait for it */
		pthread_join(tid, NULL);
		pthread_cond_destroy(&job.made);
		pthread_mutex_destroy(&job.lock);
		if (job.rc != 0 && rc == 0) {
			*err = job.err;
			rc = -1;
		}
	}
	if (cache_set) {
		char pragma[64];

		snprintf(pragma, sizeof pragma, "PRAGMA cache_size = %d", cache);
		sqlite3_exec(db, pragma, NULL, NULL, NULL);
	}
	if (have_rep)
		report_free(&rep);
	chart_out_free(drawn);
	buf_free(&path);
	buf_free(&xpath);
	buf_free(&png);
	return rc;
}

/*
 * chart.c - PNG charts drawn with cairo from the database.
 *
 * Every chart goes through two steps. A loader (chart_load_*) queries the
 * database and fills a struct chart_data: series (name, colour, style),
 * points, row labels and axis kinds. chart_layout() then chooses the axis
 * ranges and tick values from the data. Both chart_series() (text for the
 * tests) and chart_render() (PNG) start from the same filled struct, so
 * the text is exactly what is drawn.
 *
 * Two plot shapes cover the eight charts: an x/y plot (time or log scale
 * on x, a value on y; lines, dashed lines or markers), and a row plot (one
 * category per row on y, labelled at the left; bars, ranges or markers
 * along x). Times are UTC seconds since the epoch; sizes are bytes, shown
 * in GiB or MiB. Large inputs are capped: rows keep the latest (or
 * busiest) entries, long series are thinned, and a note says so.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "chart.h"

#include <cairo.h>
#include <cairo-svg.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capacity.h"
#include "analyze.h"
#include "db.h"
#include "names.h"
#include "units.h"
#include "xmalloc.h"

static const struct chart_info charts[CHART_COUNT] = {
	{ CHART_LOAD_TIMES, "load-times", "Load time of every load" },
	{ CHART_LOAD_TIME_DIST, "load-time-by-model", "Load time by model" },
	{ CHART_VRAM, "vram", "VRAM used and total, per GPU" },
	{ CHART_SYSMEM, "system-memory", "System memory used and total" },
	{ CHART_LAYERS, "layer-placement", "Layer placement per load" },
	{ CHART_EST_ACTUAL, "estimate-vs-actual", "Estimate vs actual memory" },
	{ CHART_BPW_PARAMS, "bpw-vs-params", "Bits per weight against parameters" },
	{ CHART_TIMELINE, "failures-timeline", "Failures and VRAM timeouts" },
	{ CHART_RESIDENCY, "residency", "Which model was resident on which GPU" },
};

#define CHART_W         1000
#define CHART_H         500
#define CHART_MAXSER    16     /* series kept; more are folded or dropped */
#define CHART_MAXROWS   60     /* rows of a row plot */
#define CHART_MAXPTS    4000   /* points of one series before thinning */
#define CHART_MAXTICKS  64
#define CHART_MAXSEG    8      /* pieces of a time axis cut at long gaps */
#define CHART_MAXLABELS 80     /* point labels drawn (bpw chart) */
#define GIB             1073741824.0
#define MIB             1048576.0

/* Okabe-Ito, plus grey for "CPU" and "total"-like neutral series. */
static const double palette[][3] = {
	{ 0x00 / 255.0, 0x72 / 255.0, 0xB2 / 255.0 },  /* blue */
	{ 0xE6 / 255.0, 0x9F / 255.0, 0x00 / 255.0 },  /* orange */
	{ 0x00 / 255.0, 0x9E / 255.0, 0x73 / 255.0 },  /* bluish green */
	{ 0xD5 / 255.0, 0x5E / 255.0, 0x00 / 255.0 },  /* vermillion */
	{ 0xCC / 255.0, 0x79 / 255.0, 0xA7 / 255.0 },  /* reddish purple */
	{ 0x56 / 255.0, 0xB4 / 255.0, 0xE9 / 255.0 },  /* sky blue */
	{ 0xF0 / 255.0, 0xE4 / 255.0, 0x42 / 255.0 },  /* yellow */
	{ 0x00 / 255.0, 0x00 / 255.0, 0x00 / 255.0 },  /* black */
	{ 0x99 / 255.0, 0x99 / 255.0, 0x99 / 255.0 },  /* grey */
};
#define COL_BLUE    0
#define COL_ORANGE  1
#define COL_GREEN   2
#define COL_VERM    3
#define COL_PURPLE  4
#define COL_SKY     5
#define COL_YELLOW  6
#define COL_BLACK   7
#define COL_GREY    8
#define NCOLOURS    8   /* cycled for per-GPU / per-device series */

enum chart_axis {
	AX_TIME,      /* UTC seconds since the epoch */
	AX_BYTES,     /* bytes, shown in GiB or MiB */
	AX_SECONDS,   /* durations */
	AX_COUNT,     /* layers */
	AX_LOG,       /* log10 scale (parameters in billions, seconds) */
	AX_NUMBER,    /* bits per weight */
	AX_ROWS       /* one category per row (y only) */
};

enum chart_style {
	ST_POINT,     /* filled circle */
	ST_LINE,      /* solid line through points (brk starts a new run) */
	ST_DASH,      /* dashed line */
	ST_AXISMARK,  /* triangle sitting on the x axis (no y value) */
	ST_BAR,       /* bar from x to x2 in the row's slot */
	ST_RANGE,     /* thin line from x to x2 */
	ST_TICK,      /* short vertical bar at x */
	ST_DIAMOND    /* diamond at x */
};

struct chart_series_def {
	char             name[96];
	int              colour;
	enum chart_style style;
	int              legend;   /* 1 = shown in the legend */
};

struct chart_point {
	int     s;          /* series index */
	int     row;        /* row index (row plots), else -1 */
	int     slot;       /* row plots: 0 = whole row, 1 = upper, 2 = lower */
	int     brk;        /* lines: 1 = do not join to the previous point */
	double  x, x2, y;
	char    label[64];  /* text drawn next to the point, or "" */
};

struct chart_axis_def {
	enum chart_axis kind;
	char    label[80];     /* "Load time (s)" */
	double  min, max;      /* in data units (log axis: their log10) */
	double  scale;         /* divisor for tick labels (GIB, MIB, 1) */
	int     nticks;
	double  ticks[CHART_MAXTICKS];
	char    tick_text[CHART_MAXTICKS][32];
	/* time axis: pieces [seg_t0, seg_t1] drawn over the fractions
	 * [seg_f0, seg_f1] of the plot width; long gaps between are cut */
	int     nseg;
	double  seg_t0[CHART_MAXSEG], seg_t1[CHART_MAXSEG];
	double  seg_f0[CHART_MAXSEG], seg_f1[CHART_MAXSEG];
};

struct chart_data {
	enum chart_id          id;
	const char            *header;     /* header line of the series text */
	char                   why[200];   /* why there is nothing to draw */
	char                   note[200];  /* subtitle: caps applied, basis */
	struct chart_series_def ser[CHART_MAXSER];
	int                    nser;
	struct chart_point    *pt;
	size_t                 npt, cap;
	char                 **rows;       /* row labels, nrows entries */
	int                    nrows;
	struct chart_axis_def  x, y;
	int                    height;
	int                    legend_styles; /* legend: solid = used,
	                                       * dashed = total, then one
	                                       * colour per series */
};

/* ---- helpers ---------------------------------------------------------- */

static void
chart_data_free(struct chart_data *d)
{
	int i;

	free(d->pt);
	for (i = 0; i < d->nrows; i++)
		free(d->rows[i]);
	free(d->rows);
	memset(d, 0, sizeof *d);
}

static int
chart_add_series(struct chart_data *d, const char *name, int colour,
    enum chart_style style, int legend)
{
	struct chart_series_def *s;

	if (d->nser >= CHART_MAXSER)
		return -1;
	s = &d->ser[d->nser];
	snprintf(s->name, sizeof s->name, "%s", name);
	s->colour = colour;
	s->style = style;
	s->legend = legend;
	return d->nser++;
}

static struct chart_point *
chart_add_point(struct chart_data *d, int s, double x, double y)
{
	struct chart_point *p;

	if (d->npt == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->pt = xreallocarray(d->pt, d->cap, sizeof *d->pt);
	}
	p = &d->pt[d->npt++];
	memset(p, 0, sizeof *p);
	p->s = s;
	p->row = -1;
	p->x = x;
	p->x2 = x;
	p->y = y;
	return p;
}

static int
chart_add_row(struct chart_data *d, const char *label)
{
	d->rows = xreallocarray(d->rows, (size_t)d->nrows + 1,
	    sizeof *d->rows);
	d->rows[d->nrows] = xstrdup(label);
	return d->nrows++;
}

/* UTC ISO text to seconds since the epoch; 0 when parsed, -1 if not. */
static int
chart_time(const unsigned char *s, double *out)
{
	struct olr_time t;

	if (s == NULL || units_parse_time((const char *)s,
	    strlen((const char *)s), &t) != 0)
		return -1;
	*out = (double)t.epoch_ms / 1000.0;
	return 0;
}

static const char *
chart_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : "";
}

/* A model's label: its name, else the digest shortened, else the path. */
static void
chart_model_label(const char *name, const char *model, char *out,
    size_t size)
{
	const char *base;

	if (name != NULL && *name != '\0') {
		snprintf(out, size, "%s", name);
		return;
	}
	base = strrchr(model, '/');
	base = base ? base + 1 : model;
	if (strncmp(base, "sha256-", 7) == 0 && strlen(base) > 19)
		snprintf(out, size, "%.19s", base);
	else if (*base != '\0')
		snprintf(out, size, "%s", base);
	else
		snprintf(out, size, "(unknown model)");
}

/* "2025-10-27 18:14" from seconds. */
static void
chart_minute_text(double t, char *out, size_t size)
{
	char iso[32];

	units_format_utc((int64_t)llround(t * 1000.0), iso, sizeof iso);
	snprintf(out, size, "%.10s %.5s", iso, iso + 11);
}

/* ---- loaders ---------------------------------------------------------- */

/* Count the rows of a query returning one integer. */
static int
chart_count(sqlite3 *db, const char *sql, int *out, struct olr_err *err)
{
	sqlite3_stmt *st = NULL;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	*out = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return 0;
}

/*
 * Load times run from a second to minutes: when the largest is 30 times
 * the smallest or more, a linear axis squeezes most loads against zero,
 * so the axis (x, or y when on_y) becomes log10. Every value must be above
 * zero; marks that sit on the x axis (no value) do not count.
 */
static void
chart_log_if_wide(struct chart_data *d, int on_y, const char *label)
{
	struct chart_axis_def *a = on_y ? &d->y : &d->x;
	double lo = 0, hi = 0, v, v2;
	size_t i;
	int first = 1;

	for (i = 0; i < d->npt; i++) {
		if (d->ser[d->pt[i].s].style == ST_AXISMARK)
			continue;
		v = on_y ? d->pt[i].y : d->pt[i].x;
		v2 = on_y ? v : d->pt[i].x2;
		if (v <= 0)
			return;
		if (first || v < lo)
			lo = v;
		if (first || v > hi)
			hi = v;
		if (v2 > hi)
			hi = v2;
		first = 0;
	}
	if (first || hi < 30 * lo)
		return;
	a->kind = AX_LOG;
	snprintf(a->label, sizeof a->label, "%s", label);
}

static int
chart_load_times(sqlite3 *db, struct chart_data *d, struct olr_err *err)
{
	sqlite3_stmt *st = NULL;
	int s_ok, s_fail, s_inc, rc, n_ok = 0;
	double t;
	char label[64];

	d->header = "series\tstarted_at\tload_seconds\tmodel";
	d->x.kind = AX_TIME;
	d->y.kind = AX_SECONDS;
	snprintf(d->y.label, sizeof d->y.label, "Load time (s)");
	s_ok = chart_add_series(d, "ok", COL_BLUE, ST_POINT, 1);
	s_fail = chart_add_series(d, "failed (no time)", COL_VERM,
	    ST_AXISMARK, 1);
	s_inc = chart_add_series(d, "incomplete (no time)", COL_ORANGE,
	    ST_AXISMARK, 1);
	if (db_prepare(db, "SELECT started_at, outcome, load_seconds, "
	    "name, model FROM loads WHERE started_at IS NOT NULL "
	    "ORDER BY started_at, id", &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *outcome = chart_col_text(st, 1);
		struct chart_point *p;

		if (chart_time(sqlite3_column_text(st, 0), &t) != 0)
			continue;
		chart_model_label(chart_col_text(st, 3), chart_col_text(st, 4),
		    label, sizeof label);
		if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
			/* a time was reported: plot it whatever the outcome */
			p = chart_add_point(d, s_ok, t,
			    sqlite3_column_double(st, 2));
			n_ok++;
		} else if (strcmp(outcome, "ok") != 0) {
			p = chart_add_point(d, strcmp(outcome, "failed") == 0 ?
			    s_fail : s_inc, t, 0);
		} else
			continue;
		snprintf(p->label, sizeof p->label, "%s", label);
	}
	if (rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return db_fail(db, err, "load times");
	}
	sqlite3_finalize(st);
	chart_log_if_wide(d, 1, "Load time (s, log scale)");
	if (n_ok == 0)
		snprintf(d->why, sizeof d->why,
		    "no load reported its load time");
	return 0;
}

static int
chart_load_dist(sqlite3 *db, struct chart_data *d, struct olr_err *err)
{
	sqlite3_stmt *st = NULL, *pts = NULL;
	int s_pt, s_rng, s_med, s_p95, rc, nmodels = 0, row;
	double *v = NULL;
	size_t n, cap = 0;
	char label[64];

	d->header = "series\tmodel\tload_seconds\tload_seconds_to";
	d->x.kind = AX_SECONDS;
	d->y.kind = AX_ROWS;
	snprintf(d->x.label, sizeof d->x.label, "Load time (s)");
	s_rng = chart_add_series(d, "min to max", COL_GREY, ST_RANGE, 1);
	s_pt = chart_add_series(d, "load", COL_BLUE, ST_POINT, 1);
	s_med = chart_add_series(d, "median", COL_BLACK, ST_TICK, 1);
	s_p95 = chart_add_series(d, "p95", COL_VERM, ST_DIAMOND, 1);
	if (chart_count(db, "SELECT COUNT(DISTINCT model) FROM loads WHERE"
	    " load_seconds IS NOT NULL", &nmodels, err) != 0)
		return -1;
	if (nmodels > CHART_MAXROWS)
		snprintf(d->note, sizeof d->note,
		    "the %d models with most timed loads, of %d",
		    CHART_MAXROWS, nmodels);
	/* Busiest models first, then the label order. */
	if (db_prepare(db, "SELECT m.model, m.nm, m.n FROM (SELECT model,"
	    " MAX(name) AS nm, COUNT(*) AS n FROM loads WHERE load_seconds"
	    " IS NOT NULL GROUP BY model) m ORDER BY m.n DESC, m.nm, m.model"
	    " LIMIT 60", &st, err) != 0)
		goto fail;
	if (db_prepare(db, "SELECT load_seconds FROM loads WHERE model IS ? "
	    "AND load_seconds IS NOT NULL ORDER BY load_seconds", &pts,
	    err) != 0)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t i;

		chart_model_label(chart_col_text(st, 1), chart_col_text(st, 0),
		    label, sizeof label);
		row = chart_add_row(d, label);
		sqlite3_reset(pts);
		sqlite3_bind_text(pts, 1, chart_col_text(st, 0), -1,
		    SQLITE_TRANSIENT);
		n = 0;
		while (sqlite3_step(pts) == SQLITE_ROW) {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				v = xreallocarray(v, cap, sizeof *v);
			}
			v[n++] = sqlite3_column_double(pts, 0);
		}
		if (n == 0)
			continue;
		qsort(v, n, sizeof *v, analyze_cmp_double);
		chart_add_point(d, s_rng, v[0], row)->x2 = v[n - 1];
		for (i = 0; i < n; i++) {
			/* Thin a huge row to an even sample of its values. */
			if (n > CHART_MAXPTS / 10 &&
			    i % (n / (CHART_MAXPTS / 10) + 1) != 0)
				continue;
			chart_add_point(d, s_pt, v[i], row);
		}
		chart_add_point(d, s_med, analyze_percentile(v, n, 50), row);
		chart_add_point(d, s_p95, analyze_percentile(v, n, 95), row);
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, err, "load time by model");
		goto fail;
	}
	for (n = 0; n < d->npt; n++)
		d->pt[n].row = (int)d->pt[n].y;
	chart_log_if_wide(d, 0, "Load time (s, log scale)");
	sqlite3_finalize(st);
	sqlite3_finalize(pts);
	free(v);
	if (d->nrows == 0)
		snprintf(d->why, sizeof d->why,
		    "no load reported its load time");
	return 0;
fail:
	sqlite3_finalize(st);
	sqlite3_finalize(pts);
	free(v);
	return -1;
}

/* Series index for key, added with name when new; -1 when full. */
/* The series of key, or -1. */
static int
chart_series_index(const struct chart_data *d, char keys[][96],
    const char *key)
{
	int i;

	for (i = 0; i < d->nser; i++)
		if (strcmp(keys[i], key) == 0)
			return i;
	return -1;
}

static int
chart_series_for(struct chart_data *d, char keys[][96], const char *key,
    const char *name, enum chart_style style, int *dropped)
{
	int i;

	for (i = 0; i < d->nser; i++)
		if (strcmp(keys[i], key) == 0)
			return i;
	if (d->nser >= CHART_MAXSER) {
		(*dropped)++;
		return -1;
	}
	snprintf(keys[d->nser], 96, "%s", key);
	return chart_add_series(d, name, 0, style, 1);
}

/*
 * VRAM: used = total - free (or available), per GPU (source + gpu_id).
 * A reading without a total takes it from the gpus inventory of the same
 * source and GPU. The inventory rows themselves are readings too; a "cpu"
 * line is system memory, not a GPU.
 */
static int
chart_load_vram(sqlite3 *db, struct chart_data *d, struct olr_err *err)
{
	static const char *sql =
	    "WITH r AS ("
	    " SELECT g.source_id, g.gpu_id, g.ts, g.total_bytes AS total,"
	    "  g.available_bytes AS free, g.id AS ord FROM gpus g"
	    " WHERE g.ts IS NOT NULL AND coalesce(lower(g.library), '') <>"
	    " 'cpu'"
	    " UNION ALL"
	    " SELECT v.source_id, v.gpu_id, v.ts,"
	    "  COALESCE(v.total_bytes, (SELECT g.total_bytes FROM gpus g"
	    "   WHERE g.source_id = v.source_id AND g.gpu_id IS v.gpu_id"
	    "   AND g.total_bytes IS NOT NULL AND g.ts <= v.ts"
	    "   ORDER BY g.ts DESC LIMIT 1),"
	    "  (SELECT g.total_bytes FROM gpus g"
	    "   WHERE g.source_id = v.source_id AND g.gpu_id IS v.gpu_id"
	    "   AND g.total_bytes IS NOT NULL ORDER BY g.ts LIMIT 1),"
	    "  (SELECT MAX(g.total_bytes) FROM gpus g"
	    "   WHERE g.source_id = v.source_id"
	    "   HAVING COUNT(DISTINCT g.gpu_id) = 1)),"
	    "  COALESCE(v.free_bytes, v.available_bytes), v.id FROM"
	    " vram_updates v WHERE v.ts IS NOT NULL AND"
	    " coalesce(lower(v.library), '') <> 'cpu'),"
	    /* readings per source and GPU: one pass (was a count per row) */
	    " rn AS (SELECT r.*, COUNT(*) OVER (PARTITION BY r.source_id,"
	    "  r.gpu_id) AS n FROM r)"
	    " SELECT r.source_id, COALESCE(r.gpu_id, ''), r.ts, r.total,"
	    "  r.free, (SELECT COALESCE(NULLIF(g.description, ''), g.name)"
	    "   FROM gpus g WHERE g.source_id = r.source_id"
	    "   AND g.gpu_id IS r.gpu_id LIMIT 1), r.n,"
	    "  (SELECT coalesce(nullif(s.host, ''), s.path) FROM main.sources s"
	    "   WHERE s.id = r.source_id),"
	    /* the GPU's one name (names.c) */
	    "  (SELECT n.label FROM gpu_names n WHERE n.source_id ="
	    "   r.source_id AND n.gpu_id = COALESCE(r.gpu_id, ''))"
	    " FROM rn r WHERE r.total IS NOT NULL AND r.free IS NOT NULL"
	    " ORDER BY r.n DESC, r.source_id, r.gpu_id, r.ts, r.ord";
	sqlite3_stmt *st = NULL;
	char keys[CHART_MAXSER][96], key[96], prev[96] = "", name[96];
	int rc, dropped = 0, su, stot, ngpu = 0, several = 0;
	double t, total, freeb;

	d->header = "series\tts\tbytes";
	d->x.kind = AX_TIME;
	d->y.kind = AX_BYTES;
	snprintf(d->y.label, sizeof d->y.label, "VRAM");
	d->legend_styles = 1;
	if (names_several_hosts(db, &several, err) != 0 ||
	    db_prepare(db, sql, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *gid = chart_col_text(st, 1);
		const char *gname = chart_col_text(st, 5);
		const char *who = chart_col_text(st, 7);
		char idx[16] = "", whos[32], hname[128];
		struct chart_point *p;

		if (chart_time(sqlite3_column_text(st, 2), &t) != 0)
			continue;
		snprintf(key, sizeof key, "%d/%.80s", sqlite3_column_int(st, 0),
		    gid);
		if (strcmp(key, prev) != 0) {
			snprintf(prev, sizeof prev, "%s", key);
			ngpu++;
		}
		/* one name per GPU: "host: RTX 3090 #1" (names.c); a GPU
		 * not in the inventory by the start of its id */
		if (sqlite3_column_type(st, 8) != SQLITE_NULL)
			snprintf(name, sizeof name, "%s used",
			    chart_col_text(st, 8));
		else {
			if (*gid)
				snprintf(idx, sizeof idx, " %.8s",
				    strncmp(gid, "GPU-", 4) == 0 ? gid + 4 :
				    gid);
			names_host(who, hname, sizeof hname);
			names_host_short(hname, whos, sizeof whos);
			snprintf(name, sizeof name, "%s%s%.28s%s used",
			    several ? whos : "", several ? ": " : "",
			    names_gpu_model(gname), idx);
		}
		su = chart_series_for(d, keys, key, name, ST_LINE, &dropped);
		if (su < 0)
			continue;
		snprintf(key + strlen(key), sizeof key - strlen(key), "/t");
		snprintf(name + strlen(name) - 4, 6, "total");
		stot = chart_series_for(d, keys, key, name, ST_DASH, &dropped);
		if (stot < 0) {
			d->nser--;  /* keep used and total together */
			continue;
		}
		d->ser[stot].legend = 0;
		d->ser[su].colour = d->ser[stot].colour =
		    (su / 2) % NCOLOURS;
		total = sqlite3_column_double(st, 3);
		freeb = sqlite3_column_double(st, 4);
		p = chart_add_point(d, su, t, total - freeb < 0 ? 0 :
		    total - freeb);
		(void)p;
		chart_add_point(d, stot, t, total);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "vram");
	if (d->npt == 0)
		snprintf(d->why, sizeof d->why,
		    "no GPU memory reading with a total and a free figure");
	else if (ngpu > CHART_MAXSER / 2)
		snprintf(d->note, sizeof d->note,
		    "the %d GPUs with most readings, of %d", CHART_MAXSER / 2,
		    ngpu);
	return 0;
}

static int
chart_load_sysmem(sqlite3 *db, struct chart_data *d, struct olr_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc, su, stot, prev_src = -1;
	double t;

	d->header = "series\tts\tbytes";
	d->x.kind = AX_TIME;
	d->y.kind = AX_BYTES;
	snprintf(d->y.label, sizeof d->y.label, "System memory");
	d->legend_styles = 1;
	su = chart_add_series(d, "used", COL_BLUE, ST_LINE, 0);
	stot = chart_add_series(d, "total", COL_BLUE, ST_DASH, 0);
	if (db_prepare(db, "SELECT source_id, ts, total_bytes, free_bytes "
	    "FROM system_memory WHERE ts IS NOT NULL AND total_bytes IS NOT "
	    "NULL AND free_bytes IS NOT NULL ORDER BY source_id, ts, id",
	    &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		double total = sqlite3_column_double(st, 2);
		double used = total - sqlite3_column_double(st, 3);
		int brk = sqlite3_column_int(st, 0) != prev_src;

		if (chart_time(sqlite3_column_text(st, 1), &t) != 0)
			continue;
		prev_src = sqlite3_column_int(st, 0);
		chart_add_point(d, su, t, used < 0 ? 0 : used)->brk = brk;
		chart_add_point(d, stot, t, total)->brk = brk;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "system memory");
	if (d->npt == 0)
		snprintf(d->why, sizeof d->why,
		    "no system memory reading with a total and a free figure");
	return 0;
}

static int
chart_is_cpu(const char *dev)
{
	return strncmp(dev, "CPU", 3) == 0;
}

static int
chart_load_layers(sqlite3 *db, struct chart_data *d, struct olr_err *err)
{
	static const char *sql =
	    "SELECT l.id, l.started_at, l.name, l.model,"
	    " l.layers_offloaded, l.layers_total,"
	    " (SELECT COUNT(*) FROM load_devices ld WHERE ld.load_id = l.id"
	    "  AND ld.layers > 0) FROM loads l"
	    " WHERE l.id IN (SELECT id FROM loads WHERE EXISTS (SELECT 1 FROM"
	    "  load_devices ld WHERE ld.load_id = loads.id AND ld.layers > 0)"
	    "  OR layers_total > 0 ORDER BY started_at DESC, id DESC LIMIT 60)"
	    " ORDER BY l.started_at, l.id";
	sqlite3_stmt *st = NULL, *dev = NULL;
	char keys[CHART_MAXSER][96], label[128], model[64], when[32];
	int rc, dropped = 0, total = 0, s, row, ncol = 0, named = 0;
	double x;

	d->header = "series\tload\tlayers_from\tlayers_to";
	d->x.kind = AX_COUNT;
	d->y.kind = AX_ROWS;
	snprintf(d->x.label, sizeof d->x.label, "Layers");
	if (chart_count(db, "SELECT COUNT(*) FROM loads WHERE EXISTS (SELECT "
	    "1 FROM load_devices ld WHERE ld.load_id = loads.id AND "
	    "ld.layers > 0) OR layers_total > 0", &total, err) != 0)
		return -1;
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	/* GPU devices first (by name), CPU-like devices folded into "CPU";
	 * a GPU is named as everywhere else (load_devices.name, names.c) */
	if (db_prepare(db, "SELECT device, layers, coalesce(name, device)"
	    " FROM load_devices WHERE load_id = ? AND layers > 0 ORDER BY"
	    " device LIKE 'CPU%', device", &dev, err) != 0) {
		sqlite3_finalize(st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		double t;

		chart_model_label(chart_col_text(st, 2), chart_col_text(st, 3),
		    model, sizeof model);
		if (chart_time(sqlite3_column_text(st, 1), &t) == 0) {
			chart_minute_text(t, when, sizeof when);
			snprintf(label, sizeof label, "%s  %s", model, when);
		} else
			snprintf(label, sizeof label, "%s", model);
		if (sqlite3_column_int(st, 6) == 0 &&
		    sqlite3_column_int(st, 5) <= 0)
			continue;
		row = chart_add_row(d, label);
		x = 0;
		if (sqlite3_column_int(st, 6) > 0) {
			sqlite3_reset(dev);
			sqlite3_bind_int64(dev, 1, sqlite3_column_int64(st, 0));
			while (sqlite3_step(dev) == SQLITE_ROW) {
				const char *name = chart_col_text(dev, 2);
				double n = sqlite3_column_double(dev, 1);

				if (chart_is_cpu(chart_col_text(dev, 0)))
					name = "CPU";
				/* more GPUs than colours: the rest in one */
				else if (chart_series_index(d, keys, name) < 0) {
					if (named >= NCOLOURS - 2)
						name = "other GPUs";
					else
						named++;
				}
				s = chart_series_for(d, keys, name, name,
				    ST_BAR, &dropped);
				if (s < 0)
					continue;
				chart_add_point(d, s, x, row)->x2 = x + n;
				x += n;
			}
		} else {
			double off = sqlite3_column_double(st, 4);
			double all = sqlite3_column_double(st, 5);

			if (sqlite3_column_type(st, 4) != SQLITE_NULL &&
			    off > 0) {
				s = chart_series_for(d, keys, "GPU",
				    "GPU (all devices)", ST_BAR, &dropped);
				if (s >= 0) {
					chart_add_point(d, s, 0, row)->x2 = off;
					x = off;
				}
			}
			if (all > x) {
				s = chart_series_for(d, keys, "CPU", "CPU",
				    ST_BAR, &dropped);
				if (s >= 0)
					chart_add_point(d, s, x, row)->x2 = all;
			}
		}
	}
	sqlite3_finalize(st);
	sqlite3_finalize(dev);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "layer placement");
	/* a colour per named GPU; the last two of the palette are the GPUs
	 * folded together and a load's GPU layers logged without devices */
	for (s = 0; s < d->nser; s++)
		d->ser[s].colour = strcmp(d->ser[s].name, "CPU") == 0 ?
		    COL_GREY : strcmp(d->ser[s].name, "other GPUs") == 0 ?
		    NCOLOURS - 2 : strcmp(d->ser[s].name, "GPU (all devices)")
		    == 0 ? NCOLOURS - 1 : ncol++ % (NCOLOURS - 2);
	for (x = 0; x < (double)d->npt; x++)
		d->pt[(size_t)x].row = (int)d->pt[(size_t)x].y;
	if (d->npt == 0)
		snprintf(d->why, sizeof d->why,
		    "no load reported how its layers were placed");
	else if (total > CHART_MAXROWS)
		snprintf(d->note, sizeof d->note, "the latest %d of %d loads",
		    CHART_MAXROWS, total);
	return 0;
}

/*
 * Estimate vs actual: per load, the estimate (upper bar) against the
 * allocations stacked weights / KV / compute (lower bar). The allocations
 * are counted on the same devices as estimate_vs_actual compares: the GPUs
 * when its total row says so, else every device.
 */
static int
chart_load_est(sqlite3 *db, struct chart_data *d, struct olr_err *err)
{
	static const char *sql =
	    "SELECT l.id, l.started_at, l.name, l.model,"
	    " l.est_total_bytes, e.basis LIKE '%on the GPUs%',"
	    " l.actual_weights_bytes, l.actual_kv_bytes, l.actual_compute_bytes,"
	    " g.w, g.k, g.c, g.n"
	    " FROM loads l LEFT JOIN estimate_vs_actual e"
	    "  ON e.load_id = l.id AND e.device = 'total'"
	    " LEFT JOIN (SELECT load_id, SUM(weights_bytes) AS w,"
	    "  SUM(kv_bytes) AS k, SUM(compute_bytes) AS c, COUNT(*) AS n"
	    "  FROM load_devices WHERE device NOT LIKE 'CPU%'"
	    "  AND device NOT LIKE '%\\_Host' ESCAPE '\\'"
	    "  GROUP BY load_id) g ON g.load_id = l.id"
	    " WHERE l.id IN (SELECT id FROM loads WHERE est_total_bytes > 0"
	    "  OR actual_weights_bytes > 0 OR actual_kv_bytes > 0"
	    "  OR actual_compute_bytes > 0"
	    "  ORDER BY started_at DESC, id DESC LIMIT 40)"
	    " ORDER BY l.started_at, l.id";
	sqlite3_stmt *st = NULL;
	char label[128], model[64], when[32];
	int rc, row, s_est, s_w, s_k, s_c, total = 0, gpus_only = 0, i;
	double t, x, v[3];

	d->header = "series\tload\tbytes_from\tbytes_to";
	d->x.kind = AX_BYTES;
	d->y.kind = AX_ROWS;
	snprintf(d->x.label, sizeof d->x.label, "Memory");
	s_est = chart_add_series(d, "estimate (total)", COL_GREY, ST_BAR, 1);
	s_w = chart_add_series(d, "actual: weights", COL_BLUE, ST_BAR, 1);
	s_k = chart_add_series(d, "actual: KV cache", COL_ORANGE, ST_BAR, 1);
	s_c = chart_add_series(d, "actual: compute", COL_GREEN, ST_BAR, 1);
	if (chart_count(db, "SELECT COUNT(*) FROM loads WHERE "
	    "est_total_bytes > 0 OR actual_weights_bytes > 0 OR "
	    "actual_kv_bytes > 0 OR actual_compute_bytes > 0", &total,
	    err) != 0)
		return -1;
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int on_gpus = sqlite3_column_int(st, 5) &&
		    sqlite3_column_int(st, 12) > 0;

		chart_model_label(chart_col_text(st, 2), chart_col_text(st, 3),
		    model, sizeof model);
		if (chart_time(sqlite3_column_text(st, 1), &t) == 0) {
			chart_minute_text(t, when, sizeof when);
			snprintf(label, sizeof label, "%s  %s%s", model, when,
			    on_gpus ? "" : " *");
		} else
			snprintf(label, sizeof label, "%s%s", model,
			    on_gpus ? "" : " *");
		gpus_only += on_gpus;
		row = chart_add_row(d, label);
		if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
			struct chart_point *p = chart_add_point(d, s_est, 0,
			    row);
			p->x2 = sqlite3_column_double(st, 4);
			p->slot = 1;
		}
		for (i = 0; i < 3; i++)
			v[i] = sqlite3_column_double(st, on_gpus ? 9 + i : 6 + i);
		x = 0;
		for (i = 0; i < 3; i++) {
			struct chart_point *p;

			if (v[i] <= 0)
				continue;
			p = chart_add_point(d, i == 0 ? s_w : i == 1 ? s_k : s_c,
			    x, row);
			p->x2 = x + v[i];
			p->slot = 2;
			x += v[i];
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "estimate vs actual");
	for (x = 0; x < (double)d->npt; x++)
		d->pt[(size_t)x].row = (int)d->pt[(size_t)x].y;
	if (d->nrows == 0) {
		snprintf(d->why, sizeof d->why,
		    "no load reported a memory estimate or allocation");
		return 0;
	}
	snprintf(d->note, sizeof d->note, "%s%s%s",
	    total > 40 ? "the latest 40 loads; " : "",
	    "actual counted on the GPUs",
	    gpus_only < d->nrows ? " (* = on all devices, CPU included)" : "");
	return 0;
}

static int
chart_load_bpw(sqlite3 *db, struct chart_data *d, struct olr_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc, s;
	char label[64];

	d->header = "series\tparams_billions\tbpw\tmodel";
	d->x.kind = AX_LOG;
	d->y.kind = AX_NUMBER;
	snprintf(d->x.label, sizeof d->x.label,
	    "Parameters (billions, log scale)");
	snprintf(d->y.label, sizeof d->y.label, "Bits per weight");
	s = chart_add_series(d, "model", COL_BLUE, ST_POINT, 0);
	/* one point per model, named as everywhere (model_names) */
	if (db_prepare(db, "SELECT model, name, params, bpw FROM"
	    " model_summary WHERE params > 0 AND bpw > 0 ORDER BY params,"
	    " name, model", &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct chart_point *p;

		chart_model_label(chart_col_text(st, 1), chart_col_text(st, 0),
		    label, sizeof label);
		p = chart_add_point(d, s, sqlite3_column_double(st, 2) / 1e9,
		    sqlite3_column_double(st, 3));
		snprintf(p->label, sizeof p->label, "%s", label);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "bpw vs params");
	if (d->npt == 0)
		snprintf(d->why, sizeof d->why,
		    "no model reported both its parameter count and bits "
		    "per weight");
	return 0;
}

static int
chart_load_timeline(sqlite3 *db, struct chart_data *d, struct olr_err *err)
{
	static const struct {
		const char *name;
		int         colour;
		const char *sql;
	} lanes[] = {
		{ "failed loads", COL_VERM,
		  "SELECT COALESCE(ended_at, started_at), COALESCE(name,"
		  " model) FROM loads WHERE outcome = 'failed'" },
		{ "out-of-memory alerts", COL_PURPLE,
		  "SELECT ts, message FROM alerts WHERE rule = 'oom'" },
		{ "load-failed alerts", COL_ORANGE,
		  "SELECT ts, message FROM alerts WHERE rule = 'load_failed'" },
		{ "VRAM recovery timeouts", COL_BLUE,
		  "SELECT ts, model FROM vram_timeouts" },
	};
	sqlite3_stmt *st = NULL;
	struct buf sql = BUF_INIT;
	size_t i;
	int rc, row, s;
	double t;

	d->header = "series\tts\tlane\tdetail";
	d->x.kind = AX_TIME;
	d->y.kind = AX_ROWS;
	for (i = 0; i < sizeof lanes / sizeof lanes[0]; i++) {
		buf_reset(&sql);
		buf_printf(&sql, "%s ORDER BY 1", lanes[i].sql);
		if (db_prepare(db, sql.data, &st, err) != 0) {
			buf_free(&sql);
			return -1;
		}
		row = -1;
		s = -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct chart_point *p;

			if (chart_time(sqlite3_column_text(st, 0), &t) != 0)
				continue;
			if (row < 0) {
				row = chart_add_row(d, lanes[i].name);
				s = chart_add_series(d, lanes[i].name,
				    lanes[i].colour, ST_DIAMOND, 0);
			}
			p = chart_add_point(d, s, t, row);
			p->row = row;
			snprintf(p->label, sizeof p->label, "%s",
			    chart_col_text(st, 1));
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			buf_free(&sql);
			return db_fail(db, err, "failures timeline");
		}
	}
	buf_free(&sql);
	if (d->npt == 0)
		snprintf(d->why, sizeof d->why,
		    "no failed load, out-of-memory alert or VRAM timeout");
	return 0;
}

/*
 * Residency: one lane per host and GPU (capacity.c names them as the VRAM
 * chart does), a bar per model from its load's start to what ended it
 * (next load on that GPU, server restart, end of the log), a diamond per
 * failed load. One colour per model (the busiest first); the rest share
 * grey as "other models".
 */
static int
chart_load_residency(sqlite3 *db, const struct render_opts *o,
    struct chart_data *d, struct olr_err *err)
{
	struct cap_residency r;
	char keys[CHART_MAXSER][96];
	int *row, *used, nused = 0, s_fail = -1, s_other = -1, dropped = 0;
	size_t i;
	int l;

	d->header = "series\tfrom\tlane\tto\tdetail";
	d->x.kind = AX_TIME;
	d->y.kind = AX_ROWS;
	if (capacity_residency(db, o, &r, err) != 0)
		return -1;
	row = xcalloc((size_t)r.nlanes + 1, sizeof *row);
	used = xcalloc((size_t)r.nlanes + 1, sizeof *used);
	for (i = 0; i < r.nspan; i++)
		used[r.span[i].lane] = 1;
	for (i = 0; i < r.nmark; i++)
		used[r.mark[i].lane] = 1;
	for (l = 0; l < r.nlanes; l++) {
		row[l] = -1;
		if (used[l] && nused < CHART_MAXROWS) {
			row[l] = chart_add_row(d, r.lanes[l]);
			nused++;
		} else if (used[l])
			dropped++;
	}
	if (dropped)
		snprintf(d->note, sizeof d->note, "the first %d of %d GPU lanes",
		    CHART_MAXROWS, CHART_MAXROWS + dropped);
	for (i = 0; i < r.nspan; i++) {
		const struct cap_span *sp = &r.span[i];
		struct chart_point *p;
		int s, k, full = 0;

		if (row[sp->lane] < 0)
			continue;
		for (s = -1, k = 0; k < d->nser; k++)
			if (strcmp(keys[k], sp->model) == 0)
				s = k;
		if (s < 0 && d->nser < CHART_MAXSER - 2) {
			snprintf(keys[d->nser], sizeof keys[0], "%s", sp->model);
			s = chart_add_series(d, sp->model, d->nser % NCOLOURS,
			    ST_BAR, 1);
		} else if (s < 0)
			full = 1;
		if (full) {
			if (s_other < 0) {
				snprintf(keys[d->nser], sizeof keys[0], "%s",
				    "\001other");
				s_other = chart_add_series(d, "other models",
				    COL_GREY, ST_BAR, 1);
			}
			s = s_other;
		}
		p = chart_add_point(d, s, sp->t0, row[sp->lane]);
		p->row = row[sp->lane];
		p->x2 = sp->t1;
		if (strlen(sp->model) + strlen(sp->why) + 9 < sizeof p->label)
			snprintf(p->label, sizeof p->label, "%s (until %s)",
			    sp->model, sp->why);
		else
			snprintf(p->label, sizeof p->label, "%s", sp->model);
	}
	for (i = 0; i < r.nmark; i++) {
		struct chart_point *p;

		if (row[r.mark[i].lane] < 0)
			continue;
		if (s_fail < 0) {
			snprintf(keys[d->nser], sizeof keys[0], "%s", "\001fail");
			s_fail = chart_add_series(d, "failed load", COL_VERM,
			    ST_DIAMOND, 1);
		}
		if (s_fail < 0)
			break;
		p = chart_add_point(d, s_fail, r.mark[i].t, row[r.mark[i].lane]);
		p->row = row[r.mark[i].lane];
		snprintf(p->label, sizeof p->label, "%s", r.mark[i].what);
	}
	free(row);
	free(used);
	capacity_residency_free(&r);
	if (d->npt == 0)
		snprintf(d->why, sizeof d->why,
		    "no load with a start time on a known host");
	return 0;
}

/* ---- axes ------------------------------------------------------------- */

/* A 1-2-5 step giving at most maxticks ticks over span. */
static double
chart_nice_step(double span, int maxticks)
{
	double raw, mag, f;

	if (maxticks < 1)
		maxticks = 1;
	if (span <= 0)
		span = 1;
	raw = span / maxticks;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) *
	    mag;
}

static void
chart_value_ticks(struct chart_axis_def *a, int maxticks, const char *unit)
{
	double span, step, v, lo;
	int i;

	a->scale = 1;
	if (a->kind == AX_BYTES) {
		a->scale = a->max >= 2 * GIB ? GIB : MIB;
		unit = a->scale == GIB ? "GiB" : "MiB";
	}
	if (a->min > 0 && a->kind != AX_NUMBER)
		a->min = 0;
	if (a->max <= a->min)
		a->max = a->min + (a->kind == AX_BYTES ? a->scale : 1);
	span = (a->max - a->min) / a->scale;
	step = chart_nice_step(span, maxticks);
	if (a->kind == AX_COUNT && step < 1)
		step = 1;
	lo = floor(a->min / a->scale / step) * step;
	a->min = lo * a->scale;
	a->max = ceil(a->max / a->scale / step) * step * a->scale;
	a->nticks = 0;
	for (i = 0; i < CHART_MAXTICKS; i++) {
		v = lo + i * step;
		if (v * a->scale > a->max + step * a->scale * 1e-9)
			break;
		a->ticks[a->nticks] = v * a->scale;
		snprintf(a->tick_text[a->nticks], sizeof a->tick_text[0],
		    "%g", fabs(v) < step * 1e-6 ? 0.0 : v);
		a->nticks++;
	}
	if (unit != NULL && strstr(a->label, "(") == NULL)
		snprintf(a->label + strlen(a->label),
		    sizeof a->label - strlen(a->label), " (%s)", unit);
}

/*
 * Calendar steps: a step of a month or more counts calendar months (a
 * quarter from January, April, ...), a step of a week or more starts on a
 * Monday, so that ticks fall on the dates people expect. The months of a
 * step, 0 below a month.
 */
static int
chart_step_months(double step)
{
	if (step >= 31536000)
		return 12 * (int)llround(step / 31536000);
	if (step >= 2592000)
		return (int)llround(step / 2592000);
	return 0;
}

/* The start of month m, counted from January 1970 (m >= 0). */
static double
chart_month_start(long m)
{
	return (double)units_days_from_civil(1970 + m / 12,
	    (unsigned)(m % 12 + 1), 1) * 86400;
}

/* The month t falls in, counted from January 1970 (t >= 0). */
static long
chart_month_of(double t)
{
	char iso[32];

	units_format_utc((int64_t)floor(t * 1000.0), iso, sizeof iso);
	return (atol(iso) - 1970) * 12 + atol(iso + 5) - 1;
}

/* The first tick at or after t0 for a step: see chart_step_months(). */
static double
chart_first_tick(double t0, double step)
{
	int months = chart_step_months(step);
	long m;

	if (months > 0 && t0 >= 0) {
		m = chart_month_of(t0);
		if (chart_month_start(m) < t0)
			m++;
		m = (m + months - 1) / months * months;
		return chart_month_start(m);
	}
	if (step >= 604800)             /* 1970-01-05 was a Monday */
		return ceil((t0 - 345600) / step) * step + 345600;
	return ceil(t0 / step) * step;
}

/* The tick after tt. */
static double
chart_next_tick(double tt, double step)
{
	int months = chart_step_months(step);

	if (months > 0 && tt >= 0)
		return chart_month_start(chart_month_of(tt) + months);
	return tt + step;
}

/*
 * A time axis in pieces: the sorted times are cut where a gap is longer
 * than an hour and a fiftieth of the whole span (logs from different machines
 * or months apart), keeping at most CHART_MAXSEG pieces (the shortest gaps
 * are closed first). Each piece gets half its width shared equally and half
 * in proportion to its span, and its own tick step.
 */
#define CHART_SEG_GAP_PX 16.0
static void
chart_time_ticks(struct chart_axis_def *a, double *t, size_t n, double pw)
{
	static const double steps[] = {
		1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600,
		7200, 10800, 21600, 43200, 86400, 172800, 604800, 1209600,
		2592000, 7776000, 15552000, 31536000, 63072000, 157680000
	};
	size_t i, k, cut[CHART_MAXSEG + 1];
	double span, sum = 0, avail, f, step = steps[0], lo, hi, tt, w;
	int nseg = 0, j, full, m;
	char iso[32];

	qsort(t, n, sizeof *t, analyze_cmp_double);
	span = t[n - 1] - t[0];
	/* cut[j] = index where piece j starts */
	cut[nseg++] = 0;
	for (i = 1; i < n; i++) {
		double gap = t[i] - t[i - 1];

		if (gap <= 3600 || gap <= span / 50)
			continue;
		if (nseg < CHART_MAXSEG) {
			cut[nseg++] = i;
			continue;
		}
		/* full: replace the shortest kept gap if this one is longer */
		for (m = 1, j = 2; j < nseg; j++)
			if (t[cut[j]] - t[cut[j] - 1] <
			    t[cut[m]] - t[cut[m] - 1])
				m = j;
		if (gap > t[cut[m]] - t[cut[m] - 1]) {
			for (j = m; j < nseg - 1; j++)
				cut[j] = cut[j + 1];
			cut[nseg - 1] = i;
		}
	}
	cut[nseg] = n;
	a->nseg = nseg;
	for (j = 0; j < nseg; j++) {
		lo = t[cut[j]];
		hi = t[cut[j + 1] - 1];
		w = hi - lo;
		if (w < 60) {
			lo -= (60 - w) / 2;
			hi += (60 - w) / 2;
		} else {
			lo -= w * 0.03;
			hi += w * 0.03;
		}
		a->seg_t0[j] = lo;
		a->seg_t1[j] = hi;
		sum += hi - lo;
	}
	avail = 1.0 - (nseg - 1) * CHART_SEG_GAP_PX / pw;
	f = 0;
	a->nticks = 0;
	for (j = 0; j < nseg; j++) {
		double width = avail * (0.5 / nseg +
		    0.5 * (a->seg_t1[j] - a->seg_t0[j]) / sum);
		int maxticks = (int)(width * pw / 120);

		if (maxticks < 1)
			maxticks = 1;
		a->seg_f0[j] = f;
		a->seg_f1[j] = f + width;
		f += width + CHART_SEG_GAP_PX / pw;
		w = a->seg_t1[j] - a->seg_t0[j];
		for (k = 0; k < sizeof steps / sizeof steps[0]; k++) {
			step = steps[k];
			if (w / step <= maxticks)
				break;
		}
		if (w / step > maxticks)
			step = ceil(w / maxticks / 31536000) * 31536000;
		full = 1;
		for (tt = chart_first_tick(a->seg_t0[j], step);
		    tt <= a->seg_t1[j] && a->nticks < CHART_MAXTICKS;
		    tt = chart_next_tick(tt, step)) {
			units_format_utc((int64_t)llround(tt * 1000.0), iso,
			    sizeof iso);
			a->ticks[a->nticks] = tt;
			if (chart_step_months(step) >= 12)
				snprintf(a->tick_text[a->nticks], 32, "%.4s",
				    iso);
			else if (chart_step_months(step) > 0)
				snprintf(a->tick_text[a->nticks], 32, "%.7s",
				    iso);
			else if (step >= 86400)
				snprintf(a->tick_text[a->nticks], 32, "%.10s",
				    iso);
			else if (full || fmod(tt, 86400) < 1e-6)
				/* date on a piece's first tick, at midnight */
				snprintf(a->tick_text[a->nticks], 32,
				    "%.10s %.*s", iso, step < 60 ? 8 : 5,
				    iso + 11);
			else
				snprintf(a->tick_text[a->nticks], 32, "%.*s",
				    step < 60 ? 8 : 5, iso + 11);
			full = 0;
			a->nticks++;
		}
		if (full && a->nticks < CHART_MAXTICKS) {
			/* no tick fell in the piece: label its middle */
			tt = floor((a->seg_t0[j] + a->seg_t1[j]) / 2 / 60) * 60;
			units_format_utc((int64_t)llround(tt * 1000.0), iso,
			    sizeof iso);
			a->ticks[a->nticks] = tt;
			snprintf(a->tick_text[a->nticks], 32, "%.10s %.5s", iso,
			    iso + 11);
			a->nticks++;
		}
	}
	a->min = a->seg_t0[0];
	a->max = a->seg_t1[nseg - 1];
	snprintf(a->label, sizeof a->label, "Time (UTC)%s",
	    nseg > 1 ? "; long gaps without data are cut (//)" : "");
}

static void
chart_log_ticks(struct chart_axis_def *a)
{
	double lo = floor(a->min), hi = ceil(a->max), e;
	static const double sub[] = { 1, 2, 5 };
	int i;

	if (hi <= lo)
		hi = lo + 1;
	a->min = lo;
	a->max = hi;
	a->nticks = 0;
	for (e = lo; e <= hi + 1e-9; e++)
		for (i = 0; i < 3 && a->nticks < CHART_MAXTICKS; i++) {
			double v = pow(10, e) * sub[i];

			if (log10(v) > hi + 1e-9 || (hi - lo > 3 && i > 0))
				continue;
			a->ticks[a->nticks] = log10(v);
			snprintf(a->tick_text[a->nticks], 32, "%g", v);
			a->nticks++;
		}
	a->scale = 1;
}

/* Choose ranges and ticks from the points. */
static void
chart_layout(struct chart_data *d)
{
	size_t i;
	int xfirst = 1, yfirst = 1;
	double pw, y;

	for (i = 0; i < d->npt; i++) {
		struct chart_point *p = &d->pt[i];
		double x = p->x, x2 = p->x2;

		if (d->x.kind == AX_LOG) {
			x = log10(p->x);
			x2 = p->x2 > p->x ? log10(p->x2) : x;
		}
		if (xfirst || x < d->x.min)
			d->x.min = x;
		if (xfirst || x2 > d->x.max)
			d->x.max = x2;
		if (xfirst || x > d->x.max)
			d->x.max = x > d->x.max ? x : d->x.max;
		xfirst = 0;
		if (d->y.kind == AX_ROWS)
			continue;
		if (d->ser[p->s].style == ST_AXISMARK)
			continue;
		y = d->y.kind == AX_LOG ? log10(p->y) : p->y;
		if (yfirst || y < d->y.min)
			d->y.min = y;
		if (yfirst || y > d->y.max)
			d->y.max = y;
		yfirst = 0;
	}
	if (d->y.kind != AX_ROWS && yfirst)
		d->y.min = d->y.max = 0;
	d->height = CHART_H;
	if (d->y.kind == AX_ROWS) {
		int per = d->id == CHART_EST_ACTUAL ? 30 :
		    d->id == CHART_TIMELINE || d->id == CHART_RESIDENCY ? 40 : 22;
		int need = 160 + per * d->nrows;

		if (need > d->height)
			d->height = need;
	}
	pw = CHART_W - 2 * 90.0;
	if (d->x.kind == AX_TIME) {
		size_t nt = 0, cap = 2 * d->npt + 1;
		double *t = xreallocarray(NULL, cap, sizeof *t);
		double lo = 0, hi = 0, step;

		for (i = 0; i < d->npt; i++) {
			t[nt++] = d->pt[i].x;
			if (d->pt[i].x2 != d->pt[i].x)   /* bars: their end */
				t[nt++] = d->pt[i].x2;
		}
		for (i = 0; i < nt; i++) {
			if (i == 0 || t[i] < lo)
				lo = t[i];
			if (i == 0 || t[i] > hi)
				hi = t[i];
		}
		/* a long bar is data all along: no gap is cut under it */
		step = (hi - lo) / 60;
		for (i = 0; step > 0 && i < d->npt; i++) {
			double u;

			if (d->pt[i].x2 - d->pt[i].x <= step)
				continue;
			for (u = d->pt[i].x + step; u < d->pt[i].x2; u += step) {
				if (nt == cap) {
					cap *= 2;
					t = xreallocarray(t, cap, sizeof *t);
				}
				t[nt++] = u;
			}
		}
		chart_time_ticks(&d->x, t, nt, pw);
		free(t);
	}
	else if (d->x.kind == AX_LOG)
		chart_log_ticks(&d->x);
	else {
		chart_value_ticks(&d->x, 10, d->x.kind == AX_SECONDS ? "s" :
		    NULL);
	}
	if (d->y.kind == AX_NUMBER) {
		/* bpw: pad a little so labelled points are not on the edge */
		double pad = (d->y.max - d->y.min) * 0.1 + 0.25;

		d->y.min -= pad;
		d->y.max += pad;
		if (d->y.min < 0)
			d->y.min = 0;
	}
	if (d->y.kind == AX_LOG)
		chart_log_ticks(&d->y);
	else if (d->y.kind != AX_ROWS)
		chart_value_ticks(&d->y, 8, d->y.kind == AX_SECONDS ? "s" :
		    NULL);
	if (d->y.kind == AX_SECONDS)
		d->y.min = 0;
}

/* ---- series text ------------------------------------------------------ */

static void
chart_put_value(struct buf *out, enum chart_axis kind, double v)
{
	char iso[32];

	switch (kind) {
	case AX_TIME:
		units_format_utc((int64_t)llround(v * 1000.0), iso, sizeof iso);
		buf_puts(out, iso);
		break;
	case AX_BYTES:
		buf_printf(out, "%.0f", v);
		break;
	default:
		buf_printf(out, "%.6g", v);
		break;
	}
}

static const char *
chart_axis_name(enum chart_axis k)
{
	static const char *names[] = { "time", "bytes", "seconds", "count",
	    "log10", "number", "rows" };

	return names[k];
}

static void
chart_put_axis(struct buf *out, const char *name,
    const struct chart_axis_def *a, int nrows)
{
	int i;

	if (a->kind == AX_ROWS) {
		buf_printf(out, "%saxis\trows\t%d\n", name, nrows);
		return;
	}
	buf_printf(out, "%saxis\t%s\t", name, chart_axis_name(a->kind));
	chart_put_value(out, a->kind == AX_LOG ? AX_NUMBER : a->kind, a->min);
	buf_putc(out, '\t');
	chart_put_value(out, a->kind == AX_LOG ? AX_NUMBER : a->kind, a->max);
	buf_printf(out, "\t%s\n", a->label);
	for (i = 0; i < a->nseg; i++) {
		buf_printf(out, "%ssegment\t", name);
		chart_put_value(out, a->kind, a->seg_t0[i]);
		buf_putc(out, '\t');
		chart_put_value(out, a->kind, a->seg_t1[i]);
		buf_printf(out, "\t%.4f\t%.4f\n", a->seg_f0[i], a->seg_f1[i]);
	}
	for (i = 0; i < a->nticks; i++) {
		buf_printf(out, "%stick\t", name);
		chart_put_value(out, a->kind == AX_LOG ? AX_NUMBER : a->kind,
		    a->ticks[i]);
		buf_printf(out, "\t%s\n", a->tick_text[i]);
	}
}

static void
chart_put_text(const struct chart_data *d, struct buf *out)
{
	size_t i;

	buf_printf(out, "%s\n", d->header);
	for (i = 0; i < d->npt; i++) {
		const struct chart_point *p = &d->pt[i];

		buf_printf(out, "%s\t", d->ser[p->s].name);
		if (d->y.kind == AX_ROWS) {
			if (d->x.kind == AX_TIME) {
				chart_put_value(out, d->x.kind, p->x);
				buf_printf(out, "\t%s", d->rows[p->row]);
				if (p->x2 != p->x) {
					buf_putc(out, '\t');
					chart_put_value(out, d->x.kind, p->x2);
				}
			} else {
				buf_printf(out, "%s\t", d->rows[p->row]);
				chart_put_value(out, d->x.kind, p->x);
				if (p->x2 != p->x) {
					buf_putc(out, '\t');
					chart_put_value(out, d->x.kind, p->x2);
				}
			}
		} else {
			chart_put_value(out, d->x.kind == AX_LOG ? AX_NUMBER :
			    d->x.kind, p->x);
			buf_putc(out, '\t');
			if (d->ser[p->s].style == ST_AXISMARK)
				buf_puts(out, "-");
			else
				chart_put_value(out, d->y.kind, p->y);
		}
		if (p->label[0] != '\0')
			buf_printf(out, "\t%s", p->label);
		buf_putc(out, '\n');
	}
	if (d->note[0] != '\0')
		buf_printf(out, "note\t%s\n", d->note);
	chart_put_axis(out, "x", &d->x, d->nrows);
	chart_put_axis(out, "y", &d->y, d->nrows);
}

/* Fill d for chart id: data, then layout. The one loader of both APIs. */
static int
chart_fill(sqlite3 *db, const struct render_opts *o, enum chart_id id,
    struct chart_data *d,
    struct olr_err *err)
{
	int rc;

	memset(d, 0, sizeof *d);
	d->id = id;
	switch (id) {
	case CHART_LOAD_TIMES:     rc = chart_load_times(db, d, err); break;
	case CHART_LOAD_TIME_DIST: rc = chart_load_dist(db, d, err); break;
	case CHART_VRAM:           rc = chart_load_vram(db, d, err); break;
	case CHART_SYSMEM:         rc = chart_load_sysmem(db, d, err); break;
	case CHART_LAYERS:         rc = chart_load_layers(db, d, err); break;
	case CHART_EST_ACTUAL:     rc = chart_load_est(db, d, err); break;
	case CHART_BPW_PARAMS:     rc = chart_load_bpw(db, d, err); break;
	case CHART_TIMELINE:       rc = chart_load_timeline(db, d, err); break;
	case CHART_RESIDENCY:      rc = chart_load_residency(db, o, d, err); break;
	default:
		olr_err_set(err, OLR_E_RENDER, NULL, 0, "no chart %d", (int)id);
		return -1;
	}
	if (rc != 0)
		return -1;
	if (d->why[0] == '\0')
		chart_layout(d);
	return 0;
}

/* ---- drawing ---------------------------------------------------------- */

/*
 * A hotspot of an SVG chart: an invisible shape over a point or bar whose
 * <title> names it (model, load, host, value), so hovering a point in the
 * HTML report says what it is, without JavaScript.
 */
struct chart_hot {
	double x, y, w, h;  /* box; round: centre x, y and radius w */
	int    round;
	size_t point;       /* index into chart_data.pt */
};

struct chart_hots {
	struct chart_hot *v;
	size_t            n, cap;
};

struct chart_frame {
	cairo_t *cr;
	double   left, right, top, bottom;  /* plot area */
	const struct chart_data *d;
	struct chart_hots *hots;            /* SVG: collect hotspots, or NULL */
};

static void
chart_hot_add(const struct chart_frame *f, size_t point, int round,
    double x, double y, double w, double h)
{
	struct chart_hots *hs = f->hots;
	struct chart_hot *h_;

	if (hs == NULL)
		return;
	if (hs->n == hs->cap) {
		hs->cap = hs->cap ? 2 * hs->cap : 256;
		hs->v = xreallocarray(hs->v, hs->cap, sizeof *hs->v);
	}
	h_ = &hs->v[hs->n++];
	h_->x = x;
	h_->y = y;
	h_->w = w;
	h_->h = h;
	h_->round = round;
	h_->point = point;
}

static void
chart_colour(cairo_t *cr, int c)
{
	cairo_set_source_rgb(cr, palette[c][0], palette[c][1], palette[c][2]);
}

static double
chart_text_w(cairo_t *cr, const char *s)
{
	cairo_text_extents_t e;

	cairo_text_extents(cr, s, &e);
	return e.x_advance;
}

/*
 * Copy s into out, cut with an ellipsis to fit width px. A "host: GPU #1"
 * name is cut in its host part, so the GPU and its number stay.
 */
static void
chart_fit(cairo_t *cr, const char *s, double width, char *out, size_t size)
{
	const char *tail = strstr(s, ": ");
	size_t n;

	snprintf(out, size, "%s", s);
	if (chart_text_w(cr, out) <= width)
		return;
	if (tail != NULL && tail > s) {
		for (n = (size_t)(tail - s); n > 3; n--) {
			if (((unsigned char)s[n] & 0xC0) == 0x80)
				continue;
			snprintf(out, size, "%.*s\xE2\x80\xA6%s", (int)n, s,
			    tail);
			if (chart_text_w(cr, out) <= width)
				return;
		}
	}
	for (n = strlen(s); n > 0; n--) {
		/* do not cut a UTF-8 sequence */
		if (((unsigned char)s[n] & 0xC0) == 0x80)
			continue;
		snprintf(out, size, "%.*s\xE2\x80\xA6", (int)n, s);
		if (chart_text_w(cr, out) <= width)
			return;
	}
	snprintf(out, size, "\xE2\x80\xA6");
}

/* Text with its anchor: ax 0 left, 0.5 centre, 1 right; ay likewise. */
static void
chart_text(cairo_t *cr, double x, double y, const char *s, double ax,
    double ay)
{
	cairo_text_extents_t e;
	cairo_font_extents_t fe;

	cairo_text_extents(cr, s, &e);
	cairo_font_extents(cr, &fe);
	cairo_move_to(cr, x - e.x_advance * ax,
	    y + fe.ascent - (fe.ascent + fe.descent) * ay);
	cairo_show_text(cr, s);
}

static double
chart_px(const struct chart_frame *f, double x)
{
	const struct chart_axis_def *a = &f->d->x;

	int j;

	if (a->kind == AX_LOG)
		x = log10(x);
	if (a->kind == AX_TIME && a->nseg > 0) {
		for (j = 0; j < a->nseg - 1; j++)
			if (x <= a->seg_t1[j])
				break;
		return f->left + (f->right - f->left) * (a->seg_f0[j] +
		    (x - a->seg_t0[j]) / (a->seg_t1[j] - a->seg_t0[j]) *
		    (a->seg_f1[j] - a->seg_f0[j]));
	}
	return f->left + (x - a->min) / (a->max - a->min) *
	    (f->right - f->left);
}

static double
chart_py(const struct chart_frame *f, double y)
{
	const struct chart_axis_def *a = &f->d->y;

	if (a->kind == AX_LOG)
		y = y > 0 ? log10(y) : a->min;
	return f->bottom - (y - a->min) / (a->max - a->min) *
	    (f->bottom - f->top);
}

/* Row r's centre and its band height. */
static double
chart_row_y(const struct chart_frame *f, int r, double *band)
{
	double h = (f->bottom - f->top) / f->d->nrows;

	*band = h;
	return f->top + h * (r + 0.5);
}

static void
chart_marker(cairo_t *cr, enum chart_style st, double x, double y, double r)
{
	switch (st) {
	case ST_AXISMARK:
		cairo_move_to(cr, x, y - r * 1.6);
		cairo_line_to(cr, x - r, y);
		cairo_line_to(cr, x + r, y);
		cairo_close_path(cr);
		cairo_fill(cr);
		break;
	case ST_DIAMOND:
		cairo_move_to(cr, x, y - r);
		cairo_line_to(cr, x + r, y);
		cairo_line_to(cr, x, y + r);
		cairo_line_to(cr, x - r, y);
		cairo_close_path(cr);
		cairo_fill(cr);
		break;
	case ST_TICK:
		cairo_set_line_width(cr, 3);
		cairo_move_to(cr, x, y - r * 1.5);
		cairo_line_to(cr, x, y + r * 1.5);
		cairo_stroke(cr);
		break;
	default:
		cairo_arc(cr, x, y, r, 0, 2 * M_PI);
		cairo_fill(cr);
		break;
	}
}

/* Legend entries in one or more lines from (x, y); returns height used. */
static double
chart_legend(cairo_t *cr, const struct chart_data *d, double x0, double y,
    double maxx, int draw)
{
	double x = x0, h = 18;
	int i;
	char name[96];

	cairo_set_font_size(cr, 12);
	for (i = d->legend_styles ? -2 : 0; i < d->nser; i++) {
		struct chart_series_def key;
		const struct chart_series_def *s = &key;
		double w;
		char *cut;

		if (i < 0) {
			/* line style key, in a neutral colour */
			memset(&key, 0, sizeof key);
			snprintf(key.name, sizeof key.name, "%s",
			    i == -2 ? "used" : "total");
			key.colour = COL_BLACK;
			key.style = i == -2 ? ST_LINE : ST_DASH;
		} else {
			key = d->ser[i];
			if (d->legend_styles) {
				key.style = ST_BAR;
				cut = strstr(key.name, " used");
				if (cut != NULL)
					*cut = '\0';
			}
		}
		if (i >= 0 && !s->legend)
			continue;
		chart_fit(cr, s->name, 300, name, sizeof name);
		w = 24 + chart_text_w(cr, name) + 18;
		if (x + w > maxx && x > x0) {
			x = x0;
			y += 18;
			h += 18;
		}
		if (draw) {
			chart_colour(cr, s->colour);
			switch (s->style) {
			case ST_LINE:
			case ST_DASH:
			case ST_RANGE:
				cairo_set_line_width(cr, s->style == ST_RANGE ?
				    3 : 2);
				if (s->style == ST_DASH) {
					double dash[] = { 6, 4 };

					cairo_set_dash(cr, dash, 2, 0);
				}
				cairo_move_to(cr, x, y + 7);
				cairo_line_to(cr, x + 18, y + 7);
				cairo_stroke(cr);
				cairo_set_dash(cr, NULL, 0, 0);
				break;
			case ST_BAR:
				cairo_rectangle(cr, x, y + 1, 18, 12);
				cairo_fill(cr);
				break;
			default:
				chart_marker(cr, s->style, x + 9, y + 7, 5);
				break;
			}
			cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
			chart_text(cr, x + 24, y + 7, name, 0, 0.5);
		}
		x += w;
	}
	return h;
}

static int
chart_legend_count(const struct chart_data *d)
{
	int i, n = 0;

	for (i = 0; i < d->nser; i++)
		n += d->ser[i].legend;
	return n + (d->legend_styles ? 2 : 0);
}

/* The piece of a time axis x falls in. */
static int
chart_seg_of(const struct chart_axis_def *a, double x)
{
	int j;

	for (j = 0; j < a->nseg - 1; j++)
		if (x <= a->seg_t1[j])
			break;
	return j;
}

/* Draw x ticks; a label that would touch the previous one is skipped. */
static void
chart_x_ticks(const struct chart_frame *f)
{
	cairo_t *cr = f->cr;
	const struct chart_axis_def *a = &f->d->x;
	double last = -1e9, w, x, x0, ax;
	int i, j;
	const char *sp;
	char line1[32];

	cairo_set_font_size(cr, 12);
	for (i = 0; i < a->nticks; i++) {
		x = a->kind == AX_LOG ? f->left + (a->ticks[i] - a->min) /
		    (a->max - a->min) * (f->right - f->left) :
		    chart_px(f, a->ticks[i]);
		cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
		cairo_set_line_width(cr, 1);
		cairo_move_to(cr, floor(x) + 0.5, f->top);
		cairo_line_to(cr, floor(x) + 0.5, f->bottom);
		cairo_stroke(cr);
		sp = strchr(a->tick_text[i], ' ');
		if (sp != NULL) {
			/* "date time": the time goes under the date */
			snprintf(line1, sizeof line1, "%.*s",
			    (int)(sp - a->tick_text[i]), a->tick_text[i]);
			w = chart_text_w(cr, line1);
		} else
			w = chart_text_w(cr, a->tick_text[i]);
		ax = 0.5;
		if (x - w / 2 < f->left - 30)
			ax = 0;
		if (x + w / 2 > CHART_W - 4)
			ax = 1;
		x0 = x - w * ax;
		if (x0 < last + 10)
			continue;
		last = x0 + w;
		cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
		if (sp != NULL) {
			chart_text(cr, x, f->bottom + 6, line1, ax, 0);
			chart_text(cr, x - w * ax + w / 2, f->bottom + 20,
			    sp + 1, 0.5, 0);
		} else
			chart_text(cr, x, f->bottom + 6, a->tick_text[i], ax,
			    0);
	}
	/* break marks between the pieces of a time axis */
	for (j = 1; j < a->nseg; j++) {
		x = f->left + (f->right - f->left) * a->seg_f0[j] -
		    CHART_SEG_GAP_PX / 2;
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_rectangle(cr, x - CHART_SEG_GAP_PX / 2 + 2, f->top,
		    CHART_SEG_GAP_PX - 4, f->bottom - f->top + 1);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		cairo_set_line_width(cr, 1.2);
		cairo_move_to(cr, x - 6, f->bottom + 5);
		cairo_line_to(cr, x - 1, f->bottom - 5);
		cairo_move_to(cr, x + 1, f->bottom + 5);
		cairo_line_to(cr, x + 6, f->bottom - 5);
		cairo_stroke(cr);
	}
}

static void
chart_y_ticks(const struct chart_frame *f)
{
	cairo_t *cr = f->cr;
	const struct chart_axis_def *a = &f->d->y;
	int i;

	cairo_set_font_size(cr, 12);
	for (i = 0; i < a->nticks; i++) {
		/* log ticks are log10 already */
		double y = a->kind == AX_LOG ? f->bottom - (a->ticks[i] -
		    a->min) / (a->max - a->min) * (f->bottom - f->top) :
		    chart_py(f, a->ticks[i]);

		cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
		cairo_set_line_width(cr, 1);
		cairo_move_to(cr, f->left, floor(y) + 0.5);
		cairo_line_to(cr, f->right, floor(y) + 0.5);
		cairo_stroke(cr);
		cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
		chart_text(cr, f->left - 6, y, a->tick_text[i], 1, 0.5);
	}
}

/* Point labels (bpw chart): right, left, above, below, then the four
 * corners, never on top of another label; skipped when no place is
 * free. */
static void
chart_point_labels(const struct chart_frame *f)
{
	cairo_t *cr = f->cr;
	const struct chart_data *d = f->d;
	double box[CHART_MAXLABELS][4];
	int nbox = 0, k, j;
	size_t i;
	char text[64];

	cairo_set_font_size(cr, 11);
	for (i = 0; i < d->npt && nbox < CHART_MAXLABELS; i++) {
		const struct chart_point *p = &d->pt[i];
		double px = chart_px(f, p->x), py = chart_py(f, p->y), w;

		if (p->label[0] == '\0')
			continue;
		chart_fit(cr, p->label, 180, text, sizeof text);
		w = chart_text_w(cr, text);
		for (k = 0; k < 8; k++) {
			/* x: right, left, centred; y: level, above, below */
			static const int kx[8] = { 0, 1, 2, 2, 0, 0, 1, 1 };
			static const int ky[8] = { 0, 0, 1, 2, 1, 2, 1, 2 };
			double x0 = kx[k] == 0 ? px + 7 : kx[k] == 1 ?
			    px - 7 - w : px - w / 2;
			double y0 = ky[k] == 1 ? py - 20 : ky[k] == 2 ? py + 6 :
			    py - 7;
			double b[4] = { x0, y0, x0 + w, y0 + 14 };

			if (b[0] < f->left || b[2] > f->right ||
			    b[1] < f->top || b[3] > f->bottom)
				continue;
			for (j = 0; j < nbox; j++)
				if (b[0] < box[j][2] && b[2] > box[j][0] &&
				    b[1] < box[j][3] && b[3] > box[j][1])
					break;
			if (j < nbox)
				continue;
			memcpy(box[nbox++], b, sizeof b);
			cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
			chart_text(cr, x0, y0 + 7, text, 0, 0.5);
			break;
		}
	}
}

static void
chart_draw_points(const struct chart_frame *f)
{
	cairo_t *cr = f->cr;
	const struct chart_data *d = f->d;
	size_t i;
	int s, run;

	cairo_save(cr);
	cairo_rectangle(cr, f->left - 8, f->top - 8, f->right - f->left + 16,
	    f->bottom - f->top + 16);
	cairo_clip(cr);
	for (s = 0; s < d->nser; s++) {
		const struct chart_series_def *sd = &d->ser[s];
		size_t n = 0;
		double r = 4;

		for (i = 0; i < d->npt; i++)
			n += d->pt[i].s == s;
		if (n > 300)
			r = 2.5;
		chart_colour(cr, sd->colour);
		if (sd->style == ST_LINE || sd->style == ST_DASH) {
			double dash[] = { 7, 4 };

			cairo_set_line_width(cr, 2);
			cairo_set_dash(cr, dash, sd->style == ST_DASH ? 2 : 0,
			    0);
			run = 0;
			for (i = 0; i < d->npt; i++) {
				const struct chart_point *p = &d->pt[i];
				double x, y;

				if (p->s != s)
					continue;
				x = chart_px(f, p->x);
				y = chart_py(f, p->y);
				if (!run || p->brk || (d->x.kind == AX_TIME &&
				    chart_seg_of(&d->x, p->x) != run - 1))
					cairo_move_to(cr, x, y);
				else
					cairo_line_to(cr, x, y);
				run = 1 + (d->x.kind == AX_TIME ?
				    chart_seg_of(&d->x, p->x) : 0);
			}
			cairo_stroke(cr);
			cairo_set_dash(cr, NULL, 0, 0);
			/* each reading of a dashed series: a short dash */
			if (sd->style == ST_DASH)
				for (i = 0; i < d->npt; i++)
					if (d->pt[i].s == s) {
						double x = chart_px(f, d->pt[i].x);
						double y = chart_py(f, d->pt[i].y);

						cairo_move_to(cr, x - 8, y);
						cairo_line_to(cr, x + 8, y);
						cairo_stroke(cr);
					}
			/* small dots show where the readings are */
			if (sd->style == ST_LINE)
				for (i = 0; i < d->npt; i++)
					if (d->pt[i].s == s) {
						cairo_arc(cr,
						    chart_px(f, d->pt[i].x),
						    chart_py(f, d->pt[i].y),
						    2.5, 0, 2 * M_PI);
						cairo_fill(cr);
					}
			for (i = 0; i < d->npt; i++)
				if (d->pt[i].s == s)
					chart_hot_add(f, i, 1, chart_px(f,
					    d->pt[i].x), chart_py(f, d->pt[i].y),
					    5, 0);
			continue;
		}
		for (i = 0; i < d->npt; i++) {
			const struct chart_point *p = &d->pt[i];
			double x, y;

			if (p->s != s)
				continue;
			x = chart_px(f, p->x);
			y = sd->style == ST_AXISMARK ? f->bottom :
			    chart_py(f, p->y);
			cairo_set_source_rgba(cr, palette[sd->colour][0],
			    palette[sd->colour][1], palette[sd->colour][2],
			    n > 300 ? 0.6 : 0.9);
			chart_marker(cr, sd->style, x, y, sd->style ==
			    ST_AXISMARK ? 5 : r);
			chart_hot_add(f, i, 1, x, sd->style == ST_AXISMARK ?
			    y - 4 : y, r < 5 ? 5 : r, 0);
		}
	}
	cairo_restore(cr);
}

static void
chart_draw_rows(const struct chart_frame *f)
{
	cairo_t *cr = f->cr;
	const struct chart_data *d = f->d;
	double band, yc, x, x2, h;
	size_t i;
	int s;

	/* zebra bands make long rows easy to follow */
	for (i = 0; i < (size_t)d->nrows; i++) {
		yc = chart_row_y(f, (int)i, &band);
		if (i % 2 == 0) {
			cairo_set_source_rgb(cr, 0.965, 0.965, 0.965);
			cairo_rectangle(cr, f->left, yc - band / 2,
			    f->right - f->left, band);
			cairo_fill(cr);
		}
	}
	/* draw in series order so markers sit over ranges */
	for (s = 0; s < d->nser; s++) {
		const struct chart_series_def *sd = &d->ser[s];

		for (i = 0; i < d->npt; i++) {
			const struct chart_point *p = &d->pt[i];

			if (p->s != s)
				continue;
			yc = chart_row_y(f, p->row, &band);
			x = chart_px(f, p->x);
			x2 = chart_px(f, p->x2);
			h = band * 0.7;
			if (p->slot != 0) {
				h = band * 0.36;
				yc += (p->slot == 1 ? -1 : 1) * band * 0.2;
			}
			if (h > 26)
				h = 26;
			chart_colour(cr, sd->colour);
			if (sd->style == ST_BAR || sd->style == ST_RANGE)
				chart_hot_add(f, i, 0, x, yc - h / 2, x2 - x < 4 ?
				    4 : x2 - x, h);
			else
				chart_hot_add(f, i, 1, x, yc, 6, 0);
			switch (sd->style) {
			case ST_BAR:
				cairo_rectangle(cr, x, yc - h / 2,
				    x2 - x < 1 ? 1 : x2 - x, h);
				/* the white edge that separates bars would
				 * hide bars narrower than a few pixels */
				if (x2 - x < 4) {
					cairo_fill(cr);
					break;
				}
				cairo_fill_preserve(cr);
				cairo_set_source_rgb(cr, 1, 1, 1);
				cairo_set_line_width(cr, 0.8);
				cairo_stroke(cr);
				break;
			case ST_RANGE:
				cairo_set_line_width(cr, 3);
				cairo_move_to(cr, x, yc);
				cairo_line_to(cr, x2, yc);
				cairo_stroke(cr);
				break;
			default:
				if (sd->style == ST_POINT)
					cairo_set_source_rgba(cr,
					    palette[sd->colour][0],
					    palette[sd->colour][1],
					    palette[sd->colour][2], 0.55);
				chart_marker(cr, sd->style, x, yc,
				    sd->style == ST_TICK ? band * 0.22 : 5);
				break;
			}
		}
	}
}

static cairo_status_t
chart_png_write(void *closure, const unsigned char *data, unsigned int len)
{
	buf_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/*
 * Paint a chart on cr (CHART_W x d->height). title is drawn when not NULL
 * (the PNG files carry their title; the HTML captions its SVG). hots, when
 * not NULL, receives a hotspot per point and bar.
 */
static void
chart_paint(cairo_t *cr, const struct chart_data *d, const char *title,
    struct chart_hots *hots)
{
	struct chart_frame f;
	double y, rowlab = 0, ylabw = 0;
	char text[160];
	int i;

	memset(&f, 0, sizeof f);
	f.hots = hots;
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);

	/* title, note, legend */
	y = 14;
	if (title != NULL) {
		cairo_select_font_face(cr, "DejaVu Sans",
		    CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
		cairo_set_font_size(cr, 18);
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		chart_fit(cr, title, CHART_W - 40, text, sizeof text);
		chart_text(cr, 20, 14, text, 0, 0);
		cairo_select_font_face(cr, "DejaVu Sans",
		    CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
		y = 42;
	}
	if (d->note[0] != '\0') {
		cairo_set_font_size(cr, 12);
		cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
		chart_fit(cr, d->note, CHART_W - 40, text, sizeof text);
		chart_text(cr, 20, y, text, 0, 0);
		y += 18;
	}
	if (chart_legend_count(d) > 1)
		y += chart_legend(cr, d, 20, y + 2, CHART_W - 20, 1) + 6;

	/* plot area */
	cairo_set_font_size(cr, 12);
	if (d->y.kind == AX_ROWS) {
		for (i = 0; i < d->nrows; i++) {
			double w = chart_text_w(cr, d->rows[i]);

			if (w > rowlab)
				rowlab = w;
		}
		if (rowlab > 330)
			rowlab = 330;
		f.left = 20 + rowlab + 10;
	} else {
		for (i = 0; i < d->y.nticks; i++) {
			double w = chart_text_w(cr, d->y.tick_text[i]);

			if (w > ylabw)
				ylabw = w;
		}
		f.left = 20 + 18 + 8 + ylabw + 6;
	}
	f.cr = cr;
	f.d = d;
	f.right = CHART_W - 30;
	f.top = y + 8;
	f.bottom = d->height - 62;

	/* frame and grid */
	if (d->y.kind == AX_ROWS)
		chart_draw_rows(&f);
	else
		chart_y_ticks(&f);
	chart_x_ticks(&f);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	cairo_set_line_width(cr, 1);
	cairo_move_to(cr, f.left + 0.5, f.top);
	cairo_line_to(cr, f.left + 0.5, f.bottom + 0.5);
	cairo_line_to(cr, f.right, f.bottom + 0.5);
	cairo_stroke(cr);

	if (d->y.kind == AX_ROWS) {
		double band;

		cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
		for (i = 0; i < d->nrows; i++) {
			double yc = chart_row_y(&f, i, &band);

			chart_fit(cr, d->rows[i], rowlab, text, sizeof text);
			chart_text(cr, f.left - 8, yc, text, 1, 0.5);
		}
	} else {
		chart_draw_points(&f);
		if (d->id == CHART_BPW_PARAMS)
			chart_point_labels(&f);
	}

	/* axis labels */
	cairo_set_font_size(cr, 13);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	chart_text(cr, (f.left + f.right) / 2, d->height - 20, d->x.label,
	    0.5, 0);
	if (d->y.kind != AX_ROWS) {
		cairo_save(cr);
		cairo_translate(cr, 20, (f.top + f.bottom) / 2);
		cairo_rotate(cr, -M_PI / 2);
		chart_text(cr, 0, 0, d->y.label, 0.5, 0);
		cairo_restore(cr);
	}
}

static int
chart_draw(const struct chart_data *d, const char *title, struct buf *png,
    struct olr_err *err)
{
	cairo_surface_t *sf;
	cairo_t *cr;
	cairo_status_t cs;

	sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, CHART_W,
	    d->height);
	cr = cairo_create(sf);
	chart_paint(cr, d, title, NULL);
	cairo_destroy(cr);
	cairo_surface_flush(sf);
	cs = cairo_surface_write_to_png_stream(sf, chart_png_write, png);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	if (cs != CAIRO_STATUS_SUCCESS) {
		olr_err_set(err, OLR_E_RENDER, NULL, 0, "chart %s: %s", title,
		    cairo_status_to_string(cs));
		return -1;
	}
	return 0;
}

/* ---- SVG for the HTML report ------------------------------------------ */

#define CHART_SVG_MAXPTS 3000   /* more points: the HTML shows the PNG */

/* A value as a reader wants it in a hover title. */
static void
chart_hot_value(struct buf *out, const struct chart_axis_def *a, double v)
{
	char iso[32];

	switch (a->kind) {
	case AX_TIME:
		units_format_utc((int64_t)llround(v * 1000.0), iso, sizeof iso);
		buf_printf(out, "%.10s %.8s UTC", iso, iso + 11);
		break;
	case AX_BYTES:
		buf_printf(out, "%.2f GiB", v / 1073741824.0);
		break;
	case AX_SECONDS:
		buf_printf(out, "%.2f s", v);
		break;
	case AX_COUNT:
		buf_printf(out, "%.0f", v);
		break;
	case AX_LOG:
		buf_printf(out, "%.3g%s", v, strstr(a->label, "(s") ? " s" :
		    strstr(a->label, "billions") ? " B parameters" : "");
		break;
	default:
		buf_printf(out, "%.3g", v);
	}
}

/* What a point is: "label (row) - series: value at value". */
static void
chart_hot_title(const struct chart_data *d, const struct chart_point *p,
    struct buf *out)
{
	const struct chart_series_def *sd = &d->ser[p->s];

	if (p->label[0])
		buf_printf(out, "%s \xe2\x80\x94 ", p->label);
	if (d->y.kind == AX_ROWS) {
		if (p->row >= 0 && p->row < d->nrows)
			buf_printf(out, "%s \xe2\x80\x94 ", d->rows[p->row]);
		buf_printf(out, "%s: ", sd->name);
		chart_hot_value(out, &d->x, p->x);
		if (sd->style == ST_BAR || sd->style == ST_RANGE) {
			buf_puts(out, " to ");
			chart_hot_value(out, &d->x, p->x2);
		}
		return;
	}
	buf_printf(out, "%s: ", sd->name);
	if (sd->style != ST_AXISMARK) {
		chart_hot_value(out, &d->y, p->y);
		buf_puts(out, " at ");
	}
	chart_hot_value(out, &d->x, p->x);
}

static void
chart_xml_text(struct buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '&': buf_puts(out, "&amp;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		default: buf_putc(out, *s);
		}
	}
}

/*
 * cairo's SVG made fit for inline use: ids prefixed (several charts share
 * one page), the size given by the page (viewBox kept), the hotspots with
 * their titles laid over the drawing.
 */
static void
chart_svg_finish(const struct buf *raw, const struct chart_data *d,
    const struct chart_hots *hs, const char *title, struct buf *out)
{
	static const char *const refs[] = { "id=\"", "href=\"#", "url(#" };
	const char *p = raw->data, *end = raw->data + raw->len, *svg, *gt;
	const char *close;
	struct buf t = BUF_INIT;
	char prefix[16];
	size_t i, k;

	snprintf(prefix, sizeof prefix, "c%d-", (int)d->id);
	svg = strstr(p, "<svg");
	close = svg ? strstr(svg, "</svg>") : NULL;
	if (svg == NULL || close == NULL || (gt = strchr(svg, '>')) == NULL)
		return;
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 %d %d\""
	    " width=\"100%%\" role=\"img\" aria-label=\"", CHART_W, d->height);
	chart_xml_text(out, title);
	buf_puts(out, "\">");
	for (p = gt + 1; p < close; ) {
		for (k = 0; k < sizeof refs / sizeof refs[0]; k++) {
			size_t n = strlen(refs[k]);

			if ((size_t)(close - p) >= n && memcmp(p, refs[k], n) == 0)
				break;
		}
		if (k < sizeof refs / sizeof refs[0]) {
			buf_puts(out, refs[k]);
			buf_puts(out, prefix);
			p += strlen(refs[k]);
			continue;
		}
		/* one line: a page's chart is one line of its source */
		buf_putc(out, *p == '\n' ? ' ' : *p);
		p++;
	}
	buf_puts(out, "<g class=\"hot\" fill=\"#000\" fill-opacity=\"0\">");
	for (i = 0; i < hs->n; i++) {
		const struct chart_hot *h = &hs->v[i];

		buf_reset(&t);
		chart_hot_title(d, &d->pt[h->point], &t);
		if (h->round)
			buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" "
			    "r=\"%.1f\"><title>", h->x, h->y, h->w);
		else
			buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
			    " height=\"%.1f\"><title>", h->x, h->y, h->w, h->h);
		chart_xml_text(out, buf_str(&t));
		buf_puts(out, h->round ? "</title></circle>" :
		    "</title></rect>");
	}
	buf_puts(out, "</g></svg>");
	(void)end;
	buf_free(&t);
}

/* Draw d as inline SVG (see chart_svg_finish) into svg. */
static int
chart_draw_svg(const struct chart_data *d, const char *title,
    struct buf *svg, struct olr_err *err)
{
	struct buf raw = BUF_INIT;
	struct chart_hots hs = { NULL, 0, 0 };
	cairo_surface_t *sf;
	cairo_t *cr;
	cairo_status_t cs;

	sf = cairo_svg_surface_create_for_stream(chart_png_write, &raw,
	    CHART_W, d->height);
	cr = cairo_create(sf);
	chart_paint(cr, d, NULL, &hs);
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	cs = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	if (cs == CAIRO_STATUS_SUCCESS)
		chart_svg_finish(&raw, d, &hs, title, svg);
	free(hs.v);
	buf_free(&raw);
	if (cs != CAIRO_STATUS_SUCCESS) {
		olr_err_set(err, OLR_E_RENDER, NULL, 0, "chart %s (SVG): %s",
		    title, cairo_status_to_string(cs));
		return -1;
	}
	return 0;
}

/* ---- public ----------------------------------------------------------- */

const struct chart_info *
chart_list(void)
{
	return charts;
}

int
chart_render(sqlite3 *db, enum chart_id id, const struct render_opts *o,
    struct buf *png, char *why, size_t whylen, struct olr_err *err)
{
	struct chart_data d;
	int rc;

	(void)o;
	if (chart_fill(db, o, id, &d, err) != 0) {
		chart_data_free(&d);
		return -1;
	}
	if (d.why[0] != '\0') {
		snprintf(why, whylen, "%s", d.why);
		chart_data_free(&d);
		return 0;
	}
	rc = chart_draw(&d, charts[id].title, png, err);
	chart_data_free(&d);
	return rc == 0 ? 1 : -1;
}

int
chart_render_all(sqlite3 *db, const struct render_opts *o, int want_svg,
    struct chart_out out[CHART_COUNT], struct olr_err *err)
{
	struct chart_data d;
	int i;

	for (i = 0; i < CHART_COUNT; i++) {
		struct chart_out *c = &out[i];

		olr_progress(o->progress, "reports", charts[i].stem);
		if (chart_fill(db, o, (enum chart_id)i, &d, err) != 0) {
			chart_data_free(&d);
			return -1;
		}
		if (d.why[0] != '\0') {
			snprintf(c->why, sizeof c->why, "%s", d.why);
			chart_data_free(&d);
			continue;
		}
		if (chart_draw(&d, charts[i].title, &c->png, err) != 0 ||
		    (want_svg && d.npt <= CHART_SVG_MAXPTS &&
		    chart_draw_svg(&d, charts[i].title, &c->svg, err) != 0)) {
			chart_data_free(&d);
			return -1;
		}
		c->drawn = 1;
		chart_data_free(&d);
	}
	return 0;
}

void
chart_out_free(struct chart_out out[CHART_COUNT])
{
	int i;

	for (i = 0; i < CHART_COUNT; i++) {
		buf_free(&out[i].png);
		buf_free(&out[i].svg);
	}
}

int
chart_series(sqlite3 *db, enum chart_id id, const struct render_opts *o,
    struct buf *out, struct olr_err *err)
{
	struct chart_data d;

	(void)o;
	if (chart_fill(db, o, id, &d, err) != 0) {
		chart_data_free(&d);
		return -1;
	}
	if (d.why[0] == '\0')
		chart_put_text(&d, out);
	chart_data_free(&d);
	return 0;
}

/*
 * capacity.c - the weekly capacity review (see capacity.h).
 *
 * One query per table, read once, in id or time order; everything else
 * (grouping, percentiles, residency, attribution) is done here in
 * O(n log n): the database may hold 44k loads and 500k requests.
 *
 * Hosts: a row's host is its source's host (sources.host), else the log
 * file's name. GPUs: the inventory ("inference compute", table gpus, read
 * whole, not windowed: the inventory is logged at server start), one entry
 * per host and GPU id, numbered in inventory order from 0 and named by
 * names.c as every report names it. A load runs on the GPU holding most
 * of its layers (load_devices.gpu_id: which inventory GPU the runner's
 * CUDA1 or Metal is, see reconstruct.c); a load with nothing placed on a
 * GPU runs on the host's CPU lane; a load with no device facts on a host
 * with one GPU ran on it, on a host with several on "GPU not logged".
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "capacity.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "db.h"
#include "names.h"
#include "report.h"
#include "units.h"
#include "xmalloc.h"

#define FIT_CTX_MAX 4    /* context sizes listed per fit-matrix cell */
#define WEEK_GPUS   4    /* GPUs named in a week's peak VRAM cell */

enum gpu_kind { G_REAL = 0, G_DEVICE, G_UNKNOWN, G_CPU };

struct host {
	char  *name;
	char  *disp;          /* as the VRAM chart shows it: cut to 24 */
	double end;           /* latest time of its logs */
	int    nreal;         /* real GPUs in its inventory */
};

struct gpu {
	int        host;
	enum gpu_kind kind;
	char      *gid;       /* gpu_id ("" none), or the device name */
	char      *model;     /* "RTX 3090" */
	long long  total;     /* bytes, 0 unknown */
	int        idx;       /* place in the host's inventory */
	char      *label;     /* "host: RTX 3090 #0" */
	long long  peak;      /* bytes in use, -1 no reading */
	char       peak_ts[32];
	long       loads, failed, oom;
	int        fitcol;    /* column of the fit matrix */
	int        reading;   /* known from VRAM readings only */
};

struct load {
	long long id;
	int       host, gpu;
	char     *model;
	double    t0, t1;     /* NAN when unknown */
	int       week;       /* iso key, 0 unknown */
	int       outcome;    /* 0 ok, 1 failed, 2 incomplete */
	int       oom;
	long long ctx;        /* -1 unknown */
	int       lo, lt;     /* layers on GPUs / of the model, -1 unknown */
	int       ngpu_dev;   /* GPU devices holding layers */
	double    secs;       /* load_seconds, NAN none */
	int       inwin;      /* in the report's window (as the loads view) */
	char     *cause;
	char     *split;      /* layer_split, or NULL */
	char     *mpath;      /* model_path as logged, or "" */
};

struct hev {              /* a host event: server start, VRAM timeout */
	int    host;
	double t;
	char  *model;         /* VRAM timeout: the model path, or NULL */
};

struct wpeak {
	int       week, gpu;
	long long peak;
};

struct week {
	int     key;
	long    loads, failed, oom, reqs, r5xx, starts, restarts, crashes;
	double *secs;
	size_t  nsecs, capsecs;
};

struct cap_state {
	sqlite3        *db;
	struct olr_err *err;
	long long      *src_id;
	int            *src_host;
	size_t          nsrc;
	struct host    *host;
	int             nhost;
	int             several;  /* hosts: names then start with theirs */
	struct gpu     *gpu;
	int             ngpu, capgpu;
	struct load    *load;
	size_t          nload, capload;
	struct hev     *starts, *vto;
	size_t          nstarts, capstarts, nvto, capvto;
	struct wpeak   *wp;
	size_t          nwp, capwp;
	struct week    *week;
	size_t          nweek, capweek;
	size_t         *lane_first;     /* spans of lane l: [lane_first[l],
	                                 * lane_first[l + 1]) */
	struct cap_residency res;
	size_t         *pool_ht;        /* res.pool by hash: index + 1, 0
	                                 * free */
	size_t          pool_htcap;
	const char     *since, *until;  /* the window (UTC ISO), or NULL */
	double          since_t, until_t;
};

/* ---- small helpers ------------------------------------------------------ */

static double
iso_secs(const unsigned char *s)
{
	struct olr_time t;

	if (s == NULL || units_parse_time((const char *)s,
	    strlen((const char *)s), &t) != 0)
		return NAN;
	return (double)t.epoch_ms / 1000.0;
}

static const char *
ctext(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : "";
}

/* civil date from days since 1970-01-01 (Howard Hinnant's algorithm) */
static void
civil(long long z, int *y, int *m, int *d)
{
	long long era, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	yoe = z - era * 146097;
	yoe = (yoe - yoe / 1460 + yoe / 36524 - yoe / 146096) / 365;
	doy = z - era * 146097 - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ISO week key year*100+week of "YYYY-MM-DD...", 0 when not a date. */
static int
iso_week(const char *s)
{
	int y, m, d, ty, tm, td;
	long long days, dow, thu, jan1;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
	    m > 12 || d < 1 || d > 31)
		return 0;
	days = units_days_from_civil(y, (unsigned)m, (unsigned)d);
	dow = ((days + 3) % 7 + 7) % 7;      /* 0 = Monday */
	thu = days - dow + 3;
	civil(thu, &ty, &tm, &td);
	jan1 = units_days_from_civil(ty, 1, 1);
	return ty * 100 + (int)((thu - jan1) / 7 + 1);
}

/* "2025-W10 (from 2025-03-03)" */
static void
week_label(int key, char *out, size_t size)
{
	long long jan4 = units_days_from_civil(key / 100, 1, 4);
	long long mon = jan4 - ((jan4 + 3) % 7 + 7) % 7 + (key % 100 - 1) * 7;
	int y, m, d;

	civil(mon, &y, &m, &d);
	snprintf(out, size, "%d-W%02d (from %04d-%02d-%02d)", key / 100,
	    key % 100, y, m, d);
}

static void
fmt_secs(char *out, size_t size, double s)
{
	if (s < 1.0)
		snprintf(out, size, "%.1f ms", s * 1000.0);
	else
		report_secs(out, size, s);
}

/* In [since, until)? ts is UTC ISO text like the bounds. */
static int
in_window(const struct cap_state *s, const char *ts)
{
	return (s->since == NULL || strcmp(ts, s->since) >= 0) &&
	    (s->until == NULL || strcmp(ts, s->until) < 0);
}

/* ---- tables ----------------------------------------------------------- */

static void
tab_init(struct cap_table *t, const char *key, const char *title,
    const char *question, int ncol, const char *const *cols)
{
	int i;

	memset(t, 0, sizeof *t);
	t->key = key;
	t->title = title;
	t->question = question;
	t->ncol = ncol;
	t->cols = xcalloc((size_t)ncol, sizeof *t->cols);
	for (i = 0; i < ncol; i++)
		t->cols[i] = xstrdup(cols[i]);
}

static size_t
tab_add(struct cap_table *t)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->cell = xreallocarray(t->cell, t->cap * (size_t)t->ncol,
		    sizeof *t->cell);
	}
	memset(t->cell + t->nrows * (size_t)t->ncol, 0,
	    (size_t)t->ncol * sizeof *t->cell);
	return t->nrows++;
}

static void tab_set(struct cap_table *t, size_t r, int c, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
tab_set(struct cap_table *t, size_t r, int c, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	char **p = &t->cell[r * (size_t)t->ncol + (size_t)c];

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(*p);
	*p = xstrdup(buf_str(&b));
	buf_free(&b);
}

static void
tab_finish(struct cap_table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * (size_t)t->ncol; i++)
		if (t->cell[i] == NULL)
			t->cell[i] = xstrdup("");
}

static void
tab_free(struct cap_table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * (size_t)t->ncol; i++)
		free(t->cell[i]);
	for (i = 0; i < (size_t)t->ncol; i++)
		free(t->cols[i]);
	free(t->cols);
	free(t->cell);
	free(t->note);
	memset(t, 0, sizeof *t);
}

/* ---- hosts and GPUs --------------------------------------------------- */

static int
host_of_source(const struct cap_state *s, long long id)
{
	size_t lo = 0, hi = s->nsrc;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->src_id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nsrc && s->src_id[lo] == id ? s->src_host[lo] : 0;
}

static int
host_intern(struct cap_state *s, const char *name)
{
	int i;

	for (i = 0; i < s->nhost; i++)
		if (strcmp(s->host[i].name, name) == 0)
			return i;
	s->host = xreallocarray(s->host, (size_t)s->nhost + 1,
	    sizeof *s->host);
	memset(&s->host[s->nhost], 0, sizeof *s->host);
	s->host[s->nhost].name = xstrdup(name);
	{
		char d[64];

		names_host_short(name, d, sizeof d);
		s->host[s->nhost].disp = xstrdup(d);
	}
	s->host[s->nhost].end = NAN;
	return s->nhost++;
}

/*
 * The pooled copy of text (s->res.pool): the loads' model names, paths
 * and causes repeat, one copy each keeps the memory of the loads small.
 */
static char *
pool_text(struct cap_state *s, const char *text)
{
	struct cap_residency *r = &s->res;
	size_t h = 5381, i, k;
	const unsigned char *p;

	if (2 * (r->npool + 1) > s->pool_htcap) {	/* grow, rehash */
		size_t cap = s->pool_htcap ? 2 * s->pool_htcap : 256;

		free(s->pool_ht);
		s->pool_ht = xcalloc(cap, sizeof *s->pool_ht);
		s->pool_htcap = cap;
		for (k = 0; k < r->npool; k++) {
			for (h = 5381, p = (const unsigned char *)r->pool[k];
			    *p; p++)
				h = h * 33 + *p;
			for (i = h & (cap - 1); s->pool_ht[i];
			    i = (i + 1) & (cap - 1))
				;
			s->pool_ht[i] = k + 1;
		}
	}
	for (h = 5381, p = (const unsigned char *)text; *p; p++)
		h = h * 33 + *p;
	for (i = h & (s->pool_htcap - 1); s->pool_ht[i];
	    i = (i + 1) & (s->pool_htcap - 1))
		if (strcmp(r->pool[s->pool_ht[i] - 1], text) == 0)
			return r->pool[s->pool_ht[i] - 1];
	if (r->npool == r->cappool) {
		r->cappool = r->cappool ? 2 * r->cappool : 64;
		r->pool = xreallocarray(r->pool, r->cappool, sizeof *r->pool);
	}
	r->pool[r->npool] = xstrdup(text);
	s->pool_ht[i] = ++r->npool;
	return r->pool[r->npool - 1];
}

static int
read_sources(struct cap_state *s)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (db_prepare(s->db, "SELECT id, COALESCE(NULLIF(host, ''), path),"
	    " last_ts FROM main.sources ORDER BY id", &st, s->err) != 0)
		return -1;
	host_intern(s, "(no source)");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *who = ctext(st, 1);
		char name[128];
		int h;
		double end;

		names_host(who, name, sizeof name);
		h = host_intern(s, name);
		s->src_id = xreallocarray(s->src_id, s->nsrc + 1,
		    sizeof *s->src_id);
		s->src_host = xreallocarray(s->src_host, s->nsrc + 1,
		    sizeof *s->src_host);
		s->src_id[s->nsrc] = sqlite3_column_int64(st, 0);
		s->src_host[s->nsrc++] = h;
		end = iso_secs(sqlite3_column_text(st, 2));
		if (!isnan(end) && (isnan(s->host[h].end) || end > s->host[h].end))
			s->host[h].end = end;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(s->db, s->err, "sources");
}

static int
gpu_add(struct cap_state *s, int host, enum gpu_kind kind, const char *gid,
    const char *model, long long total)
{
	struct gpu *g;
	char label[200];

	if (s->ngpu == s->capgpu) {
		s->capgpu = s->capgpu ? 2 * s->capgpu : 16;
		s->gpu = xreallocarray(s->gpu, (size_t)s->capgpu,
		    sizeof *s->gpu);
	}
	g = &s->gpu[s->ngpu];
	memset(g, 0, sizeof *g);
	g->host = host;
	g->kind = kind;
	g->gid = xstrdup(gid);
	g->total = total;
	g->peak = -1;
	g->idx = kind == G_REAL ? s->host[host].nreal++ : -1;
	/* one name per GPU (names.c), as every other report names it */
	switch (kind) {
	case G_REAL:
		g->model = xstrdup(names_gpu_model(model));
		names_gpu_label(s->several ? s->host[host].disp : NULL,
		    g->model, g->idx, label, sizeof label);
		break;
	case G_DEVICE:
		/* gid: the device's name (load_devices.name); model: the
		 * runner's name for it (CUDA0) */
		g->model = xstrdup(model);
		snprintf(label, sizeof label, "%s", gid);
		break;
	case G_UNKNOWN:
		g->model = xstrdup("GPU not logged");
		snprintf(label, sizeof label, "%s%sGPU not logged",
		    s->several ? s->host[host].disp : "", s->several ? ": " :
		    "");
		break;
	default:
		g->model = xstrdup("CPU only");
		names_device_label(s->several ? s->host[host].disp : NULL,
		    "CPU", NULL, 0, label, sizeof label);
	}
	g->label = xstrdup(label);
	return s->ngpu++;
}

static int
gpu_find(struct cap_state *s, int host, enum gpu_kind kind, const char *gid)
{
	int i;

	for (i = 0; i < s->ngpu; i++)
		if (s->gpu[i].host == host && s->gpu[i].kind == kind &&
		    (gid == NULL || strcmp(s->gpu[i].gid, gid) == 0))
			return i;
	return -1;
}

static int
gpu_by_index(struct cap_state *s, int host, int idx)
{
	int i;

	for (i = 0; i < s->ngpu; i++)
		if (s->gpu[i].host == host && s->gpu[i].kind == G_REAL &&
		    s->gpu[i].idx == idx)
			return i;
	return -1;
}

static int
read_inventory(struct cap_state *s)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (db_prepare(s->db, "SELECT source_id, COALESCE(gpu_id, ''),"
	    " COALESCE(NULLIF(description, ''), NULLIF(name, ''), ''),"
	    " MAX(total_bytes) FROM main.gpus WHERE COALESCE(library, '')"
	    " NOT IN ('cpu', 'CPU') GROUP BY source_id, COALESCE(gpu_id, '')"
	    " ORDER BY MIN(id)", &st, s->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int h = host_of_source(s, sqlite3_column_int64(st, 0));
		const char *gid = ctext(st, 1), *name = ctext(st, 2);
		long long total = sqlite3_column_int64(st, 3);

		if (*gid == '\0' && *name == '\0' && total <= 0)
			continue;      /* an inventory line that says nothing */
		if (gpu_find(s, h, G_REAL, gid) >= 0)
			continue;
		gpu_add(s, h, G_REAL, gid, name, total);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(s->db, s->err, "gpus");
}

/* The GPU entry of a reading or device on host; -1 when none fits. */
static int
gpu_match(struct cap_state *s, int h, const char *gid)
{
	int g = gpu_find(s, h, G_REAL, gid), i, n, one = -1;

	if (g >= 0)
		return g;
	if (*gid && strspn(gid, "0123456789") == strlen(gid) &&
	    (g = gpu_by_index(s, h, atoi(gid))) >= 0)
		return g;
	/* the host's one inventory GPU (names.c matches readings alike) */
	for (i = 0, n = 0; i < s->ngpu; i++)
		if (s->gpu[i].host == h && s->gpu[i].kind == G_REAL &&
		    !s->gpu[i].reading) {
			one = i;
			n++;
		}
	return n == 1 ? one : -1;
}

/* ---- weeks ------------------------------------------------------------ */

static struct week *
week_get(struct cap_state *s, int key)
{
	size_t lo = 0, hi = s->nweek;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->week[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->nweek && s->week[lo].key == key)
		return &s->week[lo];
	if (s->nweek == s->capweek) {
		s->capweek = s->capweek ? 2 * s->capweek : 16;
		s->week = xreallocarray(s->week, s->capweek, sizeof *s->week);
	}
	memmove(&s->week[lo + 1], &s->week[lo],
	    (s->nweek - lo) * sizeof *s->week);
	memset(&s->week[lo], 0, sizeof *s->week);
	s->week[lo].key = key;
	s->nweek++;
	return &s->week[lo];
}

/* ---- VRAM readings ---------------------------------------------------- */

static int
read_vram(struct cap_state *s)
{
	/* per source, GPU and ISO week (its Thursday): the lowest free
	 * figure, when, and the total (MIN the only aggregate, so ts and
	 * total are of the row holding it); peak = total - lowest free */
	static const char *sql =
	    "WITH r AS ("
	    " SELECT source_id, COALESCE(gpu_id, '') AS g, ts,"
	    "  total_bytes AS total, available_bytes AS free FROM gpus"
	    "  WHERE ts IS NOT NULL AND available_bytes IS NOT NULL"
	    "  AND COALESCE(library, '') NOT IN ('cpu', 'CPU')"
	    " UNION ALL"
	    " SELECT source_id, COALESCE(gpu_id, ''), ts, total_bytes,"
	    "  COALESCE(free_bytes, available_bytes) FROM vram_updates"
	    "  WHERE ts IS NOT NULL AND COALESCE(library, '') NOT IN"
	    "  ('cpu', 'CPU'))"
	    " SELECT source_id, g, date(ts, '-3 days', 'weekday 4') AS thu,"
	    "  MIN(free), ts, total FROM r WHERE free IS NOT NULL"
	    " GROUP BY source_id, g, thu ORDER BY source_id, g, thu";
	sqlite3_stmt *st = NULL;
	int rc;

	if (db_prepare(s->db, sql, &st, s->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int h = host_of_source(s, sqlite3_column_int64(st, 0));
		const char *gid = ctext(st, 1), *thu = ctext(st, 2);
		long long freeb = sqlite3_column_int64(st, 3), total, used;
		int g = gpu_match(s, h, gid), wk;
		struct gpu *gp;

		total = sqlite3_column_type(st, 5) == SQLITE_NULL ? 0 :
		    sqlite3_column_int64(st, 5);
		if (g < 0) {
			if (total <= 0)
				continue;
			g = gpu_add(s, h, G_REAL, gid, "GPU", total);
			s->gpu[g].reading = 1;
		}
		gp = &s->gpu[g];
		if (total <= 0)
			total = gp->total;
		if (total <= 0)
			continue;
		if (gp->total <= 0)
			gp->total = total;
		used = total - freeb;
		if (used < 0)
			used = 0;
		if (used > gp->peak) {
			gp->peak = used;
			snprintf(gp->peak_ts, sizeof gp->peak_ts, "%.19s",
			    ctext(st, 4));
			if (gp->peak_ts[10] == 'T')
				gp->peak_ts[10] = ' ';
		}
		if ((wk = iso_week(thu)) == 0)
			continue;
		week_get(s, wk);
		if (s->nwp == s->capwp) {
			s->capwp = s->capwp ? 2 * s->capwp : 64;
			s->wp = xreallocarray(s->wp, s->capwp, sizeof *s->wp);
		}
		s->wp[s->nwp].week = wk;
		s->wp[s->nwp].gpu = g;
		s->wp[s->nwp++].peak = used;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(s->db, s->err, "vram readings");
}

/* ---- loads ------------------------------------------------------------ */

static struct load *
load_by_id(struct cap_state *s, long long id)
{
	size_t lo = 0, hi = s->nload;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->load[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nload && s->load[lo].id == id ? &s->load[lo] : NULL;
}

static int
is_gpu_device(const char *d)
{
	static const char *const pre[] = { "CUDA", "ROCm", "Metal", "Vulkan",
	    "MTL", "SYCL", "OpenCL", "GPU" };
	size_t i, n;

	if (strstr(d, "_Host") || strstr(d, "_Mapped") || strstr(d, "CPU"))
		return 0;
	for (i = 0; i < sizeof pre / sizeof pre[0]; i++) {
		n = strlen(pre[i]);
		if (strncmp(d, pre[i], n) == 0 &&
		    strspn(d + n, "0123456789") == strlen(d + n))
			return 1;
	}
	return 0;
}

static int
read_loads(struct cap_state *s)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc;

	if (db_prepare(s->db, "SELECT id, source_id, started_at, ended_at,"
	    " COALESCE(name, model, '(unknown model)'), outcome,"
	    " COALESCE(oom, 0) OR COALESCE(cause, '') = 'oom', ctx_size,"
	    " layers_offloaded, layers_total, load_seconds,"
	    " COALESCE(cause, ''), layer_split, COALESCE(model_path, '')"
	    " FROM main.loads ORDER BY id", &st,
	    s->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct load *l;
		const char *oc = ctext(st, 5);

		if (s->nload == s->capload) {
			s->capload = s->capload ? 2 * s->capload : 64;
			s->load = xreallocarray(s->load, s->capload,
			    sizeof *s->load);
		}
		l = &s->load[s->nload++];
		memset(l, 0, sizeof *l);
		l->id = sqlite3_column_int64(st, 0);
		l->host = host_of_source(s, sqlite3_column_int64(st, 1));
		l->gpu = -1;
		l->t0 = iso_secs(sqlite3_column_text(st, 2));
		l->t1 = iso_secs(sqlite3_column_text(st, 3));
		l->week = iso_week(sqlite3_column_type(st, 2) != SQLITE_NULL ?
		    ctext(st, 2) : ctext(st, 3));
		/* every load feeds residency (a model loaded before the
		 * window is resident in it); the window's loads are counted */
		l->inwin = in_window(s, sqlite3_column_type(st, 2) !=
		    SQLITE_NULL ? ctext(st, 2) : ctext(st, 3));
		l->model = pool_text(s, ctext(st, 4));
		l->outcome = strcmp(oc, "ok") == 0 ? 0 :
		    strcmp(oc, "failed") == 0 ? 1 : 2;
		l->oom = sqlite3_column_int(st, 6) != 0;
		l->ctx = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1 :
		    sqlite3_column_int64(st, 7);
		l->lo = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 :
		    sqlite3_column_int(st, 8);
		l->lt = sqlite3_column_type(st, 9) == SQLITE_NULL ? -1 :
		    sqlite3_column_int(st, 9);
		l->secs = sqlite3_column_type(st, 10) == SQLITE_NULL ? NAN :
		    sqlite3_column_double(st, 10);
		l->cause = pool_text(s, ctext(st, 11));
		l->split = sqlite3_column_type(st, 12) == SQLITE_NULL ? NULL :
		    pool_text(s, ctext(st, 12));
		l->mpath = pool_text(s, ctext(st, 13));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, s->err, "loads");

	/* the GPU the scheduler chose ("fits in single GPU", gpu=<id>):
	 * inside the runner that GPU is CUDA0 whatever its place */
	if (db_prepare(s->db, "SELECT load_id, gpu_id FROM main.fit_decisions"
	    " WHERE load_id IS NOT NULL AND COALESCE(gpu_id, '') <> ''"
	    " AND decision = 'single_gpu' ORDER BY load_id, id", &st,
	    s->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct load *l = load_by_id(s, sqlite3_column_int64(st, 0));
		int g;

		if (l != NULL && l->gpu < 0 &&
		    (g = gpu_find(s, l->host, G_REAL, ctext(st, 1))) >= 0) {
			l->gpu = g;
			l->ngpu_dev = -1;      /* settled */
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, s->err, "fit decisions");
	/* the layer split by GPU id ("GPU-a:41,GPU-b:40"): most layers */
	for (i = 0; i < s->nload; i++) {
		struct load *l = &s->load[i];
		const char *p = l->split;
		int best = -1, g;

		while (l->gpu < 0 && p != NULL && *p) {
			const char *colon = strchr(p, ':'), *comma;
			char id[128];
			int n;

			if (colon == NULL)
				break;
			comma = strchr(colon, ',');
			n = atoi(colon + 1);
			snprintf(id, sizeof id, "%.*s", (int)(colon - p), p);
			if (n > best && (g = gpu_find(s, l->host, G_REAL,
			    id)) >= 0) {
				best = n;
				l->gpu = g;
				l->ngpu_dev = -1;
			}
			p = comma ? comma + 1 : NULL;
		}
	}
	/* else the GPU device holding most layers: the inventory GPU the
	 * load's reconstruction found it is (load_devices.gpu_id), else the
	 * device under its own name ("CUDA0 (not in the inventory)") */
	if (db_prepare(s->db, "SELECT load_id, device, layers,"
	    " COALESCE(gpu_id, ''), COALESCE(name, device) FROM"
	    " main.load_devices WHERE layers > 0 ORDER BY load_id, layers DESC,"
	    " device", &st, s->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct load *l = load_by_id(s, sqlite3_column_int64(st, 0));
		const char *dev = ctext(st, 1), *gid = ctext(st, 3);
		int g = -1;

		if (l == NULL || l->ngpu_dev < 0 || !is_gpu_device(dev))
			continue;
		if (l->ngpu_dev++ > 0)
			continue;
		if (*gid)
			g = gpu_find(s, l->host, G_REAL, gid);
		if (g < 0) {
			const char *name = ctext(st, 4);

			if ((g = gpu_find(s, l->host, G_DEVICE, name)) < 0)
				g = gpu_add(s, l->host, G_DEVICE, name, dev, 0);
		}
		l->gpu = g;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, s->err, "load devices");

	/* Ollama's estimate, for loads whose layers the load itself lacks */
	if (db_prepare(s->db, "SELECT load_id, layers_offload, layers_model"
	    " FROM main.offload_estimates WHERE load_id IS NOT NULL AND"
	    " layers_model > 0 AND layers_offload IS NOT NULL"
	    " ORDER BY load_id, id", &st, s->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct load *l = load_by_id(s, sqlite3_column_int64(st, 0));

		if (l == NULL || (l->lo >= 0 && l->lt > 0))
			continue;
		l->lo = sqlite3_column_int(st, 1);
		l->lt = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, s->err, "offload estimates");
	return 0;
}

/* Lanes for loads without a GPU device, and the per-GPU counts. */
static void
place_loads(struct cap_state *s)
{
	size_t i;

	for (i = 0; i < s->nload; i++) {
		struct load *l = &s->load[i];
		struct gpu *g;

		if (l->gpu < 0) {
			if (l->lo == 0 || s->host[l->host].nreal == 0)
				l->gpu = gpu_find(s, l->host, G_CPU, NULL);
			else if (s->host[l->host].nreal == 1)
				l->gpu = gpu_by_index(s, l->host, 0);
			else
				l->gpu = gpu_find(s, l->host, G_UNKNOWN, NULL);
			if (l->gpu < 0)
				l->gpu = gpu_add(s, l->host, l->lo == 0 ||
				    s->host[l->host].nreal == 0 ? G_CPU :
				    G_UNKNOWN, "", "", 0);
		}
		g = &s->gpu[l->gpu];
		if (!l->inwin)
			continue;
		g->loads++;
		g->failed += l->outcome == 1;
		g->oom += l->oom;
	}
}

/* ---- host events ------------------------------------------------------ */

static int
cmp_hev(const void *a, const void *b)
{
	const struct hev *x = a, *y = b;

	if (x->host != y->host)
		return x->host < y->host ? -1 : 1;
	return x->t < y->t ? -1 : x->t > y->t;
}

static void
hev_add(struct hev **v, size_t *n, size_t *cap, int host, double t,
    const char *model)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 32;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[*n].host = host;
	(*v)[*n].model = model ? xstrdup(model) : NULL;
	(*v)[(*n)++].t = t;
}

/* index of the first event of host after t (n when none) */
static size_t
hev_first(const struct hev *v, size_t n, int host, double t)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (v[mid].host < host || (v[mid].host == host && v[mid].t <= t))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* first event of host after t, or NAN */
static double
hev_next(const struct hev *v, size_t n, int host, double t)
{
	size_t lo = hev_first(v, n, host, t);

	return lo < n && v[lo].host == host ? v[lo].t : NAN;
}

static int
read_host_events(struct cap_state *s)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (db_prepare(s->db, "SELECT source_id, ts FROM main.runners WHERE kind ="
	    " 'listening' AND ts IS NOT NULL", &st, s->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		double t = iso_secs(sqlite3_column_text(st, 1));

		if (!isnan(t))
			hev_add(&s->starts, &s->nstarts, &s->capstarts,
			    host_of_source(s, sqlite3_column_int64(st, 0)), t,
			    NULL);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, s->err, "server starts");
	if (db_prepare(s->db, "SELECT source_id, ts, COALESCE(model, '') FROM"
	    " main.vram_timeouts WHERE ts IS NOT NULL", &st, s->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		double t = iso_secs(sqlite3_column_text(st, 1));

		if (!isnan(t))
			hev_add(&s->vto, &s->nvto, &s->capvto,
			    host_of_source(s, sqlite3_column_int64(st, 0)), t,
			    ctext(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, s->err, "vram timeouts");
	if (s->nstarts)
		qsort(s->starts, s->nstarts, sizeof *s->starts, cmp_hev);
	if (s->nvto)
		qsort(s->vto, s->nvto, sizeof *s->vto, cmp_hev);
	return 0;
}

/* ---- residency -------------------------------------------------------- */

/* loads by lane, then start, then id */
static int
cmp_lane_load(const void *a, const void *b)
{
	const struct load *x = *(const struct load *const *)a;
	const struct load *y = *(const struct load *const *)b;

	if (x->gpu != y->gpu)
		return x->gpu < y->gpu ? -1 : 1;
	if (x->t0 != y->t0)
		return x->t0 < y->t0 ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void
build_residency(struct cap_state *s)
{
	struct cap_residency *r = &s->res;
	struct load **v = xcalloc(s->nload + 1, sizeof *v);
	size_t i, k, n = 0, cap = 0, capm = 0;
	int g;

	for (i = 0; i < s->nload; i++)
		if (!isnan(s->load[i].t0) && s->load[i].gpu >= 0)
			v[n++] = &s->load[i];
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_lane_load);
	r->nlanes = s->ngpu;
	r->lanes = xcalloc((size_t)s->ngpu + 1, sizeof *r->lanes);
	r->lane_host = xcalloc((size_t)s->ngpu + 1, sizeof *r->lane_host);
	for (g = 0; g < s->ngpu; g++) {
		r->lanes[g] = xstrdup(s->gpu[g].label);
		r->lane_host[g] = s->gpu[g].host;
	}
	for (i = 0; i < n; i++) {
		struct load *l = v[i];
		double end = s->host[l->host].end, t;
		const char *why = "end of log";

		if (l->outcome == 1) {
			struct buf b = BUF_INIT;

			if (!l->inwin)
				continue;
			if (r->nmark == capm) {
				capm = capm ? 2 * capm : 32;
				r->mark = xreallocarray(r->mark, capm,
				    sizeof *r->mark);
			}
			buf_printf(&b, "%s: failed%s%s", l->model,
			    *l->cause ? ", " : "", l->cause);
			r->mark[r->nmark].lane = l->gpu;
			r->mark[r->nmark].t = isnan(l->t1) ? l->t0 : l->t1;
			r->mark[r->nmark++].what = xstrdup(buf_str(&b));
			buf_free(&b);
			continue;
		}
		if (l->outcome != 0)
			continue;
		if (isnan(end) || end < l->t0)
			end = isnan(l->t1) ? l->t0 : l->t1;
		if (i + 1 < n && v[i + 1]->gpu == l->gpu && v[i + 1]->t0 < end) {
			end = v[i + 1]->t0;
			why = "next load";
		}
		t = hev_next(s->starts, s->nstarts, l->host, l->t0);
		if (!isnan(t) && t < end) {
			end = t;
			why = "server restart";
		}
		/* "gpu VRAM usage didn't recover" names the model that was
		 * unloaded: the first for this model ends it */
		for (k = hev_first(s->vto, s->nvto, l->host, l->t0);
		    k < s->nvto && s->vto[k].host == l->host &&
		    s->vto[k].t < end; k++)
			if (*l->mpath && s->vto[k].model &&
			    strcmp(s->vto[k].model, l->mpath) == 0) {
				end = s->vto[k].t;
				why = "unloaded (VRAM timeout logged)";
				break;
			}
		/* the window: spans outside it left out, the rest clipped */
		if ((s->until && l->t0 >= s->until_t) ||
		    (s->since && end < s->since_t))
			continue;
		if (s->until && end > s->until_t)
			end = s->until_t;
		if (r->nspan == cap) {
			cap = cap ? 2 * cap : 64;
			r->span = xreallocarray(r->span, cap, sizeof *r->span);
		}
		r->span[r->nspan].lane = l->gpu;
		r->span[r->nspan].model = l->model;	/* pooled */
		r->span[r->nspan].t0 = s->since && l->t0 < s->since_t ?
		    s->since_t : l->t0;
		r->span[r->nspan].t1 = end;
		r->span[r->nspan++].why = why;
	}
	free(v);
}

void
capacity_residency_free(struct cap_residency *r)
{
	size_t i;
	int j;

	for (j = 0; j < r->nlanes; j++)
		free(r->lanes[j]);
	free(r->lanes);
	free(r->lane_host);
	free(r->span);	/* span models: in the pool */
	for (i = 0; i < r->nmark; i++)
		free(r->mark[i].what);
	free(r->mark);
	for (i = 0; i < r->npool; i++)
		free(r->pool[i]);
	free(r->pool);
	memset(r, 0, sizeof *r);
}

/* ---- requests --------------------------------------------------------- */

static int
model_endpoint(const char *p)
{
	static const char *const eps[] = { "/api/generate", "/api/chat",
	    "/api/embed", "/api/embeddings", "/v1/chat/completions",
	    "/v1/completions", "/v1/embeddings" };
	size_t i;

	for (i = 0; i < sizeof eps / sizeof eps[0]; i++)
		if (strcmp(p, eps[i]) == 0)
			return 1;
	return 0;
}


static int
cmp_span(const void *a, const void *b)
{
	const struct cap_span *x = a, *y = b;

	if (x->lane != y->lane)
		return x->lane < y->lane ? -1 : 1;
	return x->t0 < y->t0 ? -1 : x->t0 > y->t0;
}

/* The residency spans by lane, in time order, for request attribution. */
static void
index_lanes(struct cap_state *s)
{
	struct cap_residency *r = &s->res;
	size_t i = 0;
	int l;

	if (r->nspan > 1)
		qsort(r->span, r->nspan, sizeof *r->span, cmp_span);
	s->lane_first = xcalloc((size_t)r->nlanes + 1, sizeof *s->lane_first);
	for (l = 0; l <= r->nlanes; l++) {
		while (i < r->nspan && r->span[i].lane < l)
			i++;
		s->lane_first[l] = i;
	}
}

/*
 * A model request goes to the one model resident on its host then: the
 * model, or NULL when none or several were (spans on a lane do not
 * overlap: one binary search per lane of the host).
 */
static const char *
attribute(const struct cap_state *s, int host, double t)
{
	const struct cap_residency *r = &s->res;
	const char *one = NULL;
	int l;

	for (l = 0; l < r->nlanes; l++) {
		size_t lo = s->lane_first[l], hi = s->lane_first[l + 1];

		if (r->lane_host[l] != host)
			continue;
		while (lo < hi) {         /* the last span starting at or before t */
			size_t mid = lo + (hi - lo) / 2;

			if (r->span[mid].t0 <= t)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == s->lane_first[l] || r->span[lo - 1].t1 < t)
			continue;
		if (one == NULL)
			one = r->span[lo - 1].model;
		else if (strcmp(one, r->span[lo - 1].model) != 0)
			return NULL;
	}
	return one;
}

/* ---- the five tables -------------------------------------------------- */

static int
cmp_gpu_label(const void *a, const void *b, void *ctx);

static struct cap_state *sort_state;

static int
cmp_gpu_order(const void *a, const void *b)
{
	return cmp_gpu_label(a, b, sort_state);
}

static int
cmp_gpu_label(const void *a, const void *b, void *ctx)
{
	const struct cap_state *s = ctx;
	const struct gpu *x = &s->gpu[*(const int *)a];
	const struct gpu *y = &s->gpu[*(const int *)b];
	int c = strcmp(s->host[x->host].name, s->host[y->host].name);

	if (c)
		return c;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->idx != y->idx)
		return x->idx < y->idx ? -1 : 1;
	return strcmp(x->label, y->label);
}

static int *
gpu_order(struct cap_state *s)
{
	int *o = xcalloc((size_t)s->ngpu + 1, sizeof *o), i;

	for (i = 0; i < s->ngpu; i++)
		o[i] = i;
	sort_state = s;
	if (s->ngpu > 1)
		qsort(o, (size_t)s->ngpu, sizeof *o, cmp_gpu_order);
	sort_state = NULL;
	return o;
}

static void
table_gpus(struct cap_state *s, struct capacity *c)
{
	static const char *const cols[] = { "GPU", "GPU model", "VRAM total",
	    "Peak VRAM in use", "Peak at (UTC)", "Headroom at peak", "Loads",
	    "Failed loads", "OOM loads" };
	struct cap_table *t = &c->t[CAP_GPUS];
	int *o = gpu_order(s), i;
	char a[64];

	tab_init(t, "gpus", "Per host and GPU",
	    "Which GPUs are there, how full did they get, and what ran on "
	    "them?", 9, cols);
	for (i = 0; i < s->ngpu; i++) {
		const struct gpu *g = &s->gpu[o[i]];
		size_t r;

		if (g->kind != G_REAL && g->loads == 0)
			continue;
		r = tab_add(t);
		tab_set(t, r, 0, "%s", g->label);
		tab_set(t, r, 1, "%s", g->model);
		if (g->total > 0) {
			report_bytes(a, sizeof a, g->total, 0);
			tab_set(t, r, 2, "%s", a);
		}
		if (g->peak >= 0) {
			report_bytes(a, sizeof a, g->peak, 0);
			tab_set(t, r, 3, "%s", a);
			tab_set(t, r, 4, "%s", g->peak_ts);
			if (g->total > 0) {
				report_bytes(a, sizeof a, g->total - g->peak, 0);
				tab_set(t, r, 5, "%s", a);
			}
		} else if (g->kind == G_REAL)
			tab_set(t, r, 3, "no reading");
		tab_set(t, r, 6, "%ld", g->loads);
		tab_set(t, r, 7, "%ld", g->failed);
		tab_set(t, r, 8, "%ld", g->oom);
	}
	free(o);
	t->note = xstrdup("Peak VRAM in use: the largest total minus free"
	    " memory Ollama logged for the GPU (\"updated VRAM\", \"gpu"
	    " memory\", the inventory at start); headroom = total - peak."
	    " A load counts on the GPU holding most of its layers; failed"
	    " and OOM count loads that failed (out of memory).");
	tab_finish(t);
}

struct fitcell {
	const char *model;
	int         col;
	long long   ctx;
	long        n, failed, oom, unknown;
	int         lo, lt;    /* worst placement seen at this ctx */
};

static int
cmp_fit(const void *a, const void *b)
{
	const struct fitcell *x = a, *y = b;
	int c = strcmp(x->model, y->model);

	if (c)
		return c;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->ctx < y->ctx ? -1 : x->ctx > y->ctx;
}

static void
fit_text(struct buf *b, const struct fitcell *f)
{
	if (f->lt > 0 && f->lo >= 0)
		buf_printf(b, "%s %d/%d", f->lo >= f->lt ? "full" : f->lo == 0 ?
		    "not at all" : "partly", f->lo, f->lt);
	else if (f->oom)
		buf_puts(b, "OOM");
	else if (f->failed == f->n)
		buf_puts(b, "failed");
	else
		buf_puts(b, "layers not logged");
	if (f->ctx >= 0)
		buf_printf(b, " @%lld", f->ctx);
	if (f->n > 1)
		buf_printf(b, " \xc3\x97%ld", f->n);
	if (f->oom && f->lt > 0 && f->lo >= 0)
		buf_printf(b, " (%ld OOM)", f->oom);
	else if (f->failed && !f->oom && f->lt > 0 && f->lo >= 0)
		buf_printf(b, " (%ld failed)", f->failed);
}

static void
table_fit(struct cap_state *s, struct capacity *c)
{
	struct cap_table *t = &c->t[CAP_FIT];
	char **colname = NULL, **models = NULL, a[64];
	int ncol = 0, i, j, *o = gpu_order(s);
	size_t nmodel = 0, nf = 0, k, r;
	struct fitcell *f = xcalloc(s->nload + 1, sizeof *f);
	const char **hdr;

	/* columns: GPU models, in the per-GPU order */
	for (i = 0; i < s->ngpu; i++) {
		struct gpu *g = &s->gpu[o[i]];
		char name[160];

		if (g->kind == G_REAL && g->total > 0) {
			report_bytes(a, sizeof a, g->total, 0);
			snprintf(name, sizeof name, "%s (%s)", g->model, a);
		} else
			snprintf(name, sizeof name, "%s", g->model);
		for (j = 0; j < ncol; j++)
			if (strcmp(colname[j], name) == 0)
				break;
		if (j == ncol) {
			if (g->kind != G_REAL && g->loads == 0) {
				g->fitcol = -1;
				continue;
			}
			colname = xreallocarray(colname, (size_t)ncol + 1,
			    sizeof *colname);
			colname[ncol++] = xstrdup(name);
		}
		g->fitcol = j;
	}
	free(o);
	/* the busiest GPU models first (then the per-GPU order) */
	{
		long *n = xcalloc((size_t)ncol + 1, sizeof *n);
		int *perm = xcalloc((size_t)ncol + 1, sizeof *perm);
		int *pos = xcalloc((size_t)ncol + 1, sizeof *pos);
		char **cn = xcalloc((size_t)ncol + 1, sizeof *cn);
		int a, b2;

		for (k = 0; k < s->nload; k++)
			if (s->load[k].inwin && s->load[k].gpu >= 0 &&
			    s->gpu[s->load[k].gpu].fitcol >= 0)
				n[s->gpu[s->load[k].gpu].fitcol]++;
		for (j = 0; j < ncol; j++)
			perm[j] = j;
		for (a = 1; a < ncol; a++)         /* stable insertion sort */
			for (b2 = a; b2 > 0 && n[perm[b2]] > n[perm[b2 - 1]];
			    b2--) {
				int tmp = perm[b2];

				perm[b2] = perm[b2 - 1];
				perm[b2 - 1] = tmp;
			}
		for (j = 0; j < ncol; j++) {
			pos[perm[j]] = j;
			cn[j] = colname[perm[j]];
		}
		for (j = 0; j < ncol; j++)
			colname[j] = cn[j];
		for (i = 0; i < s->ngpu; i++)
			if (s->gpu[i].fitcol >= 0)
				s->gpu[i].fitcol = pos[s->gpu[i].fitcol];
		free(n);
		free(perm);
		free(pos);
		free(cn);
	}
	/* one entry per load, then merged per model, column and ctx */
	for (k = 0; k < s->nload; k++) {
		const struct load *l = &s->load[k];

		if (l->gpu < 0 || s->gpu[l->gpu].fitcol < 0 || !l->inwin)
			continue;
		f[nf].model = l->model;
		f[nf].col = s->gpu[l->gpu].fitcol;
		f[nf].ctx = l->ctx;
		f[nf].n = 1;
		f[nf].failed = l->outcome == 1;
		f[nf].oom = l->oom;
		f[nf].lo = l->lt > 0 ? l->lo : -1;
		f[nf].lt = l->lt > 0 ? l->lt : -1;
		f[nf].unknown = f[nf].lo < 0;
		nf++;
	}
	if (nf)
		qsort(f, nf, sizeof *f, cmp_fit);
	for (k = 0, r = 0; k < nf; k++) {
		if (r > 0 && cmp_fit(&f[r - 1], &f[k]) == 0) {
			struct fitcell *p = &f[r - 1];

			p->n++;
			p->failed += f[k].failed;
			p->oom += f[k].oom;
			p->unknown += f[k].unknown;
			if (f[k].lo >= 0 && (p->lo < 0 ||
			    (double)f[k].lo / f[k].lt < (double)p->lo / p->lt)) {
				p->lo = f[k].lo;
				p->lt = f[k].lt;
			}
			continue;
		}
		f[r++] = f[k];
	}
	nf = r;
	hdr = xcalloc((size_t)ncol + 1, sizeof *hdr);
	hdr[0] = "Model";
	for (j = 0; j < ncol; j++)
		hdr[j + 1] = colname[j];
	tab_init(t, "fit", "Model \xc3\x97 GPU fit",
	    "Which models fit on which GPUs, at which context size?",
	    ncol + 1, hdr);
	free(hdr);
	for (k = 0; k < nf; k++)
		if (nmodel == 0 || strcmp(models[nmodel - 1], f[k].model)) {
			models = xreallocarray(models, nmodel + 1,
			    sizeof *models);
			models[nmodel++] = (char *)f[k].model;
		}
	for (k = 0, i = 0; (size_t)i < nmodel; i++) {
		r = tab_add(t);
		tab_set(t, r, 0, "%s", models[i]);
		for (j = 0; j < ncol; j++) {
			struct buf b = BUF_INIT;
			int shown = 0, more = 0;

			while (k < nf && strcmp(f[k].model, models[i]) == 0 &&
			    f[k].col == j) {
				if (shown < FIT_CTX_MAX) {
					if (shown++)
						buf_puts(&b, "; ");
					fit_text(&b, &f[k]);
				} else
					more++;
				k++;
			}
			if (more)
				buf_printf(&b, "; +%d more context sizes", more);
			tab_set(t, r, j + 1, "%s", b.len ? buf_str(&b) :
			    "not seen");
			buf_free(&b);
		}
	}
	for (j = 0; j < ncol; j++)
		free(colname[j]);
	free(colname);
	free(models);
	free(f);
	t->note = xstrdup("Where Ollama put the model's layers when it"
	    " loaded it on that GPU model, per context size (@ctx): full ="
	    " every layer on the GPU, partly n/m = n of m layers, the rest on"
	    " the CPU, not at all = 0 layers on the GPU; the worst placement"
	    " seen at that ctx, \xc3\x97n loads. From the load's own facts"
	    " (layers offloaded / total), else Ollama's estimate (\"offload"
	    " to\"); OOM = failed out of memory before placing layers; not"
	    " seen = no load of that model on that GPU model. Models: those"
	    " loaded in the report's window.");
	tab_finish(t);
}

static void
signed_change(struct buf *b, long now, long prev, int have_prev)
{
	buf_printf(b, "%ld", now);
	if (have_prev)
		buf_printf(b, " (%+ld)", now - prev);
}

static void
table_weeks(struct cap_state *s, struct capacity *c)
{
	static const char *const cols[] = { "Week", "Loads", "Failed", "OOM",
	    "Load time p50", "Load time p95", "n timed", "Requests", "5xx",
	    "Server starts", "Restarts", "Crashes", "Peak VRAM per GPU" };
	struct cap_table *t = &c->t[CAP_WEEKS];
	struct buf b = BUF_INIT;
	size_t i, k, r;
	double pp50 = NAN, pp95 = NAN;
	char a[64], w[64];

	tab_init(t, "weeks", "Week over week",
	    "How did this week compare with the ones before?", 13, cols);
	for (i = 0; i < s->nweek; i++) {
		struct week *wk = &s->week[i], *pv = i ? &s->week[i - 1] : NULL;
		int hp = pv != NULL && pv->key == (i ? s->week[i - 1].key : 0);
		long long peaks[WEEK_GPUS];
		int gidx[WEEK_GPUS], ng = 0, more = 0, j;

		r = tab_add(t);
		week_label(wk->key, w, sizeof w);
		tab_set(t, r, 0, "%s", w);
#define CHG(col, f) do { buf_reset(&b); signed_change(&b, wk->f, \
	    pv ? pv->f : 0, hp); tab_set(t, r, col, "%s", buf_str(&b)); } while (0)
		CHG(1, loads);
		CHG(2, failed);
		CHG(3, oom);
		if (wk->nsecs) {
			double p50, p95;

			qsort(wk->secs, wk->nsecs, sizeof *wk->secs, analyze_cmp_double);
			p50 = analyze_percentile(wk->secs, wk->nsecs, 50);
			p95 = analyze_percentile(wk->secs, wk->nsecs, 95);
			report_secs(a, sizeof a, p50);
			buf_reset(&b);
			buf_puts(&b, a);
			if (!isnan(pp50))
				buf_printf(&b, " (%+.1f s)", p50 - pp50);
			tab_set(t, r, 4, "%s", buf_str(&b));
			report_secs(a, sizeof a, p95);
			buf_reset(&b);
			buf_puts(&b, a);
			if (wk->nsecs < 20 && !isnan(pp95))
				buf_printf(&b, " (max; %+.1f s)", p95 - pp95);
			else if (wk->nsecs < 20)
				buf_puts(&b, " (max)");
			else if (!isnan(pp95))
				buf_printf(&b, " (%+.1f s)", p95 - pp95);
			tab_set(t, r, 5, "%s", buf_str(&b));
			pp50 = p50;
			pp95 = p95;
		} else
			pp50 = pp95 = NAN;
		tab_set(t, r, 6, "%zu", wk->nsecs);
		/* the fullest GPUs of the week */
		for (k = 0; k < s->nwp; k++) {
			const struct wpeak *p = &s->wp[k];
			int at = -1;

			if (p->week != wk->key)
				continue;
			for (j = 0; j < ng; j++)
				if (gidx[j] == p->gpu)
					at = j;
			if (at >= 0) {
				if (p->peak > peaks[at])
					peaks[at] = p->peak;
				continue;
			}
			if (ng < WEEK_GPUS) {
				gidx[ng] = p->gpu;
				peaks[ng++] = p->peak;
			} else
				more++;
		}
		buf_reset(&b);
		for (j = 0; j < ng; j++) {
			const struct gpu *g = &s->gpu[gidx[j]];

			report_bytes(a, sizeof a, peaks[j], 0);
			buf_printf(&b, "%s%s %s", j ? "; " : "", g->label, a);
			if (g->total > 0)
				buf_printf(&b, " (%.0f%%)", 100.0 *
				    (double)peaks[j] / (double)g->total);
		}
		if (more)
			buf_printf(&b, "; +%d more GPUs", more);
		/* last: the widest cell */
		tab_set(t, r, 12, "%s", buf_str(&b));
		CHG(7, reqs);
		CHG(8, r5xx);
		CHG(9, starts);
		CHG(10, restarts);
		CHG(11, crashes);
#undef CHG
	}
	buf_free(&b);
	t->note = xstrdup("ISO weeks (Monday to Sunday, UTC), by a load's"
	    " start. In brackets: the change from the week before (the"
	    " previous row). Load time: Ollama's \"started in\" seconds of"
	    " the loads that reported one (n timed), nearest-rank p50 and"
	    " p95; with fewer than 20 the p95 is the maximum (max). Peak"
	    " VRAM per GPU: the largest total - free logged that week, and"
	    " its share of the total. Server starts: \"Listening on\" lines;"
	    " restarts: starts after an earlier one on the same host;"
	    " crashes: Go panics.");
	tab_finish(t);
}

/* One day and endpoint of the requests table. */
struct rsum {
	char        day[11];
	char       *path;
	size_t      n, nl, n4, n5, nm, na, best;
	double      p50, p95, p99;
	const char *top;
};

static int
cmp_rsum(const void *a, const void *b)
{
	const struct rsum *x = a, *y = b;
	int c = strcmp(x->day, y->day);

	if (c)
		return -c;                    /* latest day first */
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;  /* busiest first */
	return strcmp(x->path, y->path);
}

/*
 * The requests, streamed by day, endpoint and latency (memory: one
 * group's latencies), counted per week and attributed on the way.
 */
static const char requests_sql[] =
    "SELECT source_id, ts, substr(ts, 1, 10) AS day, CASE WHEN"
    " instr(coalesce(path, ''), '?') > 0 THEN substr(path, 1, instr(path,"
    " '?') - 1) ELSE coalesce(path, '') END AS p, status, latency_s"
    " FROM requests WHERE ts IS NOT NULL"
    " ORDER BY day, p, latency_s IS NULL, latency_s";

static int
stream_requests(struct cap_state *s, struct capacity *c, struct rsum **out,
    size_t *nout)
{
	sqlite3_stmt *st;
	struct rsum *g = NULL;
	double *lat = NULL;
	size_t caplat = 0, cap = 0, ng = 0, k;
	const char **names = NULL;
	size_t *counts = NULL, nnames = 0, capnames = 0;
	char wday[11] = "";	/* the day of wkey, its ISO week */
	int rc, wkey = 0;

	if (db_prepare(s->db, requests_sql, &st, s->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *day = ctext(st, 2), *path = ctext(st, 3);
		double t = iso_secs(sqlite3_column_text(st, 1));
		int status = sqlite3_column_int(st, 4), model_ep;
		const char *attr = NULL;
		struct rsum *cur;
		struct week *w;

		if (isnan(t))
			continue;
		if (ng == 0 || strcmp(g[ng - 1].day, day) != 0 ||
		    strcmp(g[ng - 1].path, path) != 0) {
			if (ng == cap) {
				cap = cap ? 2 * cap : 64;
				g = xreallocarray(g, cap, sizeof *g);
			}
			cur = &g[ng++];
			memset(cur, 0, sizeof *cur);
			snprintf(cur->day, sizeof cur->day, "%.10s", day);
			cur->path = xstrdup(path);
			nnames = 0;
		}
		cur = &g[ng - 1];
		cur->n++;
		cur->n4 += status >= 400 && status < 500;
		cur->n5 += status >= 500;
		if (sqlite3_column_type(st, 5) != SQLITE_NULL) {
			if (cur->nl == caplat) {
				caplat = caplat ? 2 * caplat : 256;
				lat = xreallocarray(lat, caplat, sizeof *lat);
			}
			lat[cur->nl++] = sqlite3_column_double(st, 5);
		}
		if (strcmp(wday, day) != 0) {	/* rows come by day */
			snprintf(wday, sizeof wday, "%.10s", day);
			wkey = iso_week(day);
		}
		w = week_get(s, wkey);
		w->reqs++;
		w->r5xx += status >= 500;
		if ((model_ep = model_endpoint(path)) != 0) {
			cur->nm++;
			c->req_model++;
			attr = attribute(s, host_of_source(s,
			    sqlite3_column_int64(st, 0)), t);
		}
		if (attr != NULL) {
			cur->na++;
			c->req_attributed++;
			for (k = 0; k < nnames && strcmp(names[k], attr); k++)
				;
			if (k == nnames) {
				if (nnames == capnames) {
					capnames = capnames ? 2 * capnames : 8;
					names = xreallocarray(names, capnames,
					    sizeof *names);
					counts = xreallocarray(counts, capnames,
					    sizeof *counts);
				}
				names[nnames] = attr;
				counts[nnames++] = 0;
			}
			if (++counts[k] > cur->best) {
				cur->best = counts[k];
				cur->top = names[k];
			}
		}
		/* the group's latencies are in order: its percentiles once
		 * it is whole (the next row starts another, or the end) */
		if (cur->nl > 0) {
			cur->p50 = analyze_percentile(lat, cur->nl, 50);
			cur->p95 = analyze_percentile(lat, cur->nl, 95);
			cur->p99 = analyze_percentile(lat, cur->nl, 99);
		}
	}
	sqlite3_finalize(st);
	free(lat);
	free(names);
	free(counts);
	*out = g;
	*nout = ng;
	return rc == SQLITE_DONE ? 0 : db_fail(s->db, s->err, "requests");
}

static int
table_requests(struct cap_state *s, struct capacity *c)
{
	static const char *const cols[] = { "Day (UTC)", "Endpoint",
	    "Requests", "Latency p50", "p95", "p99", "4xx", "5xx",
	    "Attributed to a model", "Top model" };
	struct cap_table *t = &c->t[CAP_REQUESTS];
	struct rsum *g = NULL;
	size_t ng = 0, i, r;
	char a[64];

	tab_init(t, "requests", "Requests per day and endpoint",
	    "How busy were the servers, how fast did they answer, and "
	    "which models served the requests?", 10, cols);
	if (stream_requests(s, c, &g, &ng) != 0)
		return -1;
	if (ng > 1)
		qsort(g, ng, sizeof *g, cmp_rsum);
	for (i = 0; i < ng; i++) {
		r = tab_add(t);
		tab_set(t, r, 0, "%s", g[i].day);
		tab_set(t, r, 1, "%s", g[i].path);
		tab_set(t, r, 2, "%zu", g[i].n);
		if (g[i].nl) {
			fmt_secs(a, sizeof a, g[i].p50);
			tab_set(t, r, 3, "%s", a);
			fmt_secs(a, sizeof a, g[i].p95);
			tab_set(t, r, 4, "%s%s", a, g[i].nl < 20 ? " (max)" : "");
			fmt_secs(a, sizeof a, g[i].p99);
			tab_set(t, r, 5, "%s%s", a, g[i].nl < 100 ? " (max)" :
			    "");
		}
		tab_set(t, r, 6, "%zu", g[i].n4);
		tab_set(t, r, 7, "%zu", g[i].n5);
		if (g[i].nm)
			tab_set(t, r, 8, "%zu of %zu (%.0f%%)", g[i].na, g[i].nm,
			    100.0 * (double)g[i].na / (double)g[i].nm);
		if (g[i].top)
			tab_set(t, r, 9, "%s (%zu)", g[i].top, g[i].best);
	}
	for (i = 0; i < ng; i++)
		free(g[i].path);
	free(g);
	{
		struct buf b = BUF_INIT;

		buf_printf(&b, "Gin access lines, by the day they were logged"
		    " (UTC) and path (query removed); latency nearest-rank"
		    " (p95 of fewer than 20, p99 of fewer than 100 requests is"
		    " the maximum: max). Generate, chat and embed requests"
		    " (/api/generate, /api/chat, /api/embed, /api/embeddings,"
		    " /v1/chat/completions, /v1/completions, /v1/embeddings)"
		    " are attributed to a model when exactly one model was"
		    " resident on the host when the request was logged (from a"
		    " load's start to the next load on that GPU, a server"
		    " restart, a VRAM-recovery timeout or the end of the log):"
		    " %ld of %ld", c->req_attributed, c->req_model);
		if (c->req_model)
			buf_printf(&b, " (%.0f%%)", 100.0 *
			    (double)c->req_attributed / (double)c->req_model);
		buf_puts(&b, ". Ollama logs no unload time at INFO level: a"
		    " model that expired earlier counts as resident until one"
		    " of those.");
		t->note = xstrdup(buf_str(&b));
		buf_free(&b);
	}
	tab_finish(t);
	return 0;
}

struct sev {
	int         host;
	double      t;
	int         crash;
	char        ts[32];
	char        iso[32];  /* ts as stored */
	char       *text;   /* version or error */
};

static int
cmp_sev(const void *a, const void *b)
{
	const struct sev *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	if (x->host != y->host)
		return x->host < y->host ? -1 : 1;
	return x->crash - y->crash;
}

static int
table_service(struct cap_state *s, struct capacity *c)
{
	static const char *const cols[] = { "Time (UTC)", "Host", "Event",
	    "Version", "Detail" };
	static const char *const sql[2] = {
	    "SELECT source_id, ts, COALESCE(version, '') FROM main.runners WHERE"
	    " kind = 'listening' AND ts IS NOT NULL",
	    "SELECT source_id, ts, COALESCE(error, '') FROM main.failures WHERE"
	    " kind = 'panic' AND ts IS NOT NULL" };
	struct cap_table *t = &c->t[CAP_SERVICE];
	struct sev *e = NULL;
	size_t ne = 0, cap = 0, i, r;
	char **ver = xcalloc((size_t)s->nhost + 1, sizeof *ver);
	int *crashed = xcalloc((size_t)s->nhost + 1, sizeof *crashed);
	int *started = xcalloc((size_t)s->nhost + 1, sizeof *started);
	int q, rc = 0;

	tab_init(t, "service", "Service timeline",
	    "When did the servers start, restart and crash?", 5, cols);
	for (q = 0; q < 2 && rc == 0; q++) {
		sqlite3_stmt *st = NULL;

		if (db_prepare(s->db, sql[q], &st, s->err) != 0) {
			rc = -1;
			break;
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			double tt = iso_secs(sqlite3_column_text(st, 1));

			if (isnan(tt))
				continue;
			if (ne == cap) {
				cap = cap ? 2 * cap : 32;
				e = xreallocarray(e, cap, sizeof *e);
			}
			e[ne].host = host_of_source(s,
			    sqlite3_column_int64(st, 0));
			e[ne].t = tt;
			e[ne].crash = q;
			snprintf(e[ne].ts, sizeof e[ne].ts, "%.19s",
			    ctext(st, 1));
			snprintf(e[ne].iso, sizeof e[ne].iso, "%s",
			    ctext(st, 1));
			if (e[ne].ts[10] == 'T')
				e[ne].ts[10] = ' ';
			e[ne++].text = xstrndup(ctext(st, 2),
			    strnlen(ctext(st, 2), 160));
		}
		sqlite3_finalize(st);
		rc = rc == SQLITE_DONE ? 0 : db_fail(s->db, s->err,
		    "service events");
	}
	if (ne)
		qsort(e, ne, sizeof *e, cmp_sev);
	for (i = 0; rc == 0 && i < ne; i++) {
		int h = e[i].host;
		struct week dummy, *wk = &dummy;
		/* every event sets the state; the window's are shown */
		int show = in_window(s, e[i].iso);

		memset(&dummy, 0, sizeof dummy);
		if (show)
			wk = week_get(s, iso_week(e[i].ts));
		r = show ? tab_add(t) : (size_t)-1;
		if (!show) {
			if (e[i].crash)
				crashed[h] = 1;
			else {
				started[h] = 1;
				crashed[h] = 0;
				if (*e[i].text) {
					free(ver[h]);
					ver[h] = xstrdup(e[i].text);
				}
			}
			continue;
		}
		tab_set(t, r, 0, "%s", e[i].ts);
		tab_set(t, r, 1, "%s", s->host[h].disp);
		if (e[i].crash) {
			tab_set(t, r, 2, "crash (Go panic)");
			tab_set(t, r, 4, "%s", e[i].text);
			crashed[h] = 1;
			wk->crashes++;
			continue;
		}
		wk->starts++;
		tab_set(t, r, 3, "%s", e[i].text);
		if (!started[h])
			tab_set(t, r, 2, "server start");
		else {
			wk->restarts++;
			tab_set(t, r, 2, "restart");
			tab_set(t, r, 4, "%s", crashed[h] ? "after a crash" :
			    "the previous process stopped (no crash logged)");
		}
		if (ver[h] && *e[i].text && strcmp(ver[h], e[i].text)) {
			char **p = &t->cell[r * (size_t)t->ncol + 4];
			struct buf b = BUF_INIT;

			buf_printf(&b, "%s%sversion was %s", *p ? *p : "",
			    *p ? "; " : "", ver[h]);
			tab_set(t, r, 4, "%s", buf_str(&b));
			buf_free(&b);
		}
		started[h] = 1;
		crashed[h] = 0;
		if (*e[i].text) {
			free(ver[h]);
			ver[h] = xstrdup(e[i].text);
		}
	}
	for (i = 0; i < ne; i++)
		free(e[i].text);
	free(e);
	for (q = 0; q < s->nhost; q++)
		free(ver[q]);
	free(ver);
	free(crashed);
	free(started);
	t->note = xstrdup("Server start: Ollama's \"Listening on ... (version"
	    " X)\" line; restart: a start after an earlier one on the same"
	    " host (the earlier process stopped: after a crash when a Go"
	    " panic was logged in between, else it stopped without a logged"
	    " crash); crash: a Go panic.");
	tab_finish(t);
	return rc;
}

/* ---- driver ----------------------------------------------------------- */

static void
state_free(struct cap_state *s)
{
	size_t i;
	int j;

	for (j = 0; j < s->nhost; j++) {
		free(s->host[j].name);
		free(s->host[j].disp);
	}
	free(s->host);
	for (j = 0; j < s->ngpu; j++) {
		free(s->gpu[j].gid);
		free(s->gpu[j].model);
		free(s->gpu[j].label);
	}
	free(s->gpu);
	free(s->load);	/* its texts: in s->res.pool */
	free(s->pool_ht);
	free(s->lane_first);
	for (i = 0; i < s->nweek; i++)
		free(s->week[i].secs);
	free(s->week);
	free(s->starts);
	for (i = 0; i < s->nvto; i++)
		free(s->vto[i].model);
	free(s->vto);
	free(s->wp);
	free(s->src_id);
	free(s->src_host);
	capacity_residency_free(&s->res);
}

static int
gather(struct cap_state *s)
{
	if (read_sources(s) != 0 ||
	    names_several_hosts(s->db, &s->several, s->err) != 0 ||
	    read_inventory(s) != 0 ||
	    read_vram(s) != 0 || read_loads(s) != 0 ||
	    read_host_events(s) != 0)
		return -1;
	place_loads(s);
	build_residency(s);
	return 0;
}

static void
state_init(struct cap_state *s, sqlite3 *db, const struct render_opts *o,
    struct olr_err *err)
{
	memset(s, 0, sizeof *s);
	s->db = db;
	s->err = err;
	if (o != NULL && o->since) {
		s->since = o->since;
		s->since_t = iso_secs((const unsigned char *)o->since);
	}
	if (o != NULL && o->until) {
		s->until = o->until;
		s->until_t = iso_secs((const unsigned char *)o->until);
	}
	if (isnan(s->since_t))
		s->since = NULL;
	if (isnan(s->until_t))
		s->until = NULL;
}

int
capacity_residency(sqlite3 *db, const struct render_opts *o,
    struct cap_residency *r, struct olr_err *err)
{
	struct cap_state s;
	int rc;

	memset(r, 0, sizeof *r);
	state_init(&s, db, o, err);
	rc = gather(&s);
	if (rc == 0) {
		*r = s.res;
		memset(&s.res, 0, sizeof s.res);
	}
	state_free(&s);
	return rc;
}

int
capacity_build(sqlite3 *db, const struct render_opts *o, struct capacity *c,
    struct olr_err *err)
{
	struct cap_state s;
	size_t i;
	int rc = -1;

	memset(c, 0, sizeof *c);
	state_init(&s, db, o, err);
	if (gather(&s) != 0)
		goto out;
	index_lanes(&s);
	/* per week: loads and requests */
	for (i = 0; i < s.nload; i++) {
		const struct load *l = &s.load[i];
		struct week *w;

		if (l->week == 0 || !l->inwin)
			continue;
		w = week_get(&s, l->week);
		w->loads++;
		w->failed += l->outcome == 1;
		w->oom += l->oom;
		if (!isnan(l->secs)) {
			if (w->nsecs == w->capsecs) {
				w->capsecs = w->capsecs ? 2 * w->capsecs : 16;
				w->secs = xreallocarray(w->secs, w->capsecs,
				    sizeof *w->secs);
			}
			w->secs[w->nsecs++] = l->secs;
		}
	}
	table_gpus(&s, c);
	table_fit(&s, c);
	if (table_requests(&s, c) != 0 || table_service(&s, c) != 0)
		goto out;
	/* drop the "week 0" of undated rows, if any */
	if (s.nweek && s.week[0].key == 0) {
		free(s.week[0].secs);
		memmove(&s.week[0], &s.week[1], (s.nweek - 1) *
		    sizeof *s.week);
		s.nweek--;
	}
	table_weeks(&s, c);
	rc = 0;
out:
	state_free(&s);
	if (rc != 0)
		capacity_free(c);
	return rc;
}

void
capacity_free(struct capacity *c)
{
	int i;

	for (i = 0; i < CAP_NTAB; i++)
		tab_free(&c->t[i]);
	memset(c, 0, sizeof *c);
}

void
capacity_tsv(const struct capacity *c, struct buf *out)
{
	int i, k;
	size_t r;

	for (i = 0; i < CAP_NTAB; i++) {
		const struct cap_table *t = &c->t[i];

		buf_printf(out, "## %s\n", t->key ? t->key : "");
		for (k = 0; k < t->ncol; k++)
			buf_printf(out, "%s%s", k ? "\t" : "", t->cols[k]);
		buf_putc(out, '\n');
		for (r = 0; r < t->nrows; r++) {
			for (k = 0; k < t->ncol; k++)
				buf_printf(out, "%s%s", k ? "\t" : "",
				    t->cell[r * (size_t)t->ncol + (size_t)k]);
			buf_putc(out, '\n');
		}
	}
	buf_printf(out, "## attribution\n%ld\t%ld\n", c->req_attributed,
	    c->req_model);
}

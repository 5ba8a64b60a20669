/*
 * capacity.h - the weekly capacity review, computed once from the
 * database (after render_apply_window) into the report model. Writers
 * (md.c, html.c, xlsx.c) only format it.
 *
 * Five answers, each a table of text cells:
 *   CAP_GPUS     per host and GPU: model, total VRAM, peak in use and
 *                when, headroom, loads, failed loads, OOM loads
 *   CAP_FIT      model x GPU model: where Ollama put the layers at load
 *                time, per context size ("not seen" when never loaded)
 *   CAP_WEEKS    per ISO week: loads, failed, OOM, load time p50/p95 with
 *                n, requests, 5xx, server starts, restarts, crashes, peak
 *                VRAM per GPU; changes from the previous week in brackets
 *   CAP_REQUESTS per UTC day and endpoint: count, p50/p95/p99 latency,
 *                4xx, 5xx, requests attributed to a resident model
 *   CAP_SERVICE  server starts, restarts and crashes, in time order
 *
 * Residency (which model was resident on which GPU when) is derived here
 * too, once, and used by the request attribution and the residency chart.
 * GPU names follow the VRAM chart: "host: RTX 3090 #0" (NVIDIA / GeForce
 * dropped, # = the GPU's place in its host's inventory, from 0).
 */
#ifndef OLR_CAPACITY_H
#define OLR_CAPACITY_H

#include <stddef.h>
#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "render.h"

enum cap_table_id {
	CAP_GPUS = 0,
	CAP_FIT,
	CAP_WEEKS,
	CAP_REQUESTS,
	CAP_SERVICE,
	CAP_NTAB
};

struct cap_table {
	const char *key;       /* "gpus", "fit", "weeks", "requests", "service" */
	const char *title;     /* "Per host and GPU" */
	const char *question;  /* what it answers, one line */
	char       *note;      /* definitions and caveats of this data, or NULL */
	int         ncol;
	char      **cols;      /* ncol header cells */
	size_t      nrows, cap;
	char      **cell;      /* nrows * ncol cells, never NULL ("" = empty) */
};

struct capacity {
	struct cap_table t[CAP_NTAB];
	long req_model;        /* generate/chat/embed requests */
	long req_attributed;   /* ... attributed to exactly one resident model */
};

/* One residency: a model resident on a lane from t0 to t1. */
struct cap_span {
	int    lane;
	char  *model;
	double t0, t1;         /* UTC seconds since the epoch */
	const char *why;       /* what ended it: "next load", "server restart",
	                        * "VRAM timeout (unload)", "end of log" */
};

/* A failed load, marked on its lane. */
struct cap_mark {
	int    lane;
	double t;
	char  *what;           /* "model: cause" */
};

struct cap_residency {
	char           **lanes;   /* "host: RTX 3090 #0", "host: CPU" */
	int              nlanes;
	int             *lane_host; /* host index of each lane */
	struct cap_span *span;
	size_t           nspan;
	struct cap_mark *mark;
	size_t           nmark;
	char           **pool;    /* the distinct texts spans and loads point
	                           * to (one copy of each model name) */
	size_t           npool, cappool;
};

/*
 * Build c from db for the window of o (o->since/o->until; o may be NULL):
 * counts, weeks, requests and service events of the window; residency
 * and server restarts from the whole database (a model loaded before the
 * window is resident in it; a start before it makes the first start in
 * it a restart). 0, or -1 with err set (c is then empty).
 */
int capacity_build(sqlite3 *db, const struct render_opts *o,
    struct capacity *c, struct olr_err *err);
void capacity_free(struct capacity *c);

/* Every table as tab-separated text ("## key" before each), for tests. */
void capacity_tsv(const struct capacity *c, struct buf *out);

/* The residency intervals alone (the residency chart), clipped to the
 * window of o (or NULL). 0 or -1. */
int capacity_residency(sqlite3 *db, const struct render_opts *o,
    struct cap_residency *r, struct olr_err *err);
void capacity_residency_free(struct cap_residency *r);

#endif

/*
 * chart.h - PNG charts drawn with cairo from the database.
 *
 * Each chart has an id, a file stem (report/charts/<stem>.png) and a
 * title. chart_series() gives the data a chart is drawn from as text, so
 * tests compare data, not PNG bytes.
 */
#ifndef OLR_CHART_H
#define OLR_CHART_H

#include <stddef.h>
#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "render.h"

enum chart_id {
	CHART_LOAD_TIMES,      /* load time of every load over time, by outcome */
	CHART_LOAD_TIME_DIST,  /* load time distribution per model */
	CHART_VRAM,            /* VRAM used and total over time, per GPU */
	CHART_SYSMEM,          /* system memory used and total over time */
	CHART_LAYERS,          /* layer placement per load (GPU vs CPU, per device) */
	CHART_EST_ACTUAL,      /* estimate vs actual memory per load */
	CHART_BPW_PARAMS,      /* BPW against parameter count per model */
	CHART_TIMELINE,        /* failures and VRAM-recovery timeouts on a timeline */
	CHART_RESIDENCY,       /* which model was resident on which GPU, when */
	CHART_COUNT
};

struct chart_info {
	enum chart_id id;
	const char   *stem;    /* "load-times" */
	const char   *title;   /* "Load time of every load" */
};

/* The table of charts, CHART_COUNT entries, in id order. */
const struct chart_info *chart_list(void);

/*
 * Draw chart id as PNG bytes appended to png. Returns 1 when drawn, 0 when
 * there is no data to draw (why then holds one line saying so, e.g. "no
 * load reported its load time"), -1 on error (err filled).
 */
int chart_render(sqlite3 *db, enum chart_id id, const struct render_opts *o,
    struct buf *png, char *why, size_t whylen, struct olr_err *err);

/* Every chart, rendered once for all the outputs that show it. */
struct chart_out {
	int        drawn;     /* 1 drawn, 0 nothing to draw (why says why) */
	char       why[256];
	struct buf png;       /* the PNG, with its title drawn in */
	struct buf svg;       /* inline SVG for the HTML report: no title (the
	                       * page captions it), a <title> per point and bar;
	                       * empty when the chart has more points than an
	                       * HTML page should hold (the page shows the PNG) */
};

/*
 * Render every chart once: out[id] (zeroed by the caller) gets its PNG
 * and, with want_svg, its SVG. 0, or -1 with err set.
 */
int chart_render_all(sqlite3 *db, const struct render_opts *o, int want_svg,
    struct chart_out out[CHART_COUNT], struct olr_err *err);
void chart_out_free(struct chart_out out[CHART_COUNT]);

/*
 * The series chart id is drawn from, as tab-separated text: one line per
 * point "series<TAB>x<TAB>y[<TAB>...]" after a header line, plus the axis
 * ranges and ticks chosen. Returns 0 (empty text when no data) or -1.
 */
int chart_series(sqlite3 *db, enum chart_id id, const struct render_opts *o,
    struct buf *out, struct olr_err *err);

#endif

/*
 * chart.c - PNG charts (placeholder: draws nothing yet).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "chart.h"

#include <stdio.h>

static const struct chart_info charts[CHART_COUNT] = {
	{ CHART_LOAD_TIMES, "load-times", "Load time of every load" },
	{ CHART_LOAD_TIME_DIST, "load-time-by-model", "Load time by model" },
	{ CHART_VRAM, "vram", "VRAM used and total, per GPU" },
	{ CHART_SYSMEM, "system-memory", "System memory used and total" },
	{ CHART_LAYERS, "layer-placement", "Layer placement per load" },
	{ CHART_EST_ACTUAL, "estimate-vs-actual", "Estimate vs actual memory" },
	{ CHART_BPW_PARAMS, "bpw-vs-params", "Bits per weight against parameters" },
	{ CHART_TIMELINE, "failures-timeline", "Failures and VRAM timeouts" },
};

const struct chart_info *
chart_list(void)
{
	return charts;
}

int
chart_render(sqlite3 *db, enum chart_id id, const struct render_opts *o,
    struct buf *png, char *why, size_t whylen, struct olr_err *err)
{
	(void)db; (void)id; (void)o; (void)png; (void)err;
	snprintf(why, whylen, "charts are not drawn yet");
	return 0;
}

int
chart_series(sqlite3 *db, enum chart_id id, const struct render_opts *o,
    struct buf *out, struct olr_err *err)
{
	(void)db; (void)id; (void)o; (void)out; (void)err;
	return 0;
}

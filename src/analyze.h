/*
 * analyze.h - the analysis tables the reports read: estimate vs actual,
 * the memory-release audit, alerts, and the per-model summary. They are
 * computed from `loads` and the category tables after reconstruction:
 * for the sources whose loads were rebuilt (or renamed), the others kept.
 */
#ifndef OLR_ANALYZE_H
#define OLR_ANALYZE_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "err.h"
#include "progress.h"

struct analyze_opts {
	double vram_alert_pct;    /* alert when VRAM used exceeds this % */
	double sysmem_alert_pct;  /* alert when system memory used exceeds */
};

#define ANALYZE_VRAM_ALERT_PCT   90.0
#define ANALYZE_SYSMEM_ALERT_PCT 85.0

/*
 * The analyses of the loads of sources scope[0 .. nscope) (scope NULL:
 * of every source), those of the other sources kept; model_summary is
 * made again for all.
 */
int analyze_run(sqlite3 *db, const struct analyze_opts *opts,
    const int64_t *scope, size_t nscope, const struct olr_progress *progress,
    struct olr_err *err);

/*
 * (Re)compute model_summary from `loads`. Names are unqualified, so with
 * TEMP objects named model_summary and loads (a time window, render.c) it
 * summarises just the window.
 */
int analyze_model_summary(sqlite3 *db, struct olr_err *err);

/*
 * The nearest-rank percentile pct (0-100] of v[0..n), sorted ascending, n
 * > 0: the value at rank ceil(pct/100 * n). Every p50/p95/p99 a report
 * shows is this one.
 */
double analyze_percentile(const double *v, size_t n, double pct);

/* qsort comparison of doubles, ascending. */
int analyze_cmp_double(const void *a, const void *b);

/* Compare Ollama versions "0.12.6", "0.3.14-rc1": <0, 0, >0. */
int analyze_version_cmp(const char *a, const char *b);

#endif

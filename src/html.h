/*
 * html.h - the self-contained HTML report (templates/ expanded by tmpl.c,
 * charts inlined as PNG data URIs) built from the database.
 */
#ifndef OLR_HTML_H
#define OLR_HTML_H

#include <sqlite3.h>

#include "chart.h"
#include "err.h"
#include "render.h"
#include "report.h"

/*
 * Write the report to path. charts are the charts rendered once for every
 * output (chart_render_all, with SVG): inlined as SVG, or as the PNG when
 * a chart has too many points for a page. 0, or -1 with err filled.
 */
int html_render(sqlite3 *db, const struct render_opts *o,
    const struct report *rep, const struct chart_out charts[CHART_COUNT],
    const char *path, struct olr_err *err);

#endif

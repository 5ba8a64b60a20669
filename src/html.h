/*
 * html.h - the self-contained HTML report (templates/ expanded by tmpl.c,
 * charts inlined as PNG data URIs) built from the database.
 */
#ifndef OLR_HTML_H
#define OLR_HTML_H

#include <sqlite3.h>

#include "err.h"
#include "render.h"
#include "report.h"

/* Write the report to path. 0, or -1 with err filled. */
int html_render(sqlite3 *db, const struct render_opts *o,
    const struct report *rep, const char *path, struct olr_err *err);

#endif

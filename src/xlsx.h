/*
 * xlsx.h - the XLSX workbook (libxlsxwriter) built from the database.
 */
#ifndef OLR_XLSX_H
#define OLR_XLSX_H

#include <sqlite3.h>

#include "err.h"
#include "render.h"

/* Write the workbook to path. 0, or -1 with err filled. */
int xlsx_render(sqlite3 *db, const struct render_opts *o, const char *path,
    struct olr_err *err);

#endif

/*
 * xlsx.h - the XLSX workbook (libxlsxwriter) built from the database.
 */
#ifndef OLR_XLSX_H
#define OLR_XLSX_H

#include <sqlite3.h>

#include "err.h"
#include "render.h"
#include "report.h"

/*
 * Write the workbook to path. rep, the report model, gives the Capacity
 * sheet (left out when rep is NULL). 0, or -1 with err filled.
 */
int xlsx_render(sqlite3 *db, const struct render_opts *o,
    const struct report *rep, const char *path, struct olr_err *err);

#endif

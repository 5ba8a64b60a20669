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

/*
 * The same, with the report model being made meanwhile (on another
 * thread): the sheets that do not show it are written first, then
 * wait(arg) is called, which returns the model once made, or NULL when
 * it could not be made (then -1, err saying so). The workbook is the one
 * xlsx_render writes with that model.
 */
int xlsx_render_waiting(sqlite3 *db, const struct render_opts *o,
    const struct report *(*wait)(void *arg), void *arg, const char *path,
    struct olr_err *err);

#endif

/*
 * render.h - what every report renderer (chart.c, xlsx.c, html.c) is
 * given. Renderers read the database and nothing else, so a report can be
 * rendered again from a kept database without the logs.
 *
 * Time windows (--since/--until) are applied before the renderers run:
 * main.c creates TEMP views named like the tables (loads, alerts, ...)
 * that hide rows outside the window, and SQLite resolves unqualified
 * names to TEMP objects first. Renderers simply query the table names.
 */
#ifndef OLR_RENDER_H
#define OLR_RENDER_H

#include <stdint.h>
#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "progress.h"

struct render_opts {
	const char *title;       /* report title; never NULL */
	const char *since;       /* UTC ISO-8601 lower bound, or NULL */
	const char *until;       /* UTC ISO-8601 upper bound, or NULL */
	int64_t     now_epoch;   /* "generated at": SOURCE_DATE_EPOCH or now */
	const char *version;     /* ollama-logreport version */
	int         redacted;    /* the database went through --redact */
	const struct olr_progress *progress;   /* or NULL */
};

/* Output formats, OR-able. */
enum render_format {
	RENDER_DB   = 1,
	RENDER_PNG  = 2,
	RENDER_XLSX = 4,
	RENDER_HTML = 8,
	RENDER_MD   = 16,
	RENDER_ALL  = 31
};

/* "html,xlsx" -> mask; -1 on an unknown name. */
int render_parse_formats(const char *list);

/*
 * Parse a --since/--until value: ISO-8601 ("2025-03-01",
 * "2025-03-01T10:00", "2025-03-01T10:00:00Z", "...+02:00") or a time
 * before now_epoch ("7d", "12h", "30m", "2w"). Writes UTC ISO-8601 with
 * milliseconds into out. 0, or -1 when the text is neither.
 */
int render_parse_when(const char *s, int64_t now_epoch, char *out,
    size_t size);

/*
 * *empty = 1 when a window is set and holds nothing: no load, reading,
 * failure, request or runner line (after render_apply_window).
 */
int render_window_empty(sqlite3 *db, const struct render_opts *o,
    int *empty, struct olr_err *err);

/* Hide rows outside [o->since, o->until) behind TEMP views. */
int render_apply_window(sqlite3 *db, const struct render_opts *o,
    struct olr_err *err);

/*
 * Write the formats in mask (but RENDER_DB) into dir: charts/<stem>.png,
 * report.xlsx, report.md, index.html (the last two from one report model,
 * report.h). A chart with no data is not drawn: one line
 * per such chart is appended to notes ("charts/vram.png: left out: ...").
 */
int render_all(sqlite3 *db, const struct render_opts *o, int mask,
    const char *dir, struct buf *notes, struct olr_err *err);

#endif

/*
 * md.c - report.md (see md.h).
 *
 * Safety: every value from a log is Markdown-escaped (ASCII punctuation
 * that could start markup, pipes included, so table cells stay cells);
 * evidence lines go into a fenced code block whose fence is longer than
 * any run of backticks in the lines, so no line can close it; text inside
 * the <details><summary> HTML is HTML-escaped. Blank lines surround the
 * fenced block so GitHub renders it inside the <details>.
 *
 * Size: the header and the loads-per-model table are always written;
 * problems are added most severe first while the whole stays within
 * MD_MAX_BYTES (bytes, so never more characters); the rest are counted
 * in a note pointing to index.html.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "md.h"

#include <stdio.h>
#include <string.h>

#include "units.h"

/* evidence line text kept, in bytes */
#define MD_LINE_MAX   400
/* rows of the loads-per-model table */
#define MD_MODELS_MAX 80

void
md_escape(struct buf *out, const char *s)
{
	if (s == NULL)
		return;
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t') {
			buf_putc(out, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>|~&#!", *s))
			buf_putc(out, '\\');
		buf_putc(out, *s);
	}
}

static void
html_escape(struct buf *out, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		default: buf_putc(out, *s);
		}
}

static void
tshort(char *out, size_t size, const char *ts)
{
	snprintf(out, size, "%.19s", ts ? ts : "?");
	if (strlen(out) > 10 && out[10] == 'T')
		out[10] = ' ';
}

/* the longest run of backticks in s */
static size_t
tick_run(const char *s)
{
	size_t run = 0, best = 0;

	for (; s && *s; s++) {
		run = *s == '`' ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

/* one line of raw log text, cut, without line breaks */
static void
put_line(struct buf *b, const char *s)
{
	size_t i;

	for (i = 0; s[i] && i < MD_LINE_MAX; i++)
		buf_putc(b, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
	if (s[i]) {
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) {
			b->len--;
			i--;
		}
		b->data[b->len] = '\0';
		if (strlen(s + i) > 4096)   /* a line far too long: its size */
			buf_printf(b, " … [cut: %zu bytes in all, whole in the "
			    "database]", i + strlen(s + i));
		else
			buf_puts(b, " …");
	}
}

static void
problem(struct buf *b, const struct report_problem *p, size_t num)
{
	char t1[32], t2[32];
	size_t i, fence = 3;

	buf_printf(b, "### %zu. ", num);
	md_escape(b, p->cause);
	buf_puts(b, "\n\n");
	tshort(t1, sizeof t1, p->first_ts);
	tshort(t2, sizeof t2, p->last_ts);
	buf_printf(b, "**%s** · `%s` · ", p->severity, p->kind_name);
	if (p->count > 1 && strcmp(t1, t2) == 0)
		buf_printf(b, "%ld times, %s UTC", p->count, t1);
	else if (p->count > 1)
		buf_printf(b, "%ld times, %s to %s UTC", p->count, t1, t2);
	else
		buf_printf(b, "once, %s UTC", t1);
	if (p->host) {
		buf_puts(b, " · host ");
		md_escape(b, p->host);
	}
	buf_puts(b, "\n\n");
	md_escape(b, p->story);
	buf_puts(b, "\n\n");
	if (p->nev == 0)
		return;
	for (i = 0; i < p->nev; i++)
		if (tick_run(p->ev[i].text) + 1 > fence)
			fence = tick_run(p->ev[i].text) + 1;
	buf_printf(b, "<details><summary>Evidence: %zu line%s from ", p->nev,
	    p->nev > 1 ? "s" : "");
	html_escape(b, p->ev[0].file);
	buf_printf(b, " (line %ld", p->ev[0].line);
	if (p->nev > 1)
		buf_puts(b, " and more");
	buf_puts(b, ")");
	if (p->ev_more > 0)
		buf_printf(b, "; %ld more occurrence%s in index.html",
		    p->ev_more, p->ev_more > 1 ? "s" : "");
	buf_puts(b, "</summary>\n\n");
	for (i = 0; i < fence; i++)
		buf_putc(b, '`');
	buf_puts(b, "log\n");
	for (i = 0; i < p->nev; i++) {
		buf_printf(b, "%s:%ld: ", p->ev[i].file, p->ev[i].line);
		put_line(b, p->ev[i].text);
		buf_putc(b, '\n');
	}
	for (i = 0; i < fence; i++)
		buf_putc(b, '`');
	buf_puts(b, "\n\n</details>\n\n");
}

static void
models(struct buf *b, const struct report *r)
{
	size_t i;

	buf_puts(b, "## Loads per model\n\n");
	if (r->nmodels == 0) {
		buf_puts(b, "No model load was found.\n\n");
		return;
	}
	buf_puts(b, "| Model | Loads | ok | failed | Load time p50 | p95 | n |"
	    " GPU layers | ctx |\n");
	buf_puts(b, "|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
	for (i = 0; i < r->nmodels && i < MD_MODELS_MAX; i++) {
		const struct report_model *m = &r->models[i];

		buf_puts(b, "| ");
		md_escape(b, m->name);
		buf_printf(b, " | %ld | %ld | %ld | ", m->loads, m->ok,
		    m->failed);
		if (m->n_timed > 0) {
			buf_printf(b, "%.2f s | ", m->p50);
			if (m->p95_is_max)
				buf_printf(b, "%.2f s (max) | ", m->p95);
			else
				buf_printf(b, "%.2f s | ", m->p95);
		} else
			buf_puts(b, "– | – | ");
		buf_printf(b, "%ld | ", m->n_timed);
		md_escape(b, m->layers ? m->layers : "–");
		buf_puts(b, " | ");
		md_escape(b, m->ctx ? m->ctx : "–");
		buf_puts(b, " |\n");
	}
	buf_puts(b, "\n");
	if (r->nmodels > MD_MODELS_MAX)
		buf_printf(b, "%zu more models are in index.html.\n\n",
		    r->nmodels - MD_MODELS_MAX);
	buf_puts(b, "Load time: Ollama's own \"runner started in\" seconds over"
	    " the ok loads; n = how many; p50 and p95 are nearest-rank. With"
	    " fewer than 20 loads the p95 is the maximum, marked (max).\n\n");
}

static void
head(struct buf *b, const struct report *r, const struct render_opts *o)
{
	char t1[32], t2[32];

	buf_puts(b, "# ");
	md_escape(b, o->title);
	buf_puts(b, "\n\n");
	if (r->empty_window) {
		buf_puts(b, "> **");
		md_escape(b, r->empty_window);
		buf_puts(b, "**\n\n");
	}
	if (r->identifiers) {
		buf_puts(b, "> **This report contains ");
		md_escape(b, r->identifiers);
		buf_puts(b, "** — run with `--redact` to replace them before"
		    " posting it.\n\n");
	}
	buf_printf(b, "**%ld model load%s: %ld ok, %ld failed, %ld"
	    " incomplete. %zu problem%s found.**\n\n", r->loads,
	    r->loads == 1 ? "" : "s", r->ok, r->failed, r->incomplete,
	    r->nproblems, r->nproblems == 1 ? "" : "s");
	tshort(t1, sizeof t1, r->span_from);
	tshort(t2, sizeof t2, r->span_to);
	buf_printf(b, "- Time span: %s to %s UTC, %ld log file%s\n", t1, t2,
	    r->n_sources, r->n_sources == 1 ? "" : "s");
	buf_puts(b, "- Ollama: ");
	md_escape(b, r->versions ? r->versions : "version not logged");
	buf_puts(b, "\n- GPUs: ");
	md_escape(b, r->gpus ? r->gpus : "none found in the log (CPU, or the"
	    " log starts after the server start)");
	buf_puts(b, "\n- OS: ");
	md_escape(b, r->os ? r->os : "cannot tell");
	if (r->libraries) {
		buf_puts(b, "; libraries: ");
		md_escape(b, r->libraries);
	}
	if (r->hosts) {
		buf_puts(b, "\n- Hosts: ");
		md_escape(b, r->hosts);
	}
	buf_puts(b, "\n\n");
}

/* ---- capacity review: bounded (rows, columns, cell length) ---------- */

#define MD_CAP_CELL 160    /* bytes of one cell */
#define MD_CAP_COLS 7      /* columns of the fit matrix (model + 6 GPUs) */
#define MD_CAP_MAX  16000  /* bytes of the whole capacity review */

static void
cap_cell(struct buf *out, const char *s)
{
	size_t n = strlen(s);
	char cut[MD_CAP_CELL + 8];

	if (n > MD_CAP_CELL) {
		n = MD_CAP_CELL;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;            /* do not split a UTF-8 sequence */
		snprintf(cut, sizeof cut, "%.*s\xe2\x80\xa6", (int)n, s);
		md_escape(out, cut);
	} else
		md_escape(out, s);
}

static void
capacity_rows(struct buf *out, const struct capacity *c, const size_t *keep)
{
	int i, k;

	buf_puts(out, "## Capacity review\n\n");
	for (i = 0; i < CAP_NTAB; i++) {
		const struct cap_table *t = &c->t[i];
		int ncol = t->ncol > MD_CAP_COLS && i == CAP_FIT ?
		    MD_CAP_COLS : t->ncol;
		int tail = i == CAP_WEEKS || i == CAP_SERVICE;
		size_t from = 0, to = t->nrows, r;

		if (to > keep[i]) {
			if (tail)
				from = to - keep[i];
			else
				to = keep[i];
		}
		buf_printf(out, "#### %s\n\n", t->question);
		if (t->nrows == 0) {
			buf_puts(out, "Nothing in these logs.\n\n");
			continue;
		}
		buf_puts(out, "|");
		for (k = 0; k < ncol; k++) {
			buf_putc(out, ' ');
			cap_cell(out, t->cols[k]);
			buf_puts(out, " |");
		}
		buf_puts(out, "\n|");
		for (k = 0; k < ncol; k++)
			buf_puts(out, " --- |");
		buf_putc(out, '\n');
		for (r = from; r < to; r++) {
			buf_puts(out, "|");
			for (k = 0; k < ncol; k++) {
				buf_putc(out, ' ');
				cap_cell(out, t->cell[r * (size_t)t->ncol +
				    (size_t)k]);
				buf_puts(out, " |");
			}
			buf_putc(out, '\n');
		}
		buf_putc(out, '\n');
		if (from > 0 || to < t->nrows || ncol < t->ncol) {
			buf_puts(out, "_");
			if (from > 0)
				buf_printf(out, "%zu earlier rows", from);
			if (to < t->nrows)
				buf_printf(out, "%zu more rows",
				    t->nrows - to);
			if (ncol < t->ncol)
				buf_printf(out, "%s%d more GPU models",
				    from > 0 || to < t->nrows ? ", " : "",
				    t->ncol - ncol);
			buf_puts(out, " in index.html and report.xlsx._\n\n");
		}
		if (t->note) {
			buf_puts(out, "<sub>");
			md_escape(out, t->note);
			buf_puts(out, "</sub>\n\n");
		}
	}
}

/*
 * The capacity review, within MD_CAP_MAX bytes: rows kept per table (the
 * first, or for weeks and the service timeline the latest), halved until
 * it fits, so the problems keep most of the room.
 */
static void
capacity(struct buf *out, const struct capacity *c)
{
	size_t keep[CAP_NTAB] = { 30, 25, 12, 30, 20 };
	struct buf b = BUF_INIT;
	int i, more = 1;

	while (more) {
		buf_reset(&b);
		capacity_rows(&b, c, keep);
		more = 0;
		if (b.len > MD_CAP_MAX)
			for (i = 0; i < CAP_NTAB; i++)
				if (keep[i] > 1) {
					keep[i] /= 2;
					more = 1;
				}
	}
	buf_append(out, b.data, b.len);
	buf_free(&b);
}

void
md_render(const struct report *r, const struct render_opts *o,
    struct buf *out)
{
	struct buf h = BUF_INIT, tail = BUF_INIT, sec = BUF_INIT,
	    body = BUF_INIT;
	size_t i, shown = 0;
	char when[40];

	head(&h, r, o);
	if (o->since || o->until) {
		buf_puts(&h, "Time window:");
		if (o->since)
			buf_printf(&h, " from %s", o->since);
		if (o->until)
			buf_printf(&h, " until %s", o->until);
		buf_puts(&h, ".\n\n");
	}
	capacity(&tail, &r->cap);
	models(&tail, r);
	units_format_utc(o->now_epoch * 1000, when, sizeof when);
	when[19] = '\0';
	when[10] = ' ';
	buf_printf(&tail, "<sub>ollama-logreport %s, %s UTC, from its database"
	    " alone. Every finding names the log file and line it rests on;"
	    " index.html and report.xlsx have all of them.</sub>\n",
	    o->version ? o->version : "", when);
	buf_puts(&body, "## Problems, most severe first\n\n");
	if (r->nproblems == 0)
		buf_puts(&body, "None: no failed load, no out-of-memory, no"
		    " VRAM-recovery timeout, no memory above the alert"
		    " thresholds.\n\n");
	for (i = 0; i < r->nproblems; i++) {
		buf_reset(&sec);
		problem(&sec, &r->problems[i], i + 1);
		/* room for the note on what was left out */
		if (h.len + body.len + sec.len + tail.len + 300 > MD_MAX_BYTES)
			break;
		buf_append(&body, sec.data, sec.len);
		shown++;
	}
	if (shown < r->nproblems)
		buf_printf(&body, "**%zu more problem%s (less severe) left out"
		    " to keep this under GitHub's 65,536-character limit; %s"
		    " in index.html.**\n\n", r->nproblems - shown,
		    r->nproblems - shown == 1 ? "" : "s",
		    r->nproblems - shown == 1 ? "it is" : "they are");
	buf_append(out, h.data, h.len);
	buf_append(out, body.data, body.len);
	/* a table too long for the limit is cut: never over it */
	if (h.len + body.len + tail.len > MD_MAX_BYTES) {
		size_t room = MD_MAX_BYTES - h.len - body.len, k = 0, j;

		for (j = 0; j < tail.len && j + 80 < room; j++)
			if (tail.data[j] == '\n')
				k = j + 1;
		buf_append(out, tail.data, k);
		buf_puts(out, "\n(The rest of the table is in index.html.)\n");
	} else
		buf_append(out, tail.data, tail.len);
	buf_free(&h);
	buf_free(&tail);
	buf_free(&sec);
	buf_free(&body);
}

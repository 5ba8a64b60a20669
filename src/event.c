/*
 * event.c - normalisation of classified lines into typed rows (see
 * event.h). This is where "1.8 GiB" becomes 1932735283, "8.48 seconds"
 * becomes 8.48, "--ctx-size 2048" inside a runner command becomes 2048,
 * and every line gets a UTC time, its own or inherited.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "event.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

#define EVENT_MAX_LIST 64

struct event_builder {
	struct olr_value *values;
	struct buf       *bufs;     /* one scratch buffer per column */
	size_t            cap;
};

struct event_builder *
event_builder_new(void)
{
	return xcalloc(1, sizeof(struct event_builder));
}

void
event_builder_free(struct event_builder *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->cap; i++)
		buf_free(&b->bufs[i]);
	free(b->bufs);
	free(b->values);
	free(b);
}

static void
stamp_from_time(const struct olr_time *t, int inherited, struct olr_stamp *out)
{
	out->has_ts = 1;
	out->epoch_ms = t->epoch_ms;
	units_format_utc(t->epoch_ms, out->ts, sizeof out->ts);
	out->has_offset = t->has_offset;
	if (t->has_offset)
		units_format_offset(t->offset_min, out->offset,
		    sizeof out->offset);
	else
		out->offset[0] = '\0';
	out->inherited = inherited;
}

void
event_clock_resume(struct olr_clock *clk, const struct olr_time *t)
{
	stamp_from_time(t, 0, &clk->last);
	clk->has = 1;
}

void
event_stamp(struct olr_clock *clk, const struct envelope *env,
    const struct slog_rec *rec, struct olr_stamp *out)
{
	struct olr_time t;

	event_stamp_time(clk, rec != NULL && rec->time != NULL &&
	    units_parse_time(rec->time, rec->time_len, &t) == 0 ? &t : NULL,
	    env, out);
}

void
event_stamp_time(struct olr_clock *clk, const struct olr_time *own,
    const struct envelope *env, struct olr_stamp *out)
{
	struct olr_time t;

	memset(out, 0, sizeof *out);
	if (own != NULL) {
		t = *own;	/* the line's own time */
	} else if (env->has_ts) {
		t = env->ts;
		if (!t.has_offset && clk->has_zone) {
			/* a local time (Go log, Gin) in the zone of the log */
			t.epoch_ms -= (int64_t)clk->zone_min * 60000;
			t.has_offset = 1;
			t.offset_min = clk->zone_min;
		}
	} else {
		if (clk->has) {
			*out = clk->last;
			out->inherited = 1;
		}
		return;
	}
	if (t.has_offset) {
		clk->has_zone = 1;
		clk->zone_min = t.offset_min;
	}
	stamp_from_time(&t, 0, out);
	clk->has = 1;
	clk->last = *out;
}

static int
ci_contains(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle), i, j;

	if (m > n)
		return 0;
	for (i = 0; i + m <= n; i++) {
		for (j = 0; j < m; j++) {
			if (tolower((unsigned char)s[i + j]) !=
			    (unsigned char)needle[j])
				break;
		}
		if (j == m)
			return 1;
	}
	return 0;
}

int
event_text_is_oom(const char *s, size_t n)
{
	static const char *const marks[] = {
		"out of memory", "cudamalloc failed", "unable to allocate",
		"failed to allocate", "outofdevicememory", "out_of_memory",
		"not enough memory", "requires more system memory",
		"insufficient memory",
	};
	size_t i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (ci_contains(s, n, marks[i]))
			return 1;
	return 0;
}

/* Next space-separated word of s[*pos..n); 0 at the end. */
static int
next_word(const char *s, size_t n, size_t *pos, const char **w, size_t *wl)
{
	size_t i = *pos;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n)
		return 0;
	*w = s + i;
	while (i < n && s[i] != ' ' && s[i] != '\t')
		i++;
	*wl = (size_t)(s + i - *w);
	*pos = i;
	return 1;
}

int
event_cmd_arg(const char *cmd, size_t n, const char *flag, const char **val,
    size_t *vlen)
{
	size_t pos = 0, fl = strlen(flag), wl, vl;
	const char *w, *v;

	while (next_word(cmd, n, &pos, &w, &wl)) {
		if (wl > fl && memcmp(w, flag, fl) == 0 && w[fl] == '=') {
			*val = w + fl + 1;
			*vlen = wl - fl - 1;
			return 1;
		}
		if (wl != fl || memcmp(w, flag, fl) != 0)
			continue;
		size_t save = pos;
		if (next_word(cmd, n, &pos, &v, &vl) &&
		    !(v[0] == '-' && vl > 1 && !isdigit((unsigned char)v[1]))) {
			*val = v;
			*vlen = vl;
		} else {
			pos = save;
			*val = "1";
			*vlen = 1;
		}
		return 1;
	}
	return 0;
}

int
event_gofield(const char *s, size_t n, const char *name, const char **val,
    size_t *vlen)
{
	size_t m = strlen(name), i, j;

	for (i = 0; i + m < n; i++) {
		if (s[i + m] != ':' || memcmp(s + i, name, m) != 0)
			continue;
		if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '{')
			continue;
		j = i + m + 1;
		while (j < n && s[j] != ' ' && s[j] != '}' && s[j] != '[')
			j++;
		*val = s + i + m + 1;
		*vlen = j - (i + m + 1);
		return 1;
	}
	return 0;
}

/* Find the raw text for a column; 0 when absent. */
static int
col_text(const struct pat_col *col, const struct slog_rec *rec,
    const char *subject, pcre2_match_data *md, const char **s, size_t *n)
{
	const char *v;
	size_t vl, k, i;

	switch (col->src) {
	case PAT_SRC_CONST:
		*s = col->text;
		*n = strlen(col->text);
		return 1;
	case PAT_SRC_GROUP: {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		uint32_t cnt = pcre2_get_ovector_count(md);
		if (col->group < 0 || (uint32_t)col->group >= cnt ||
		    ov[2 * col->group] == PCRE2_UNSET)
			return 0;
		*s = subject + ov[2 * col->group];
		*n = ov[2 * col->group + 1] - ov[2 * col->group];
		return 1;
	}
	case PAT_SRC_ATTR:
	case PAT_SRC_ARG:
	case PAT_SRC_GOFIELD:
		if (rec == NULL)
			return 0;
		v = NULL;
		for (k = 0; k < col->nkeys && v == NULL; k++)
			v = slog_get(rec, col->keys[k], &vl);
		if (v == NULL)
			return 0;
		if (col->src == PAT_SRC_ATTR) {
			*s = v;
			*n = vl;
			return 1;
		}
		for (i = 0; i < col->nnames; i++) {
			if (col->src == PAT_SRC_ARG ?
			    event_cmd_arg(v, vl, col->names[i], s, n) :
			    event_gofield(v, vl, col->names[i], s, n))
				return 1;
		}
		return 0;
	}
	return 0;
}

static int
parse_exit(const char *s, size_t n, int64_t *out)
{
	static const char *const marks[] = { "exit status ", "exit code ",
	    "exit=" };
	size_t i, m, j;

	if (units_parse_int(s, n, out) == 0)
		return 0;
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		m = strlen(marks[i]);
		for (j = 0; j + m < n; j++) {
			if (memcmp(s + j, marks[i], m) != 0)
				continue;
			size_t k = j + m, e = k;
			if (e < n && s[e] == '-')
				e++;
			while (e < n && isdigit((unsigned char)s[e]))
				e++;
			if (units_parse_int(s + k, e - k, out) == 0)
				return 0;
		}
	}
	return -1;
}

static void
convert(const struct pat_col *col, const char *s, size_t n, int present,
    struct buf *scratch, struct olr_value *v)
{
	int64_t list[EVENT_MAX_LIST], sum;
	size_t cnt, i;

	memset(v, 0, sizeof *v);
	if (!present) {
		if (col->type == PAT_T_BOOL && col->src == PAT_SRC_ARG) {
			v->kind = OLR_V_INT;
			v->i = 0;
		}
		return;
	}
	switch (col->type) {
	case PAT_T_TEXT:
		v->kind = OLR_V_TEXT;
		v->s = s;
		v->n = n;
		return;
	case PAT_T_INT:
		if (units_parse_int(s, n, &v->i) == 0)
			v->kind = OLR_V_INT;
		return;
	case PAT_T_REAL:
		if (units_parse_real(s, n, &v->d) == 0)
			v->kind = OLR_V_REAL;
		return;
	case PAT_T_BYTES:
		if (units_parse_bytes(s, n, &v->i) == 0)
			v->kind = OLR_V_INT;
		return;
	case PAT_T_MIB:
		if (units_parse_mib(s, n, &v->i) == 0)
			v->kind = OLR_V_INT;
		return;
	case PAT_T_BYTES_LIST:
	case PAT_T_BYTES_SUM:
		if (units_parse_bytes_list(s, n, list, EVENT_MAX_LIST, &cnt) != 0)
			return;
		if (col->type == PAT_T_BYTES_SUM) {
			for (i = 0, sum = 0; i < cnt; i++) {
				/* each size fits in 63 bits, their sum may
				 * not: a total past INT64_MAX is no size */
				if (list[i] > INT64_MAX - sum)
					return;
				sum += list[i];
			}
			v->kind = OLR_V_INT;
			v->i = sum;
			return;
		}
		buf_reset(scratch);
		buf_putc(scratch, '[');
		for (i = 0; i < cnt; i++)
			buf_printf(scratch, "%s%lld", i ? "," : "",
			    (long long)list[i]);
		buf_putc(scratch, ']');
		v->kind = OLR_V_TEXT;
		v->s = scratch->data;
		v->n = scratch->len;
		return;
	case PAT_T_SECONDS:
		if (units_parse_seconds(s, n, &v->d) == 0)
			v->kind = OLR_V_REAL;
		return;
	case PAT_T_PARAMS:
		if (units_parse_params(s, n, &v->i) == 0)
			v->kind = OLR_V_INT;
		return;
	case PAT_T_BOOL:
		v->kind = OLR_V_INT;
		if ((n == 4 && strncmp(s, "true", 4) == 0) ||
		    (n == 1 && s[0] == '1') || (n == 3 &&
		    strncmp(s, "yes", 3) == 0))
			v->i = 1;
		else if ((n == 5 && strncmp(s, "false", 5) == 0) ||
		    (n == 1 && s[0] == '0') || (n == 2 &&
		    strncmp(s, "no", 2) == 0))
			v->i = 0;
		else if (col->src == PAT_SRC_ARG)
			v->i = 1;
		else
			v->kind = OLR_V_NULL;
		return;
	case PAT_T_EXIT:
		if (parse_exit(s, n, &v->i) == 0)
			v->kind = OLR_V_INT;
		return;
	case PAT_T_OOM:
		v->kind = OLR_V_INT;
		v->i = event_text_is_oom(s, n);
		return;
	case PAT_T_PROBE: {
		const char *a;
		size_t al;
		v->kind = OLR_V_INT;
		v->i = !event_cmd_arg(s, n, "--model", &a, &al) &&
		    !event_cmd_arg(s, n, "-m", &a, &al);
		return;
	}
	}
}

void
event_build(struct event_builder *b, const struct pat_entry *e,
    const struct slog_rec *rec, const char *subject, pcre2_match_data *md,
    struct olr_event *ev)
{
	size_t i, n;
	const char *s;
	int present;

	if (e->ncols > b->cap) {
		b->values = xreallocarray(b->values, e->ncols, sizeof *b->values);
		b->bufs = xreallocarray(b->bufs, e->ncols, sizeof *b->bufs);
		for (i = b->cap; i < e->ncols; i++)
			memset(&b->bufs[i], 0, sizeof b->bufs[i]);
		b->cap = e->ncols;
	}
	for (i = 0; i < e->ncols; i++) {
		s = NULL;
		n = 0;
		present = col_text(&e->cols[i], rec, subject, md, &s, &n);
		convert(&e->cols[i], s, n, present, &b->bufs[i], &b->values[i]);
	}
	ev->entry = e;
	ev->values = b->values;
}

/*
 * dumps.c - model metadata stored once per distinct dump (see dumps.h).
 *
 * The rows of the dump in hand are kept serialized in one buffer, in the
 * form that is hashed: for each row its line relative to the dump's
 * first, level, event name, raw text and values. The known contents are
 * an open-addressing set of 63-bit keys; those taken since the last
 * commit are listed apart so a rollback can take them out again.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "dumps.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sha256.h"
#include "xmalloc.h"

struct dumps {
	/* the dump in hand */
	int         open;
	int64_t     source_id;
	long        first_line, last_line;
	long        nrows;
	struct olr_stamp stamp;
	char       *host;
	size_t      host_len;
	struct buf  rows;        /* serialized rows */
	struct sha256 hash;      /* of the rows' content */
	struct buf  canon;       /* a row as hashed */
	size_t     *offs;        /* where each row starts in rows */
	struct olr_stamp *stamps;  /* each row's time (not in the content) */
	size_t      cap_offs;
	/* the dump taken last */
	struct dumps_dump taken;
	char       *taken_host;
	/* known contents */
	int64_t    *set;         /* 0 = empty slot */
	size_t      set_cap, set_n;
	int64_t    *tentative;
	size_t      nt, cap_t;
};

struct dumps *
dumps_new(void)
{
	struct dumps *d = xcalloc(1, sizeof *d);

	d->set_cap = 1024;
	d->set = xcalloc(d->set_cap, sizeof *d->set);
	return d;
}

void
dumps_free(struct dumps *d)
{
	if (d == NULL)
		return;
	buf_free(&d->rows);
	buf_free(&d->canon);
	free(d->offs);
	free(d->stamps);
	free(d->host);
	free(d->taken_host);
	free(d->set);
	free(d->tentative);
	free(d);
}

static size_t
slot_of(const struct dumps *d, int64_t k)
{
	uint64_t h = (uint64_t)k * 0x9E3779B97F4A7C15ull;

	return (size_t)(h >> 17) & (d->set_cap - 1);
}

static int
set_has(const struct dumps *d, int64_t k)
{
	size_t i = slot_of(d, k);

	while (d->set[i] != 0) {
		if (d->set[i] == k)
			return 1;
		i = (i + 1) & (d->set_cap - 1);
	}
	return 0;
}

static void set_put(struct dumps *d, int64_t k);

static void
set_grow(struct dumps *d)
{
	int64_t *old = d->set;
	size_t n = d->set_cap, i;

	d->set_cap *= 2;
	d->set = xcalloc(d->set_cap, sizeof *d->set);
	d->set_n = 0;
	for (i = 0; i < n; i++)
		if (old[i] != 0)
			set_put(d, old[i]);
	free(old);
}

static void
set_put(struct dumps *d, int64_t k)
{
	size_t i;

	if (2 * (d->set_n + 1) > d->set_cap)
		set_grow(d);
	i = slot_of(d, k);
	while (d->set[i] != 0) {
		if (d->set[i] == k)
			return;
		i = (i + 1) & (d->set_cap - 1);
	}
	d->set[i] = k;
	d->set_n++;
}

/* removal from a linear-probing set: the run after the hole is put back */
static void
set_del(struct dumps *d, int64_t k)
{
	size_t i = slot_of(d, k), j;
	int64_t m;

	while (d->set[i] != k) {
		if (d->set[i] == 0)
			return;
		i = (i + 1) & (d->set_cap - 1);
	}
	d->set[i] = 0;
	d->set_n--;
	for (j = (i + 1) & (d->set_cap - 1); d->set[j] != 0;
	    j = (j + 1) & (d->set_cap - 1)) {
		m = d->set[j];
		d->set[j] = 0;
		d->set_n--;
		set_put(d, m);
	}
}

void
dumps_know(struct dumps *d, int64_t content)
{
	if (content > 0)
		set_put(d, content);
}

int
dumps_open(const struct dumps *d)
{
	return d != NULL && d->open;
}

int
dumps_ends(const struct dumps *d, int64_t source_id, long line)
{
	return d != NULL && d->open && (source_id != d->source_id ||
	    line > d->last_line + DUMPS_GAP || line < d->last_line);
}

static void
put_u64(struct buf *b, uint64_t v)
{
	buf_append(b, &v, sizeof v);
}

static void
put_bytes(struct buf *b, const char *s, size_t n)
{
	put_u64(b, n);
	if (n)
		buf_append(b, s, n);
}

static void
put_value(struct buf *b, const struct olr_value *v)
{
	buf_putc(b, (char)v->kind);
	switch (v->kind) {
	case OLR_V_INT:
		put_u64(b, (uint64_t)v->i);
		break;
	case OLR_V_REAL:
		buf_append(b, &v->d, sizeof v->d);
		break;
	case OLR_V_TEXT:
		put_bytes(b, v->s, v->n);
		break;
	default:
		break;
	}
}

int
dumps_add(struct dumps *d, const struct olr_event *ev)
{
	const struct pat_entry *e = ev->entry;
	size_t j;

	if (!d->open) {
		d->open = 1;
		d->source_id = ev->source_id;
		d->first_line = ev->line;
		d->nrows = 0;
		d->stamp = ev->stamp;
		free(d->host);
		d->host = NULL;
		d->host_len = ev->host ? ev->host_len : 0;
		if (ev->host != NULL) {
			d->host = xmalloc(ev->host_len + 1);
			memcpy(d->host, ev->host, ev->host_len);
			d->host[ev->host_len] = '\0';
		}
		buf_reset(&d->rows);
		sha256_init(&d->hash);
	}
	d->last_line = ev->line;
	if ((size_t)d->nrows == d->cap_offs) {
		d->cap_offs = d->cap_offs ? 2 * d->cap_offs : 256;
		d->offs = xreallocarray(d->offs, d->cap_offs, sizeof *d->offs);
		d->stamps = xreallocarray(d->stamps, d->cap_offs,
		    sizeof *d->stamps);
	}
	d->stamps[d->nrows] = ev->stamp;
	d->offs[d->nrows++] = d->rows.len;
	/* the content hashed: relative line, event name, level, raw and
	 * the values that are not NULL, each with its column's name (so a
	 * dump read back from an older database's rows, which has every
	 * column, hashes as the same dump read from its log) */
	buf_reset(&d->canon);
	put_u64(&d->canon, (uint64_t)(ev->line - d->first_line));
	put_bytes(&d->canon, e->name, e->name_len);
	buf_putc(&d->canon, ev->level != NULL);
	put_bytes(&d->canon, ev->level ? ev->level : "",
	    ev->level ? ev->level_len : 0);
	put_bytes(&d->canon, ev->raw, ev->raw_len);
	for (j = 0; j < e->ncols && j < 64; j++) {
		const struct olr_value *v = &ev->values[j];

		if (v->kind == OLR_V_NULL)
			continue;
		put_bytes(&d->canon, e->cols[j].column,
		    strlen(e->cols[j].column));
		put_value(&d->canon, v);
	}
	sha256_update(&d->hash, d->canon.data, d->canon.len);
	/* the row as it is stored: the entry (for its statement and
	 * columns), then the same fields and every value */
	buf_append(&d->rows, &e, sizeof e);
	put_u64(&d->rows, (uint64_t)(ev->line - d->first_line));
	buf_putc(&d->rows, ev->level != NULL);
	put_bytes(&d->rows, ev->level ? ev->level : "",
	    ev->level ? ev->level_len : 0);
	put_bytes(&d->rows, ev->raw, ev->raw_len);
	for (j = 0; j < e->ncols && j < 64; j++)
		put_value(&d->rows, &ev->values[j]);
	return d->nrows >= DUMPS_MAX_ROWS || d->rows.len >= DUMPS_MAX_BYTES;
}

int
dumps_take(struct dumps *d, struct dumps_dump *out)
{
	char hex[65];
	uint64_t k = 0;
	int j;

	if (!d->open)
		return 0;
	d->open = 0;
	sha256_final_hex(&d->hash, hex);
	for (j = 0; j < 16; j++)
		k = k << 4 | (uint64_t)(hex[j] <= '9' ? hex[j] - '0' :
		    hex[j] - 'a' + 10);
	k &= 0x7fffffffffffffffull;
	if (k == 0)
		k = 1;
	memset(&d->taken, 0, sizeof d->taken);
	d->taken.source_id = d->source_id;
	d->taken.first_line = d->first_line;
	d->taken.last_line = d->last_line;
	d->taken.content = (int64_t)k;
	d->taken.rows = d->nrows;
	d->taken.is_new = !set_has(d, (int64_t)k);
	if (d->taken.is_new) {
		set_put(d, (int64_t)k);
		if (d->nt == d->cap_t) {
			d->cap_t = d->cap_t ? 2 * d->cap_t : 64;
			d->tentative = xreallocarray(d->tentative, d->cap_t,
			    sizeof *d->tentative);
		}
		d->tentative[d->nt++] = (int64_t)k;
	}
	d->taken.stamp = &d->stamp;
	free(d->taken_host);
	d->taken_host = d->host;
	d->host = NULL;
	d->taken.host = d->taken_host;
	d->taken.host_len = d->host_len;
	*out = d->taken;
	return 1;
}

static uint64_t
get_u64(const char **p)
{
	uint64_t v;

	memcpy(&v, *p, sizeof v);
	*p += sizeof v;
	return v;
}

static const char *
get_bytes(const char **p, size_t *n)
{
	const char *s;

	*n = (size_t)get_u64(p);
	s = *p;
	*p += *n;
	return s;
}

void
dumps_row(struct dumps *d, long i, struct dumps_row *out)
{
	const char *p = d->rows.data + d->offs[i];
	size_t j;
	int has_level;

	const struct olr_stamp *t = &d->stamps[i], *prev;

	/* a time unlike the row before's */
	prev = i > 0 ? &d->stamps[i - 1] : NULL;
	out->stamp = t;
	out->new_time = prev != NULL && (t->has_ts != prev->has_ts ||
	    t->inherited != prev->inherited || (t->has_ts &&
	    (strcmp(t->ts, prev->ts) != 0 || t->has_offset !=
	    prev->has_offset || (t->has_offset && strcmp(t->offset,
	    prev->offset) != 0))));
	memcpy(&out->entry, p, sizeof out->entry);
	p += sizeof out->entry;
	out->rel_line = (long)get_u64(&p);
	has_level = *p++;
	out->level = get_bytes(&p, &out->level_len);
	if (!has_level)
		out->level = NULL;
	out->raw = get_bytes(&p, &out->raw_len);
	for (j = 0; j < out->entry->ncols && j < 64; j++) {
		struct olr_value *v = &out->values[j];

		memset(v, 0, sizeof *v);
		v->kind = (enum olr_vkind)*p++;
		switch (v->kind) {
		case OLR_V_INT:
			v->i = (int64_t)get_u64(&p);
			break;
		case OLR_V_REAL:
			memcpy(&v->d, p, sizeof v->d);
			p += sizeof v->d;
			break;
		case OLR_V_TEXT:
			v->s = get_bytes(&p, &v->n);
			break;
		default:
			break;
		}
	}
}

void
dumps_commit(struct dumps *d)
{
	if (d != NULL)
		d->nt = 0;
}

void
dumps_rollback(struct dumps *d)
{
	while (d != NULL && d->nt > 0)
		set_del(d, d->tentative[--d->nt]);
}

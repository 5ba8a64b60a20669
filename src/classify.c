/*
 * classify.c - first-match classification of lines (see classify.h).
 *
 * The entries are split once into a slog list and a text list, keeping
 * their priority order, and the distinct literals of each list are
 * compiled into an Aho-Corasick automaton. Classifying a line is one pass
 * of the automaton over it, marking the literals it contains, then a walk
 * of the list in order that runs the regex of an entry only when its
 * literal was marked. The first match wins.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "classify.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/*
 * Aho-Corasick automaton over the distinct literals of one match kind: one
 * pass over the subject finds every literal it contains, so the walk over
 * the entries costs an array lookup per entry instead of a memmem.
 */
struct ac {
	/*
	 * go[state * nclass + class[byte]] is the next state shifted left by
	 * one, with the low bit set when literals end in that state.
	 */
	uint32_t *go;
	int32_t  *out;     /* literal id ending at this state, or -1 */
	int32_t  *dict;    /* next state on the fail chain with out >= 0 */
	size_t    nstates;
	size_t    nclass;
	uint8_t   cls[256];/* byte -> class; 0 = no literal has the byte */
};

struct classifier {
	const struct pat_set     *set;
	const struct pat_entry  **slog;
	size_t                    nslog;
	const struct pat_entry  **text;
	size_t                    ntext;
	int                      *lit_id;   /* per entry index: literal id */
	uint32_t                 *lit_gen;  /* per literal: line it was seen */
	uint32_t                  gen;
	size_t                    nlit;
	struct ac                 ac[2];    /* PAT_SLOG, PAT_TEXT */
	pcre2_match_data         *md;
	const char               *subject;
	size_t                    subject_len;
};

/* Build the automaton of kind from the entries' literals. */
static void
ac_build(struct ac *a, const struct pat_set *set, const int *lit_id,
    enum pat_match kind)
{
	size_t cap = 256, i, j, head = 0, tail = 0, nc;
	int32_t s, t, *go, *fail, *queue;
	int c;

	/* byte classes: one per byte value used by a literal */
	memset(a->cls, 0, sizeof a->cls);
	nc = 1;
	for (i = 0; i < set->n; i++) {
		const struct pat_entry *e = set->entries[i];
		for (j = 0; e->match == kind && j < e->literal_len; j++) {
			c = (unsigned char)e->literal[j];
			if (a->cls[c] == 0)
				a->cls[c] = (uint8_t)nc++;
		}
	}
	a->nclass = nc;
	/* the trie, with -1 for a missing edge */
	go = xmalloc(cap * nc * sizeof *go);
	a->out = xmalloc(cap * sizeof *a->out);
	memset(go, 0xff, nc * sizeof *go);
	a->out[0] = -1;
	a->nstates = 1;
	for (i = 0; i < set->n; i++) {
		const struct pat_entry *e = set->entries[i];
		if (e->match != kind || lit_id[i] < 0)
			continue;
		s = 0;
		for (j = 0; j < e->literal_len; j++) {
			c = a->cls[(unsigned char)e->literal[j]];
			if (go[s * nc + c] < 0) {
				if (a->nstates == cap) {
					cap *= 2;
					go = xreallocarray(go, cap * nc,
					    sizeof *go);
					a->out = xreallocarray(a->out, cap,
					    sizeof *a->out);
				}
				t = (int32_t)a->nstates++;
				memset(go + t * nc, 0xff, nc * sizeof *go);
				a->out[t] = -1;
				go[s * nc + c] = t;
			}
			s = go[s * nc + c];
		}
		a->out[s] = lit_id[i];
	}
	/* fail links, breadth first; missing edges become fail edges */
	a->dict = xcalloc(a->nstates, sizeof *a->dict);
	fail = xcalloc(a->nstates, sizeof *fail);
	queue = xcalloc(a->nstates, sizeof *queue);
	for (c = 0; c < (int)nc; c++) {
		t = go[c];
		if (t < 0 || c == 0)
			go[c] = 0;
		else
			queue[tail++] = t;
	}
	while (head < tail) {
		s = queue[head++];
		a->dict[s] = a->out[fail[s]] >= 0 ? fail[s] : a->dict[fail[s]];
		for (c = 0; c < (int)nc; c++) {
			t = go[s * nc + c];
			if (t < 0 || c == 0)
				go[s * nc + c] = go[fail[s] * nc + c];
			else {
				fail[t] = go[fail[s] * nc + c];
				queue[tail++] = t;
			}
		}
	}
	/* pack: state << 1 | "something ends here" */
	a->go = xmalloc(a->nstates * nc * sizeof *a->go);
	for (i = 0; i < a->nstates * nc; i++) {
		t = go[i];
		a->go[i] = (uint32_t)t << 1 |
		    (a->out[t] >= 0 || a->dict[t] > 0);
	}
	free(go);
	free(fail);
	free(queue);
}

static void
ac_free(struct ac *a)
{
	free(a->go);
	free(a->out);
	free(a->dict);
}

struct classifier *
classifier_new(const struct pat_set *set)
{
	struct classifier *c = xcalloc(1, sizeof *c);
	size_t i, j;

	c->set = set;
	c->slog = xcalloc(set->n + 1, sizeof *c->slog);
	c->text = xcalloc(set->n + 1, sizeof *c->text);
	c->lit_id = xcalloc(set->n + 1, sizeof *c->lit_id);
	for (i = 0; i < set->n; i++) {
		const struct pat_entry *e = set->entries[i];
		if (e->match == PAT_SLOG)
			c->slog[c->nslog++] = e;
		else
			c->text[c->ntext++] = e;
		/* literal ids: equal literals of the same kind share one;
		 * -1 = empty literal, the regex alone decides */
		if (e->literal_len == 0) {
			c->lit_id[i] = -1;
			continue;
		}
		c->lit_id[i] = (int)c->nlit;
		for (j = 0; j < i; j++) {
			const struct pat_entry *o = set->entries[j];
			if (o->match == e->match &&
			    strcmp(o->literal, e->literal) == 0) {
				c->lit_id[i] = c->lit_id[j];
				break;
			}
		}
		if (j == i)
			c->nlit++;
	}
	c->lit_gen = xcalloc(c->nlit + 1, sizeof *c->lit_gen);
	ac_build(&c->ac[PAT_SLOG], set, c->lit_id, PAT_SLOG);
	ac_build(&c->ac[PAT_TEXT], set, c->lit_id, PAT_TEXT);
	c->md = pcre2_match_data_create(set->max_ovector ? set->max_ovector :
	    1, NULL);
	if (c->md == NULL)
		xmalloc_die(sizeof(PCRE2_SIZE) * set->max_ovector);
	return c;
}

void
classifier_free(struct classifier *c)
{
	if (c == NULL)
		return;
	free(c->slog);
	free(c->text);
	free(c->lit_id);
	free(c->lit_gen);
	ac_free(&c->ac[0]);
	ac_free(&c->ac[1]);
	if (c->md)
		pcre2_match_data_free(c->md);
	free(c);
}

/* Mark every literal that occurs in s with the current generation. */
static void
ac_scan(struct classifier *c, const struct ac *a, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	const uint32_t *go = a->go;
	const size_t nc = a->nclass;
	uint32_t v, st = 0;
	int32_t d;
	size_t i;

	for (i = 0; i < len; i++) {
		v = go[st * nc + a->cls[p[i]]];
		st = v >> 1;
		if (!(v & 1))
			continue;
		if (a->out[st] >= 0)
			c->lit_gen[a->out[st]] = c->gen;
		for (d = a->dict[st]; d > 0; d = a->dict[d])
			c->lit_gen[a->out[d]] = c->gen;
	}
}

/* 1 when rec has every attribute e requires. */
static int
has_required(const struct pat_entry *e, const struct slog_rec *rec)
{
	size_t i, n;

	for (i = 0; i < e->nrequire; i++)
		if (rec == NULL || slog_get(rec, e->require[i], &n) == NULL)
			return 0;
	return 1;
}

static const struct pat_entry *
walk(struct classifier *c, enum pat_match kind,
    const struct pat_entry **list, size_t n, const char *s, size_t len,
    const struct slog_rec *rec)
{
	size_t i;
	int rc;

	if (++c->gen == 0) {           /* wrapped: forget old marks */
		memset(c->lit_gen, 0, (c->nlit + 1) * sizeof *c->lit_gen);
		c->gen = 1;
	}
	ac_scan(c, &c->ac[kind], s, len);
	for (i = 0; i < n; i++) {
		const struct pat_entry *e = list[i];
		int id = c->lit_id[e->index];
		if (id >= 0 && c->lit_gen[id] != c->gen)
			continue;
		if (e->nrequire > 0 && !has_required(e, rec))
			continue;
		if (e->re == NULL)
			return e;
		rc = pcre2_match(e->re, (PCRE2_SPTR)s, len, 0, 0, c->md, NULL);
		if (rc >= 0)
			return e;
	}
	return NULL;
}

const struct pat_entry *
classify_line(struct classifier *c, const struct slog_rec *rec,
    const char *line, size_t len)
{
	if (rec != NULL) {
		c->subject = rec->msg ? rec->msg : "";
		c->subject_len = rec->msg ? rec->msg_len : 0;
		return walk(c, PAT_SLOG, c->slog, c->nslog, c->subject,
		    c->subject_len, rec);
	}
	c->subject = line;
	c->subject_len = len;
	return walk(c, PAT_TEXT, c->text, c->ntext, line, len, NULL);
}

pcre2_match_data *
classifier_match_data(const struct classifier *c)
{
	return c->md;
}

const char *
classifier_subject(const struct classifier *c, size_t *len)
{
	*len = c->subject_len;
	return c->subject;
}

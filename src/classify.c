/*
 * classify.c - first-match classification of lines (see classify.h).
 *
 * The entries are split once into a slog list and a text list, keeping
 * their priority order, and the distinct literals of each list are
 * compiled into an Aho-Corasick automaton. Classifying a line is one pass
 * of the automaton over it, collecting the literals it contains; the
 * candidates are then the entries of those literals (and the entries
 * without a literal), tried in priority order. The first match wins.
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
 * pass over the subject finds every literal it contains.
 *
 * The scan is bound by the latency of one table load per byte, so the
 * table holds what the next step needs directly: go[st + cls[byte]] is the
 * next state already multiplied by nclass (no multiply on the chain), and
 * the states where some literal ends are numbered last, so "a literal ends
 * here" is one compare (st >= accept), off the chain.
 */
struct ac {
	uint32_t *go;
	int32_t  *out;     /* per state: literal id ending here, or -1 */
	int32_t  *dict;    /* per state: next state on the fail chain with an
	                      output, or 0 */
	uint32_t  accept;  /* first accepting state, times nclass */
	size_t    maxlen;  /* of the longest literal searched */
	size_t    nstates;
	size_t    nclass;
	uint8_t   cls[256];/* byte -> class; 0 = no literal has the byte */
};

/*
 * The automaton searches at most AC_MAXLIT bytes of a literal: a short
 * longest literal lets a long subject be scanned as two halves at once
 * (see ac_scan). Of a longer literal it searches the last AC_MAXLIT bytes,
 * which tell lines apart better than the first ("llama_model_loader:
 * loaded meta data with" against every "llama_model_loader: - kv" line):
 * the entry is a candidate when they occur, and the whole literal is
 * confirmed where it would end there (memmem() only when that fails).
 */
#define AC_MAXLIT 16

static size_t
searched_len(const struct pat_entry *e)
{
	return e->literal_len < AC_MAXLIT ? e->literal_len : AC_MAXLIT;
}

/* The bytes of e's literal the automaton searches. */
static const char *
searched(const struct pat_entry *e)
{
	return e->literal + (e->literal_len - searched_len(e));
}

/* The entries of one match kind, in priority order. */
struct kind_list {
	const struct pat_entry **list;
	size_t                   n;
	size_t                  *lit_first;  /* per literal id: offset in */
	size_t                  *lit_pos;    /* positions in list, ascending */
	size_t                  *always;     /* positions without a literal */
	size_t                   nalways;
};

struct classifier {
	const struct pat_set     *set;
	struct kind_list          kind[2];  /* PAT_SLOG, PAT_TEXT */
	int                      *lit_id;   /* per entry index: literal id */
	uint32_t                 *lit_gen;  /* per literal: line it was seen */
	size_t                   *lit_end;  /* per literal: where it ended
	                                       (the offset after it), seen
	                                       first in that line */
	uint32_t                  gen;
	size_t                    nlit;
	int32_t                  *hits;     /* literals seen in this line */
	size_t                    nhits;
	size_t                   *cand;     /* candidate positions */
	struct ac                 ac[2];
	pcre2_match_data         *md;
	const char               *subject;
	size_t                    subject_len;
	int                       clone;    /* kind, lit_id, ac: its
	                                       prototype's (not freed) */
};

/* Build the automaton of kind from the entries' literals. */
static void
ac_build(struct ac *a, const struct pat_set *set, const int *lit_id,
    enum pat_match kind)
{
	size_t cap = 256, i, j, head = 0, tail = 0, nc, nacc;
	int32_t s, t, *go, *fail, *queue, *perm, *out, *dict;
	int c;

	/* byte classes: one per byte value used by a literal */
	memset(a->cls, 0, sizeof a->cls);
	a->maxlen = 0;
	nc = 1;
	for (i = 0; i < set->n; i++) {
		const struct pat_entry *e = set->entries[i];
		if (e->match == kind && searched_len(e) > a->maxlen)
			a->maxlen = searched_len(e);
		for (j = 0; e->match == kind && j < searched_len(e); j++) {
			c = (unsigned char)searched(e)[j];
			if (a->cls[c] == 0)
				a->cls[c] = (uint8_t)nc++;
		}
	}
	a->nclass = nc;
	/* the trie, with -1 for a missing edge */
	go = xmalloc(cap * nc * sizeof *go);
	out = xmalloc(cap * sizeof *out);
	memset(go, 0xff, nc * sizeof *go);
	out[0] = -1;
	a->nstates = 1;
	for (i = 0; i < set->n; i++) {
		const struct pat_entry *e = set->entries[i];
		if (e->match != kind || lit_id[i] < 0)
			continue;
		s = 0;
		for (j = 0; j < searched_len(e); j++) {
			c = a->cls[(unsigned char)searched(e)[j]];
			if (go[s * nc + c] < 0) {
				if (a->nstates == cap) {
					cap *= 2;
					go = xreallocarray(go, cap * nc,
					    sizeof *go);
					out = xreallocarray(out, cap,
					    sizeof *out);
				}
				t = (int32_t)a->nstates++;
				memset(go + t * nc, 0xff, nc * sizeof *go);
				out[t] = -1;
				go[s * nc + c] = t;
			}
			s = go[s * nc + c];
		}
		out[s] = lit_id[i];
	}
	/* fail links, breadth first; missing edges become fail edges */
	dict = xcalloc(a->nstates, sizeof *dict);
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
		dict[s] = out[fail[s]] >= 0 ? fail[s] : dict[fail[s]];
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
	/* renumber: the states where a literal ends go last (the root, 0,
	 * never is one: no literal is empty) */
	perm = xcalloc(a->nstates, sizeof *perm);
	nacc = 0;
	for (i = 0; i < a->nstates; i++)
		nacc += out[i] >= 0 || dict[i] > 0;
	head = 0;
	tail = a->nstates - nacc;
	for (i = 0; i < a->nstates; i++)
		perm[i] = (int32_t)(out[i] >= 0 || dict[i] > 0 ? tail++ :
		    head++);
	a->accept = (uint32_t)((a->nstates - nacc) * nc);
	a->go = xmalloc(a->nstates * nc * sizeof *a->go);
	a->out = xmalloc(a->nstates * sizeof *a->out);
	a->dict = xmalloc(a->nstates * sizeof *a->dict);
	for (i = 0; i < a->nstates; i++) {
		a->out[perm[i]] = out[i];
		a->dict[perm[i]] = dict[i] > 0 ? perm[dict[i]] : 0;
		for (j = 0; j < nc; j++)
			a->go[perm[i] * nc + j] =
			    (uint32_t)perm[go[i * nc + j]] * (uint32_t)nc;
	}
	free(go);
	free(out);
	free(dict);
	free(fail);
	free(queue);
	free(perm);
}

static void
ac_free(struct ac *a)
{
	free(a->go);
	free(a->out);
	free(a->dict);
}

/* Per literal id, the positions of its entries in the kind's list. */
static void
kind_index(struct kind_list *k, const int *lit_id, size_t nlit)
{
	size_t i, *fill;
	int id;

	k->lit_first = xcalloc(nlit + 2, sizeof *k->lit_first);
	k->lit_pos = xcalloc(k->n + 1, sizeof *k->lit_pos);
	k->always = xcalloc(k->n + 1, sizeof *k->always);
	for (i = 0; i < k->n; i++) {
		id = lit_id[k->list[i]->index];
		if (id >= 0)
			k->lit_first[id + 1]++;
	}
	for (i = 1; i <= nlit; i++)
		k->lit_first[i] += k->lit_first[i - 1];
	k->lit_first[nlit + 1] = k->lit_first[nlit];
	fill = xcalloc(nlit + 1, sizeof *fill);
	for (i = 0; i < k->n; i++) {
		id = lit_id[k->list[i]->index];
		if (id < 0)
			k->always[k->nalways++] = i;
		else
			k->lit_pos[k->lit_first[id] + fill[id]++] = i;
	}
	free(fill);
}

/* The scratch of one line's matching: every classifier its own. */
static void
scratch_new(struct classifier *c)
{
	c->lit_gen = xcalloc(c->nlit + 1, sizeof *c->lit_gen);
	c->lit_end = xcalloc(c->nlit + 1, sizeof *c->lit_end);
	c->hits = xcalloc(c->nlit + 1, sizeof *c->hits);
	c->cand = xcalloc(c->set->n + 1, sizeof *c->cand);
	c->md = pcre2_match_data_create(c->set->max_ovector ?
	    c->set->max_ovector : 1, NULL);
	if (c->md == NULL)
		xmalloc_die(sizeof(PCRE2_SIZE) * c->set->max_ovector);
}

struct classifier *
classifier_new(const struct pat_set *set)
{
	struct classifier *c = xcalloc(1, sizeof *c);
	size_t i, j;

	c->set = set;
	for (i = 0; i < 2; i++)
		c->kind[i].list = xcalloc(set->n + 1, sizeof *c->kind[i].list);
	c->lit_id = xcalloc(set->n + 1, sizeof *c->lit_id);
	for (i = 0; i < set->n; i++) {
		const struct pat_entry *e = set->entries[i];
		struct kind_list *k = &c->kind[e->match == PAT_SLOG ?
		    PAT_SLOG : PAT_TEXT];
		k->list[k->n++] = e;
		/* literal ids: equal literals (as searched) of the same
		 * kind share one; -1 = empty literal, the regex alone
		 * decides */
		if (e->literal_len == 0) {
			c->lit_id[i] = -1;
			continue;
		}
		c->lit_id[i] = (int)c->nlit;
		for (j = 0; j < i; j++) {
			const struct pat_entry *o = set->entries[j];
			if (o->match == e->match && o->literal_len > 0 &&
			    searched_len(o) == searched_len(e) &&
			    memcmp(searched(o), searched(e), searched_len(e)) ==
			    0) {
				c->lit_id[i] = c->lit_id[j];
				break;
			}
		}
		if (j == i)
			c->nlit++;
	}
	for (i = 0; i < 2; i++)
		kind_index(&c->kind[i], c->lit_id, c->nlit);
	ac_build(&c->ac[PAT_SLOG], set, c->lit_id, PAT_SLOG);
	ac_build(&c->ac[PAT_TEXT], set, c->lit_id, PAT_TEXT);
	scratch_new(c);
	return c;
}

struct classifier *
classifier_clone(const struct classifier *proto)
{
	struct classifier *c = xmalloc(sizeof *c);

	*c = *proto;
	c->clone = 1;
	c->gen = 0;
	c->nhits = 0;
	c->subject = NULL;
	c->subject_len = 0;
	scratch_new(c);
	return c;
}

void
classifier_free(struct classifier *c)
{
	size_t i;

	if (c == NULL)
		return;
	free(c->lit_gen);
	free(c->lit_end);
	free(c->hits);
	free(c->cand);
	if (c->md)
		pcre2_match_data_free(c->md);
	if (c->clone) {
		free(c);
		return;
	}
	for (i = 0; i < 2; i++) {
		free(c->kind[i].list);
		free(c->kind[i].lit_first);
		free(c->kind[i].lit_pos);
		free(c->kind[i].always);
	}
	free(c->lit_id);
	ac_free(&c->ac[0]);
	ac_free(&c->ac[1]);
	free(c);
}

static inline void
ac_hit(struct classifier *c, int32_t lit, size_t end)
{
	if (c->lit_gen[lit] != c->gen) {
		c->lit_gen[lit] = c->gen;
		c->lit_end[lit] = end;
		c->hits[c->nhits++] = lit;
	}
}

/* The literals that end in accepting state st (times nclass), reached
 * with the byte before offset end. */
static void
ac_accept(struct classifier *c, const struct ac *a, uint32_t st, size_t end)
{
	int32_t d, q = (int32_t)(st / a->nclass);

	if (a->out[q] >= 0)
		ac_hit(c, a->out[q], end);
	for (d = a->dict[q]; d > 0; d = a->dict[d])
		ac_hit(c, a->out[d], end);
}

/*
 * Collect every literal that occurs in s into c->hits.
 *
 * Each byte is a table load that depends on the one before, so a scan
 * waits on load latency, not on bandwidth. A long subject is scanned as
 * two halves at once, two independent chains: [0, mid + maxlen - 1) and
 * [mid, len). A literal that starts before mid ends in the first, one that
 * starts at mid or later lies in the second; one found twice is recorded
 * once.
 */
static void
ac_scan(struct classifier *c, const struct ac *a, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *q;
	const unsigned char *end = p + len;
	const uint32_t *go = a->go;
	const uint32_t accept = a->accept;
	const uint8_t *cls = a->cls;
	uint32_t st = 0, st2 = 0;
	size_t i, mid, n1;

	c->nhits = 0;
	if (len >= 2 * a->maxlen + 16) {
		/* mid such that the second part is not the shorter */
		mid = (len - a->maxlen + 1) / 2;
		n1 = mid + a->maxlen - 1;
		q = p + mid;
		for (i = 0; i < n1; i++) {
			st = go[st + cls[p[i]]];
			st2 = go[st2 + cls[q[i]]];
			if (st >= accept)
				ac_accept(c, a, st, i + 1);
			if (st2 >= accept)
				ac_accept(c, a, st2, mid + i + 1);
		}
		p = q + n1;             /* the rest of the second part */
		st = st2;
	}
	for (; p < end; p++) {
		st = go[st + cls[*p]];
		if (st >= accept)
			ac_accept(c, a, st, (size_t)(p + 1 -
			    (const unsigned char *)s));
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

/* Insert the positions [from, to) into the sorted candidates (a handful:
 * insertion sort). */
static void
add_candidates(struct classifier *c, size_t *n, const size_t *from,
    const size_t *to)
{
	size_t j;

	for (; from < to; from++) {
		for (j = (*n)++; j > 0 && c->cand[j - 1] > *from; j--)
			c->cand[j] = c->cand[j - 1];
		c->cand[j] = *from;
	}
}

/*
 * 1 when s holds all of e's literal, whose searched end was seen (a
 * literal longer than AC_MAXLIT): where that end was first seen, else
 * anywhere.
 */
static int
confirm(const struct classifier *c, const struct pat_entry *e,
    const char *s, size_t len)
{
	size_t end = c->lit_end[c->lit_id[e->index]];

	if (end >= e->literal_len && end <= len &&
	    memcmp(s + end - e->literal_len, e->literal, e->literal_len) == 0)
		return 1;
	return memmem(s, len, e->literal, e->literal_len) != NULL;
}

static const struct pat_entry *
walk(struct classifier *c, enum pat_match kind, const char *s, size_t len,
    const struct slog_rec *rec)
{
	const struct kind_list *k = &c->kind[kind];
	size_t i, n = 0;
	int rc;

	if (++c->gen == 0) {           /* wrapped: forget old marks */
		memset(c->lit_gen, 0, (c->nlit + 1) * sizeof *c->lit_gen);
		c->gen = 1;
	}
	ac_scan(c, &c->ac[kind], s, len);
	/* the candidates, in priority order */
	add_candidates(c, &n, k->always, k->always + k->nalways);
	for (i = 0; i < c->nhits; i++)
		add_candidates(c, &n, k->lit_pos + k->lit_first[c->hits[i]],
		    k->lit_pos + k->lit_first[c->hits[i] + 1]);
	for (i = 0; i < n; i++) {
		const struct pat_entry *e = k->list[c->cand[i]];
		if (e->nrequire > 0 && !has_required(e, rec))
			continue;
		if (e->literal_len > AC_MAXLIT &&
		    !confirm(c, e, s, len))
			continue;       /* only its end occurs */
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
		return walk(c, PAT_SLOG, c->subject, c->subject_len, rec);
	}
	c->subject = line;
	c->subject_len = len;
	return walk(c, PAT_TEXT, line, len, NULL);
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

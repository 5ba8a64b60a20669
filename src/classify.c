/*
 * classify.c - first-match classification of lines (see classify.h).
 *
 * The entries are split once into a slog list and a text list, keeping
 * their priority order. Entries that share a literal share its search: the
 * result of each distinct literal is remembered for the current line, so a
 * line costs one memmem per distinct literal at most, and usually far
 * fewer because the first match stops the walk.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "classify.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct classifier {
	const struct pat_set     *set;
	const struct pat_entry  **slog;
	size_t                    nslog;
	const struct pat_entry  **text;
	size_t                    ntext;
	int                      *lit_id;   /* per entry index: literal id */
	signed char              *lit_seen; /* per literal: -1 unknown, 0, 1 */
	size_t                    nlit;
	pcre2_match_data         *md;
	const char               *subject;
	size_t                    subject_len;
};

struct classifier *
classifier_new(const struct pat_set *set)
{
	struct classifier *c = xcalloc(1, sizeof *c);
	size_t i, j;

	c->set = set;
	c->slog = xcalloc(set->n + 1, sizeof *c->slog);
	c->text = xcalloc(set->n + 1, sizeof *c->text);
	c->lit_id = xcalloc(set->n + 1, sizeof *c->lit_id);
	c->lit_seen = xcalloc(set->n + 1, 1);
	for (i = 0; i < set->n; i++) {
		const struct pat_entry *e = set->entries[i];
		if (e->match == PAT_SLOG)
			c->slog[c->nslog++] = e;
		else
			c->text[c->ntext++] = e;
		/* literal ids: equal literals of the same kind share one */
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
	free(c->lit_seen);
	if (c->md)
		pcre2_match_data_free(c->md);
	free(c);
}

static const struct pat_entry *
walk(struct classifier *c, const struct pat_entry **list, size_t n,
    const char *s, size_t len)
{
	size_t i;
	int id, rc;

	memset(c->lit_seen, -1, c->nlit ? c->nlit : 1);
	for (i = 0; i < n; i++) {
		const struct pat_entry *e = list[i];
		id = c->lit_id[e->index];
		if (c->lit_seen[id] < 0)
			c->lit_seen[id] = memmem(s, len, e->literal,
			    e->literal_len) != NULL;
		if (!c->lit_seen[id])
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
		return walk(c, c->slog, c->nslog, c->subject, c->subject_len);
	}
	c->subject = line;
	c->subject_len = len;
	return walk(c, c->text, c->ntext, line, len);
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

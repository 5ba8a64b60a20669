/*
 * test_catalogue.c - every built-in catalogue entry against the cases in
 * tests/data/catalogue.cases: the line goes through the slog scanner, the
 * classifier and the normaliser, and the resulting table, entry and column
 * values are compared with the expected ones. The test fails when an entry
 * has no case, so a new entry cannot come without one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "event.h"
#include "pattern.h"
#include "slog.h"

struct expect {
	char *column;
	char *value;
};

struct tcase {
	char          *name;
	int            lineno;     /* in the cases file */
	char          *line;
	char          *table;
	char          *event;
	struct expect *exp;
	size_t         nexp;
};

static struct tcase *cases;
static size_t ncases;
static struct pat_set *set;

static char *
dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void
load_cases(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int lineno = 0;
	struct tcase *c = NULL;

	if (fp == NULL) {
		fprintf(stderr, "cannot open %s\n", path);
		exit(1);
	}
	while ((n = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		while (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		if (strncmp(line, "== ", 3) == 0) {
			cases = realloc(cases, (ncases + 1) * sizeof *cases);
			c = &cases[ncases++];
			memset(c, 0, sizeof *c);
			c->name = strdup(line + 3);
			c->lineno = lineno;
			continue;
		}
		if (c == NULL)
			continue;
		if (strncmp(line, "line: ", 6) == 0)
			c->line = dupn(line + 6, (size_t)n - 6);
		else if (strncmp(line, "line:", 5) == 0)
			c->line = dupn(line + 5, (size_t)n - 5);
		else if (strncmp(line, "table: ", 7) == 0)
			c->table = strdup(line + 7);
		else if (strncmp(line, "event: ", 7) == 0)
			c->event = strdup(line + 7);
		else {
			char *eq = strchr(line, '=');
			if (eq == NULL) {
				fprintf(stderr, "%s:%d: bad line\n", path,
				    lineno);
				exit(1);
			}
			c->exp = realloc(c->exp, (c->nexp + 1) *
			    sizeof *c->exp);
			c->exp[c->nexp].column = dupn(line,
			    (size_t)(eq - line));
			c->exp[c->nexp].value = strdup(eq + 1);
			c->nexp++;
		}
	}
	free(line);
	fclose(fp);
}

static int
setup(void **state)
{
	struct olr_err err;
	const char *srcdir = getenv("OLR_SRCDIR");
	char path[4096];

	(void)state;
	snprintf(path, sizeof path, "%s/tests/data/catalogue.cases",
	    srcdir ? srcdir : ".");
	load_cases(path);
	set = pat_set_new();
	if (pat_set_load_builtin(set, &err) != 0) {
		fprintf(stderr, "catalogue: %s:%ld: %s\n", err.path, err.line,
		    err.msg);
		return -1;
	}
	pat_set_finish(set);
	return 0;
}

static int
teardown(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < ncases; i++) {
		free(cases[i].name);
		free(cases[i].line);
		free(cases[i].table);
		free(cases[i].event);
		for (j = 0; j < cases[i].nexp; j++) {
			free(cases[i].exp[j].column);
			free(cases[i].exp[j].value);
		}
		free(cases[i].exp);
	}
	free(cases);
	pat_set_free(set);
	return 0;
}

/* Compare one value; on mismatch print and return 1. */
static int
check_value(const struct tcase *c, const struct expect *x,
    const struct olr_value *v)
{
	char got[4096];

	switch (v->kind) {
	case OLR_V_NULL:
		snprintf(got, sizeof got, "NULL");
		break;
	case OLR_V_INT:
		snprintf(got, sizeof got, "%lld", (long long)v->i);
		break;
	case OLR_V_REAL: {
		char *end;
		double want = strtod(x->value, &end);
		if (*end == '\0' && end != x->value &&
		    fabs(want - v->d) <= 1e-9 * fmax(1.0, fabs(want)))
			return 0;
		snprintf(got, sizeof got, "%.17g", v->d);
		break;
	}
	case OLR_V_TEXT:
		snprintf(got, sizeof got, "%.*s", (int)v->n, v->s);
		break;
	}
	if (strcmp(got, x->value) == 0)
		return 0;
	fprintf(stderr, "case '%s' (line %d): column %s: expected '%s', "
	    "got '%s'\n", c->name, c->lineno, x->column, x->value, got);
	return 1;
}

static void
test_cases(void **state)
{
	struct classifier *cl = classifier_new(set);
	struct slog_scanner *sc = slog_scanner_new();
	struct event_builder *eb = event_builder_new();
	char *hit = calloc(set->n + 1, 1);
	size_t i, j, k, len, slen;
	int failures = 0;
	(void)state;

	assert_true(ncases > 0);
	for (i = 0; i < ncases; i++) {
		struct tcase *c = &cases[i];
		struct slog_rec rec;
		const struct slog_rec *r = NULL;
		const struct pat_entry *e;
		const char *table;

		if (c->line == NULL || c->table == NULL) {
			fprintf(stderr, "case '%s' (line %d): needs line: and "
			    "table:\n", c->name, c->lineno);
			failures++;
			continue;
		}
		len = strlen(c->line);
		char *line = malloc(len ? len : 1);
		memcpy(line, c->line, len);
		if (slog_scan(sc, line, len, &rec))
			r = &rec;
		e = classify_line(cl, r, line, len);
		table = e == NULL ? "unknown" : e->table;
		if (strcmp(table, c->table) != 0) {
			fprintf(stderr, "case '%s' (line %d): expected table "
			    "%s, got %s (entry %s)\n", c->name, c->lineno,
			    c->table, table, e ? e->name : "none");
			failures++;
			free(line);
			continue;
		}
		if (e != NULL)
			hit[e->index] = 1;
		if (c->event != NULL && (e == NULL ||
		    strcmp(c->event, e->name) != 0)) {
			fprintf(stderr, "case '%s' (line %d): expected entry "
			    "%s, got %s\n", c->name, c->lineno, c->event,
			    e ? e->name : "none");
			failures++;
		}
		if (e != NULL && !e->is_noise) {
			struct olr_event ev;
			const char *subj = classifier_subject(cl, &slen);
			memset(&ev, 0, sizeof ev);
			event_build(eb, e, r, subj, classifier_match_data(cl),
			    &ev);
			for (j = 0; j < c->nexp; j++) {
				for (k = 0; k < e->ncols; k++)
					if (strcmp(e->cols[k].column,
					    c->exp[j].column) == 0)
						break;
				if (k == e->ncols) {
					if (strcmp(c->exp[j].value, "NULL") != 0) {
						fprintf(stderr, "case '%s' (line "
						    "%d): entry %s sets no column "
						    "%s\n", c->name, c->lineno,
						    e->name, c->exp[j].column);
						failures++;
					}
					continue;
				}
				failures += check_value(c, &c->exp[j],
				    &ev.values[k]);
			}
		}
		free(line);
	}
	for (i = 0; i < set->n; i++) {
		if (!hit[i]) {
			fprintf(stderr, "entry [%s] (%s:%d) has no test case\n",
			    set->entries[i]->name, set->entries[i]->file,
			    set->entries[i]->line);
			failures++;
		}
	}
	fprintf(stderr, "%zu cases, %zu entries, %d failures\n", ncases,
	    set->n, failures);
	free(hit);
	event_builder_free(eb);
	slog_scanner_free(sc);
	classifier_free(cl);
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

/*
 * pattern.c - reading and compiling the event catalogue (see pattern.h and
 * patterns/README.md).
 *
 * The catalogue is data: `[name]` starts an entry, `key = value` lines set
 * its table, match kind, literal and regex, and `col COLUMN = SPEC` lines
 * say how each column is computed. Regexes are compiled with PCRE2 and JIT
 * compiled where the platform allows; named groups are resolved to numbers
 * here so the per-line work needs no name lookups.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "pattern.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embedded.h"
#include "xmalloc.h"

struct pat_set *
pat_set_new(void)
{
	return xcalloc(1, sizeof(struct pat_set));
}

static void
free_strv(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
pat_entry_free(struct pat_entry *e)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < e->ncols; i++) {
		free(e->cols[i].column);
		free_strv(e->cols[i].keys, e->cols[i].nkeys);
		free_strv(e->cols[i].names, e->cols[i].nnames);
		free(e->cols[i].text);
	}
	free(e->cols);
	free(e->name);
	free(e->table);
	free(e->literal);
	free(e->regex_src);
	free_strv(e->require, e->nrequire);
	if (e->re)
		pcre2_code_free(e->re);
	free(e->file);
	free(e);
}

void
pat_set_free(struct pat_set *set)
{
	size_t i;

	if (set == NULL)
		return;
	for (i = 0; i < set->n; i++)
		pat_entry_free(set->entries[i]);
	free(set->entries);
	free(set);
}

/* Split s at sep into a new vector of trimmed, non-empty strings. */
static char **
split(const char *s, char sep, size_t *n)
{
	char **v = NULL;
	const char *p = s, *q;
	size_t cnt = 0;

	for (;;) {
		q = strchr(p, sep);
		size_t len = q ? (size_t)(q - p) : strlen(p);
		while (len && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len) {
			v = xreallocarray(v, cnt + 1, sizeof *v);
			v[cnt++] = xstrndup(p, len);
		}
		if (q == NULL)
			break;
		p = q + 1;
	}
	*n = cnt;
	return v;
}

static const struct {
	const char    *name;
	enum pat_type  type;
} type_names[] = {
	{ "text", PAT_T_TEXT }, { "int", PAT_T_INT }, { "real", PAT_T_REAL },
	{ "bytes", PAT_T_BYTES }, { "mib", PAT_T_MIB },
	{ "bytes_list", PAT_T_BYTES_LIST }, { "bytes_sum", PAT_T_BYTES_SUM },
	{ "seconds", PAT_T_SECONDS }, { "params", PAT_T_PARAMS },
	{ "bool", PAT_T_BOOL }, { "exit", PAT_T_EXIT }, { "oom", PAT_T_OOM },
	{ "probe", PAT_T_PROBE },
};

static int
parse_type(const char *s, enum pat_type *out)
{
	size_t i;

	for (i = 0; i < sizeof type_names / sizeof type_names[0]; i++) {
		if (strcmp(s, type_names[i].name) == 0) {
			*out = type_names[i].type;
			return 0;
		}
	}
	return -1;
}

/* If the text after the last ':' of s is a type name, cut it off. */
static int
take_type(char *s, enum pat_type *type)
{
	char *c = strrchr(s, ':');

	*type = PAT_T_TEXT;
	if (c != NULL && parse_type(c + 1, type) == 0) {
		*c = '\0';
		return 1;
	}
	return 0;
}

/* Parse "SOURCE:...[:TYPE]" into col. Returns 0 or -1 with *why set. */
static int
parse_col_spec(struct pat_col *col, char *spec, const char **why)
{
	char *rest, *c;

	if (strncmp(spec, "const:", 6) == 0) {
		col->src = PAT_SRC_CONST;
		col->text = xstrdup(spec + 6);
		col->type = PAT_T_TEXT;
		return 0;
	}
	rest = strchr(spec, ':');
	if (rest == NULL) {
		*why = "column spec needs SOURCE:NAME";
		return -1;
	}
	*rest++ = '\0';
	take_type(rest, &col->type);
	if (strcmp(spec, "attr") == 0) {
		col->src = PAT_SRC_ATTR;
		col->keys = split(rest, '|', &col->nkeys);
	} else if (strcmp(spec, "group") == 0) {
		col->src = PAT_SRC_GROUP;
		col->keys = split(rest, '|', &col->nkeys);
	} else if (strcmp(spec, "arg") == 0 || strcmp(spec, "gofield") == 0) {
		col->src = spec[0] == 'a' ? PAT_SRC_ARG : PAT_SRC_GOFIELD;
		c = strchr(rest, ':');
		if (c == NULL) {
			*why = "arg/gofield spec needs KEY:NAME";
			return -1;
		}
		*c++ = '\0';
		col->keys = split(rest, '|', &col->nkeys);
		col->names = split(c, '|', &col->nnames);
		if (col->nnames == 0) {
			*why = "arg/gofield spec names nothing";
			return -1;
		}
	} else {
		*why = "unknown column source (attr, group, arg, gofield, const)";
		return -1;
	}
	if (col->nkeys == 0) {
		*why = "column spec names no key";
		return -1;
	}
	return 0;
}

static int
compile_entry(struct pat_entry *e, struct olr_err *err)
{
	int ecode;
	PCRE2_SIZE eoff;
	PCRE2_UCHAR msg[256];
	size_t i;

	if (e->table == NULL) {
		olr_err_set(err, OLR_E_PATTERN, e->file, e->line,
		    "entry [%s] has no table", e->name);
		return -1;
	}
	e->is_noise = strcmp(e->table, "noise") == 0;
	if (e->literal == NULL || (e->literal_len == 0 &&
	    e->regex_src == NULL)) {
		olr_err_set(err, OLR_E_PATTERN, e->file, e->line,
		    "entry [%s] needs a literal (it may be empty only when "
		    "a regex is given)", e->name);
		return -1;
	}
	if (e->regex_src != NULL) {
		e->re = pcre2_compile((PCRE2_SPTR)e->regex_src,
		    PCRE2_ZERO_TERMINATED, 0, &ecode, &eoff, NULL);
		if (e->re == NULL) {
			pcre2_get_error_message(ecode, msg, sizeof msg);
			olr_err_set(err, OLR_E_PATTERN, e->file, e->regex_line,
			    "entry [%s]: regex error at offset %zu: %s",
			    e->name, (size_t)eoff, (char *)msg);
			return -1;
		}
		/* JIT is an optimisation: where it is unavailable, interpret. */
		(void)pcre2_jit_compile(e->re, PCRE2_JIT_COMPLETE);
	}
	for (i = 0; i < e->ncols; i++) {
		struct pat_col *col = &e->cols[i];
		if (col->src != PAT_SRC_GROUP)
			continue;
		if (e->re == NULL) {
			olr_err_set(err, OLR_E_PATTERN, e->file, e->line,
			    "entry [%s]: column %s uses a group but there is "
			    "no regex", e->name, col->column);
			return -1;
		}
		col->group = pcre2_substring_number_from_name(e->re,
		    (PCRE2_SPTR)col->keys[0]);
		if (col->group < 0) {
			olr_err_set(err, OLR_E_PATTERN, e->file, e->line,
			    "entry [%s]: column %s: no group named '%s'",
			    e->name, col->column, col->keys[0]);
			return -1;
		}
	}
	if (e->nrequire > 0 && e->match != PAT_SLOG) {
		olr_err_set(err, OLR_E_PATTERN, e->file, e->line,
		    "entry [%s]: require applies to slog entries only",
		    e->name);
		return -1;
	}
	if (e->is_noise && e->ncols > 0) {
		olr_err_set(err, OLR_E_PATTERN, e->file, e->line,
		    "entry [%s]: noise entries store no columns", e->name);
		return -1;
	}
	return 0;
}

static struct pat_entry *
find_entry(struct pat_set *set, const char *name, size_t *pos)
{
	size_t i;

	for (i = 0; i < set->n; i++) {
		if (strcmp(set->entries[i]->name, name) == 0) {
			*pos = i;
			return set->entries[i];
		}
	}
	return NULL;
}

/* Insert a finished entry into the set (see pat_set_load_text). */
static void
add_entry(struct pat_set *set, struct pat_entry *e, int override,
    size_t *front)
{
	size_t pos;

	if (find_entry(set, e->name, &pos) != NULL) {
		pat_entry_free(set->entries[pos]);
		set->entries[pos] = e;
		return;
	}
	set->entries = xreallocarray(set->entries, set->n + 1,
	    sizeof *set->entries);
	if (override) {
		memmove(set->entries + *front + 1, set->entries + *front,
		    (set->n - *front) * sizeof *set->entries);
		set->entries[(*front)++] = e;
	} else
		set->entries[set->n] = e;
	set->n++;
}

static int
finish_entry(struct pat_set *set, struct pat_entry *e, int override,
    size_t *front, struct olr_err *err)
{
	if (compile_entry(e, err) != 0) {
		pat_entry_free(e);
		return -1;
	}
	add_entry(set, e, override, front);
	return 0;
}

static char *
trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r'))
		*--end = '\0';
	return s;
}

int
pat_set_load_text(struct pat_set *set, const char *text, size_t len,
    const char *file, int override, struct olr_err *err)
{
	struct pat_entry *e = NULL;
	const char *p = text, *end = text + len, *nl;
	char *line = NULL, *s, *key, *val, *eq;
	const char *why;
	size_t front = 0;
	int lineno = 0, rc = -1;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		free(line);
		line = xstrndup(p, n);
		p = nl ? nl + 1 : end;
		lineno++;
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if (*s == '[') {
			char *close = strchr(s, ']');
			if (close == NULL || close == s + 1) {
				olr_err_set(err, OLR_E_PATTERN, file, lineno,
				    "bad entry header '%s'", s);
				goto out;
			}
			if (e != NULL && finish_entry(set, e, override,
			    &front, err) != 0) {
				e = NULL;
				goto out;
			}
			e = xcalloc(1, sizeof *e);
			e->name = xstrndup(s + 1, (size_t)(close - s - 1));
			e->name_len = strlen(e->name);
			e->file = xstrdup(file);
			e->line = lineno;
			e->match = PAT_TEXT;
			continue;
		}
		if (e == NULL) {
			olr_err_set(err, OLR_E_PATTERN, file, lineno,
			    "directive outside an entry: '%s'", s);
			goto out;
		}
		eq = strchr(s, '=');
		if (eq == NULL) {
			olr_err_set(err, OLR_E_PATTERN, file, lineno,
			    "expected 'key = value': '%s'", s);
			goto out;
		}
		*eq = '\0';
		key = trim(s);
		val = trim(eq + 1);
		if (strcmp(key, "table") == 0) {
			free(e->table);
			e->table = xstrdup(val);
		} else if (strcmp(key, "match") == 0) {
			if (strcmp(val, "slog") == 0)
				e->match = PAT_SLOG;
			else if (strcmp(val, "text") == 0)
				e->match = PAT_TEXT;
			else {
				olr_err_set(err, OLR_E_PATTERN, file, lineno,
				    "match must be slog or text, not '%s'",
				    val);
				goto out;
			}
		} else if (strcmp(key, "literal") == 0) {
			free(e->literal);
			e->literal = xstrdup(val);
			e->literal_len = strlen(val);
		} else if (strcmp(key, "regex") == 0) {
			free(e->regex_src);
			e->regex_src = xstrdup(val);
			e->regex_line = lineno;
		} else if (strcmp(key, "require") == 0) {
			free_strv(e->require, e->nrequire);
			e->require = split(val, ' ', &e->nrequire);
		} else if (strncmp(key, "col", 3) == 0 &&
		    (key[3] == ' ' || key[3] == '\t')) {
			struct pat_col col;
			memset(&col, 0, sizeof col);
			col.column = xstrdup(trim(key + 4));
			if (parse_col_spec(&col, val, &why) != 0) {
				olr_err_set(err, OLR_E_PATTERN, file, lineno,
				    "column %s: %s", col.column, why);
				free(col.column);
				free_strv(col.keys, col.nkeys);
				free_strv(col.names, col.nnames);
				goto out;
			}
			e->cols = xreallocarray(e->cols, e->ncols + 1,
			    sizeof *e->cols);
			e->cols[e->ncols++] = col;
		} else {
			olr_err_set(err, OLR_E_PATTERN, file, lineno,
			    "unknown directive '%s'", key);
			goto out;
		}
	}
	if (e != NULL) {
		struct pat_entry *last = e;
		e = NULL;
		if (finish_entry(set, last, override, &front, err) != 0)
			goto out;
	}
	rc = 0;
out:
	pat_entry_free(e);
	free(line);
	return rc;
}

int
pat_set_load_builtin(struct pat_set *set, struct olr_err *err)
{
	const struct embedded_file *f;

	for (f = embedded_patterns; f->name != NULL; f++) {
		if (pat_set_load_text(set, (const char *)f->data, f->len,
		    f->name, 0, err) != 0)
			return -1;
	}
	return 0;
}

int
pat_set_load_file(struct pat_set *set, const char *path, struct olr_err *err)
{
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;
	FILE *fp;
	int rc;

	fp = fopen(path, "rb");
	if (fp == NULL) {
		olr_err_set(err, OLR_E_IO, path, 0, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_append(&b, chunk, n);
	if (ferror(fp)) {
		olr_err_set(err, OLR_E_IO, path, 0, "read error");
		fclose(fp);
		buf_free(&b);
		return -1;
	}
	fclose(fp);
	rc = pat_set_load_text(set, buf_str(&b), b.len, path, 1, err);
	buf_free(&b);
	return rc;
}

void
pat_set_finish(struct pat_set *set)
{
	size_t i;
	uint32_t cap;

	set->max_ovector = 1;
	for (i = 0; i < set->n; i++) {
		set->entries[i]->index = (int)i;
		if (set->entries[i]->re != NULL &&
		    pcre2_pattern_info(set->entries[i]->re,
		    PCRE2_INFO_CAPTURECOUNT, &cap) == 0 &&
		    cap + 1 > set->max_ovector)
			set->max_ovector = cap + 1;
	}
}

/*
 * tmpl.c - the template expander (see tmpl.h for the syntax).
 *
 * A template is parsed once into a tree of nodes: text, a value (escaped
 * or raw), or a section (normal or inverted) holding child nodes. Values
 * live in a separate tree of scopes (struct tmpl_vars): each name is bound
 * to a string, a flag or a list of rows, and each row is a scope of its
 * own. Expansion walks the nodes with a stack of scopes, innermost last,
 * so a row sees the names of the rows around it.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "tmpl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define TMPL_MAX_DEPTH 32   /* nested sections */

enum node_kind { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED };

struct node {
	enum node_kind  kind;
	char           *text;     /* N_TEXT: bytes; else: the name */
	size_t          len;
	int             line;     /* where the tag starts */
	struct node   **kids;     /* sections */
	size_t          nkids;
	size_t          cap;
};

struct tmpl {
	char        *name;
	struct node  root;
};

enum var_kind { V_STR, V_FLAG, V_LIST };

struct var {
	char               *name;
	enum var_kind       kind;
	char               *str;
	int                 flag;
	struct tmpl_vars  **rows;
	size_t              nrows;
	size_t              cap;
};

struct tmpl_vars {
	struct var *v;
	size_t      n;
	size_t      cap;
};

/* ------------------------------------------------------------ parsing */

static struct node *
node_add(struct node *parent, enum node_kind kind, const char *text,
    size_t len, int line)
{
	struct node *n = xcalloc(1, sizeof *n);

	n->kind = kind;
	n->text = xstrndup(text, len);
	n->len = len;
	n->line = line;
	if (parent->nkids == parent->cap) {
		parent->cap = parent->cap ? parent->cap * 2 : 8;
		parent->kids = xreallocarray(parent->kids, parent->cap,
		    sizeof *parent->kids);
	}
	parent->kids[parent->nkids++] = n;
	return n;
}

static void
node_clear(struct node *n)
{
	size_t i;

	for (i = 0; i < n->nkids; i++) {
		node_clear(n->kids[i]);
		free(n->kids[i]);
	}
	free(n->kids);
	free(n->text);
}

static int
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

/* Trim spaces off [*s, *s + *len) and check what is left is a name. */
static int
check_name(const char **s, size_t *len)
{
	size_t i;

	while (*len > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
		(*len)--;
	if (*len == 0)
		return -1;
	for (i = 0; i < *len; i++)
		if (!name_char((*s)[i]))
			return -1;
	return 0;
}

static int
count_lines(const char *s, size_t len)
{
	int n = 0;
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] == '\n')
			n++;
	return n;
}

static const char *
find2(const char *s, const char *end, const char *pat)
{
	size_t n = strlen(pat);

	for (; s + n <= end; s++)
		if (memcmp(s, pat, n) == 0)
			return s;
	return NULL;
}

int
tmpl_parse(const char *name, const char *text, size_t len,
    struct tmpl **out, struct olr_err *err)
{
	struct tmpl *t = xcalloc(1, sizeof *t);
	struct node *stack[TMPL_MAX_DEPTH + 1];
	const char *p = text, *end = text + len, *open, *close, *nm;
	size_t depth = 0, nlen;
	int line = 1, tagline;
	char sigil;

	*out = NULL;
	t->name = xstrdup(name);
	stack[0] = &t->root;
	while (p < end) {
		open = find2(p, end, "{{");
		if (open == NULL) {
			node_add(stack[depth], N_TEXT, p, (size_t)(end - p), line);
			break;
		}
		if (open > p)
			node_add(stack[depth], N_TEXT, p, (size_t)(open - p), line);
		line += count_lines(p, (size_t)(open - p));
		tagline = line;
		if (open + 2 < end && open[2] == '{') {
			close = find2(open + 3, end, "}}");
			if (close == NULL)
				goto unterminated;
			if (close + 2 >= end || close[2] != '}') {
				olr_err_set(err, OLR_E_RENDER, name, tagline,
				    "tag opened with {{{ must end with }}}");
				goto fail;
			}
			nm = open + 3;
			nlen = (size_t)(close - nm);
			if (check_name(&nm, &nlen) != 0)
				goto badname;
			node_add(stack[depth], N_RAW, nm, nlen, tagline);
			line += count_lines(open, (size_t)(close + 3 - open));
			p = close + 3;
			continue;
		}
		close = find2(open + 2, end, "}}");
		if (close == NULL)
			goto unterminated;
		line += count_lines(open, (size_t)(close + 2 - open));
		p = close + 2;
		sigil = open[2];
		nm = open + 2;
		nlen = (size_t)(close - nm);
		if (sigil == '!')
			continue;
		if (strchr("#^/&", sigil) != NULL && sigil != '\0') {
			nm++;
			nlen--;
		}
		if (check_name(&nm, &nlen) != 0)
			goto badname;
		switch (sigil) {
		case '#':
		case '^':
			if (depth == TMPL_MAX_DEPTH) {
				olr_err_set(err, OLR_E_RENDER, name, tagline,
				    "sections nested deeper than %d",
				    TMPL_MAX_DEPTH);
				goto fail;
			}
			stack[depth + 1] = node_add(stack[depth],
			    sigil == '#' ? N_SECTION : N_INVERTED, nm, nlen,
			    tagline);
			depth++;
			break;
		case '/':
			if (depth == 0) {
				olr_err_set(err, OLR_E_RENDER, name, tagline,
				    "{{/%.*s}} closes no section", (int)nlen, nm);
				goto fail;
			}
			if (stack[depth]->len != nlen ||
			    memcmp(stack[depth]->text, nm, nlen) != 0) {
				olr_err_set(err, OLR_E_RENDER, name, tagline,
				    "{{/%.*s}} does not close {{%c%s}} of line %d",
				    (int)nlen, nm,
				    stack[depth]->kind == N_SECTION ? '#' : '^',
				    stack[depth]->text, stack[depth]->line);
				goto fail;
			}
			depth--;
			break;
		case '&':
			node_add(stack[depth], N_RAW, nm, nlen, tagline);
			break;
		default:
			node_add(stack[depth], N_VAR, nm, nlen, tagline);
			break;
		}
	}
	if (depth > 0) {
		olr_err_set(err, OLR_E_RENDER, name, stack[depth]->line,
		    "{{%c%s}} is not closed",
		    stack[depth]->kind == N_SECTION ? '#' : '^',
		    stack[depth]->text);
		goto fail;
	}
	*out = t;
	return 0;

unterminated:
	olr_err_set(err, OLR_E_RENDER, name, tagline, "unterminated tag: "
	    "no }} after {{");
	goto fail;
badname:
	olr_err_set(err, OLR_E_RENDER, name, tagline, "bad name in tag %.*s",
	    (int)(close - open) + 2 > 60 ? 60 : (int)(close - open) + 2, open);
fail:
	tmpl_free(t);
	return -1;
}

void
tmpl_free(struct tmpl *t)
{
	if (t == NULL)
		return;
	node_clear(&t->root);
	free(t->name);
	free(t);
}

/* ------------------------------------------------------------- values */

struct tmpl_vars *
tmpl_vars_new(void)
{
	return xcalloc(1, sizeof(struct tmpl_vars));
}

static void
var_clear(struct var *x)
{
	size_t i;

	for (i = 0; i < x->nrows; i++)
		tmpl_vars_free(x->rows[i]);
	free(x->rows);
	free(x->str);
	x->rows = NULL;
	x->str = NULL;
	x->nrows = x->cap = 0;
	x->flag = 0;
}

void
tmpl_vars_free(struct tmpl_vars *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n; i++) {
		var_clear(&v->v[i]);
		free(v->v[i].name);
	}
	free(v->v);
	free(v);
}

static struct var *
var_find(const struct tmpl_vars *v, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (strncmp(v->v[i].name, name, len) == 0 &&
		    v->v[i].name[len] == '\0')
			return &v->v[i];
	return NULL;
}

/* The binding of name in v, emptied and of kind k (made if absent). */
static struct var *
var_bind(struct tmpl_vars *v, const char *name, enum var_kind k)
{
	struct var *x = var_find(v, name, strlen(name));

	if (x != NULL) {
		if (x->kind == k && k == V_LIST)
			return x;
		var_clear(x);
	} else {
		if (v->n == v->cap) {
			v->cap = v->cap ? v->cap * 2 : 16;
			v->v = xreallocarray(v->v, v->cap, sizeof *v->v);
		}
		x = &v->v[v->n++];
		memset(x, 0, sizeof *x);
		x->name = xstrdup(name);
	}
	x->kind = k;
	return x;
}

void
tmpl_set(struct tmpl_vars *v, const char *name, const char *value)
{
	struct var *x = var_bind(v, name, V_STR);

	x->str = xstrdup(value ? value : "");
}

void
tmpl_setf(struct tmpl_vars *v, const char *name, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	tmpl_set(v, name, buf_str(&b));
	buf_free(&b);
}

void
tmpl_set_flag(struct tmpl_vars *v, const char *name, int on)
{
	var_bind(v, name, V_FLAG)->flag = on != 0;
}

void
tmpl_set_list(struct tmpl_vars *v, const char *name)
{
	var_bind(v, name, V_LIST);
}

struct tmpl_vars *
tmpl_add_row(struct tmpl_vars *v, const char *name)
{
	struct var *x = var_bind(v, name, V_LIST);

	if (x->nrows == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 8;
		x->rows = xreallocarray(x->rows, x->cap, sizeof *x->rows);
	}
	x->rows[x->nrows] = tmpl_vars_new();
	return x->rows[x->nrows++];
}

size_t
tmpl_rows(const struct tmpl_vars *v, const char *name)
{
	const struct var *x = var_find(v, name, strlen(name));

	return x != NULL && x->kind == V_LIST ? x->nrows : 0;
}

/* ---------------------------------------------------------- expansion */

/*
 * A text value, escaped; one longer than TMPL_TEXT_MAX bytes (a 50 MB log
 * line) is shown cut at a UTF-8 boundary, with its length: the page stays
 * readable, the whole text is in the database.
 */
#define TMPL_TEXT_MAX 16384

static void
escape_cut(struct buf *out, const char *s)
{
	size_t len = strlen(s), n = len;

	if (len <= TMPL_TEXT_MAX) {
		tmpl_escape(out, s, len);
		return;
	}
	n = TMPL_TEXT_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	tmpl_escape(out, s, n);
	buf_printf(out, " \xe2\x80\xa6 [cut: %zu bytes in all, whole in the "
	    "database]", len);
}

void
tmpl_escape(struct buf *out, const char *s, size_t len)
{
	size_t i, from = 0;
	const char *rep;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default:
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
			    c == 0x7f)
				rep = "&#xFFFD;";
			else
				continue;
		}
		buf_append(out, s + from, i - from);
		buf_puts(out, rep);
		from = i + 1;
	}
	buf_append(out, s + from, len - from);
}

struct expand {
	const struct tmpl_vars *scope[TMPL_MAX_DEPTH + 2];
	size_t                  depth;   /* scopes in use */
	int                     flags;
	const struct tmpl      *t;
	struct buf             *out;
	struct olr_err         *err;
};

static const struct var *
lookup(const struct expand *e, const struct node *n)
{
	const struct var *x;
	size_t i;

	for (i = e->depth; i > 0; i--)
		if ((x = var_find(e->scope[i - 1], n->text, n->len)) != NULL)
			return x;
	return NULL;
}

static int
truthy(const struct var *x)
{
	if (x == NULL)
		return 0;
	switch (x->kind) {
	case V_STR:  return x->str[0] != '\0';
	case V_FLAG: return x->flag;
	default:     return x->nrows > 0;
	}
}

static int
expand_nodes(struct expand *e, const struct node *parent)
{
	const struct node *n;
	const struct var *x;
	size_t i, r;

	for (i = 0; i < parent->nkids; i++) {
		n = parent->kids[i];
		if (n->kind == N_TEXT) {
			buf_append(e->out, n->text, n->len);
			continue;
		}
		x = lookup(e, n);
		switch (n->kind) {
		case N_VAR:
		case N_RAW:
			if (x == NULL) {
				if (e->flags & TMPL_STRICT) {
					olr_err_set(e->err, OLR_E_RENDER,
					    e->t->name, n->line,
					    "no value for {{%s}}", n->text);
					return -1;
				}
				break;
			}
			if (x->kind != V_STR)
				break;
			if (n->kind == N_VAR)
				escape_cut(e->out, x->str);
			else
				buf_puts(e->out, x->str);
			break;
		case N_SECTION:
			if (x != NULL && x->kind == V_LIST) {
				for (r = 0; r < x->nrows; r++) {
					e->scope[e->depth++] = x->rows[r];
					if (expand_nodes(e, n) != 0)
						return -1;
					e->depth--;
				}
			} else if (truthy(x) && expand_nodes(e, n) != 0)
				return -1;
			break;
		case N_INVERTED:
			if (!truthy(x) && expand_nodes(e, n) != 0)
				return -1;
			break;
		default:
			break;
		}
	}
	return 0;
}

int
tmpl_expand(const struct tmpl *t, const struct tmpl_vars *v, int flags,
    struct buf *out, struct olr_err *err)
{
	struct expand e;

	memset(&e, 0, sizeof e);
	e.scope[0] = v;
	e.depth = 1;
	e.flags = flags;
	e.t = t;
	e.out = out;
	e.err = err;
	return expand_nodes(&e, &t->root);
}

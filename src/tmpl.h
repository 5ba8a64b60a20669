/*
 * tmpl.h - a small template expander for the HTML report, in the spirit
 * of tmux's format.c: parse a template once, fill a tree of values from C,
 * expand into a struct buf.
 *
 * Syntax (templates/README.md has the long form):
 *   {{name}}               value, HTML-escaped (& < > " ' and C0 controls)
 *   {{{name}}} {{&name}}   value as is: only for program-made HTML
 *   {{#name}}..{{/name}}   a list: once per row, the row's names in scope;
 *                          a flag or string: once when set / non-empty
 *   {{^name}}..{{/name}}   once when name is missing, empty, false or []
 *   {{! comment }}         nothing
 * A name is looked up in the current row, then in each enclosing row, then
 * at the top. Names are made of letters, digits, '_', '-' and '.'.
 */
#ifndef OLR_TMPL_H
#define OLR_TMPL_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

struct tmpl;        /* a parsed template */
struct tmpl_vars;   /* a scope: names bound to strings, flags or lists */

/*
 * Parse text (len bytes; need not be NUL-terminated) of the template called
 * name. 0 and *out set (free with tmpl_free), or -1 with err filled: code
 * OLR_E_RENDER, path = name, line = line of the bad tag.
 */
int tmpl_parse(const char *name, const char *text, size_t len,
    struct tmpl **out, struct olr_err *err);
void tmpl_free(struct tmpl *t);

/* A new empty scope; free with tmpl_vars_free (frees its rows too). */
struct tmpl_vars *tmpl_vars_new(void);
void tmpl_vars_free(struct tmpl_vars *v);

/* Bind name to a copy of value (NULL = ""). Binding again replaces. */
void tmpl_set(struct tmpl_vars *v, const char *name, const char *value);
void tmpl_setf(struct tmpl_vars *v, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Bind name to a flag (true when on != 0). */
void tmpl_set_flag(struct tmpl_vars *v, const char *name, int on);
/*
 * Append a row to the list bound to name (binding an empty list first if
 * name is not a list) and return it; the row belongs to v.
 */
struct tmpl_vars *tmpl_add_row(struct tmpl_vars *v, const char *name);
/* Bind name to an empty list (so {{^name}} shows). */
void tmpl_set_list(struct tmpl_vars *v, const char *name);
/* Rows in the list bound to name (0 when not a list). */
size_t tmpl_rows(const struct tmpl_vars *v, const char *name);

/* Flags for tmpl_expand. */
#define TMPL_STRICT 1   /* {{name}} with no binding in any scope: error */

/*
 * Append the expansion of t with values v to out. 0, or -1 with err filled
 * (TMPL_STRICT only: template name and line of the unbound name).
 */
int tmpl_expand(const struct tmpl *t, const struct tmpl_vars *v, int flags,
    struct buf *out, struct olr_err *err);

/* Append s HTML-escaped to out (what {{name}} does). */
void tmpl_escape(struct buf *out, const char *s, size_t len);

#endif

/*
 * html.c - the HTML report (placeholder: not written yet).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "html.h"

int
html_render(sqlite3 *db, const struct render_opts *o, const char *path,
    struct olr_err *err)
{
	(void)db; (void)o;
	olr_err_set(err, OLR_E_RENDER, path, 0, "HTML output is not written yet");
	return -1;
}

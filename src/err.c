/*
 * err.c - the shared error record (see err.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
olr_err_set(struct olr_err *err, enum olr_errcode code, const char *path,
    long line, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return;
	err->code = code;
	snprintf(err->path, sizeof err->path, "%s", path ? path : "");
	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
}

void
olr_err_clear(struct olr_err *err)
{
	memset(err, 0, sizeof *err);
}

char *
olr_err_format(const struct olr_err *err, char *buf, size_t size)
{
	if (err->path[0] && err->line > 0)
		snprintf(buf, size, "%s:%ld: %s", err->path, err->line, err->msg);
	else if (err->path[0])
		snprintf(buf, size, "%s: %s", err->path, err->msg);
	else
		snprintf(buf, size, "%s", err->msg);
	return buf;
}

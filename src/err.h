/*
 * err.h - the error record every fallible function fills.
 *
 * Functions that can fail return 0 on success and -1 on failure and, on
 * failure, fill a caller-supplied struct olr_err. Modules never print and
 * never exit: main.c turns the record into one line on stderr.
 */
#ifndef OLR_ERR_H
#define OLR_ERR_H

#include <stddef.h>

enum olr_errcode {
	OLR_OK = 0,
	OLR_E_USAGE,    /* bad command line */
	OLR_E_IO,       /* cannot open / read / write a file */
	OLR_E_FORMAT,   /* input is not a log (binary, truncated gzip, bad CSV) */
	OLR_E_PATTERN,  /* bad pattern catalogue entry */
	OLR_E_DB,       /* SQLite error */
	OLR_E_RENDER    /* report output error */
};

struct olr_err {
	enum olr_errcode code;
	char             path[1024]; /* file the error is about, or "" */
	long             line;       /* 1-based line (or record), 0 = none */
	char             msg[1024];  /* human text, no trailing newline */
};

/* Set all fields; fmt is printf-like. path may be NULL. */
void olr_err_set(struct olr_err *err, enum olr_errcode code, const char *path,
    long line, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Reset to OLR_OK. */
void olr_err_clear(struct olr_err *err);

/* "path:line: msg" (parts omitted when empty) into buf; returns buf. */
char *olr_err_format(const struct olr_err *err, char *buf, size_t size);

#endif

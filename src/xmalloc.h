/*
 * xmalloc.h - allocation that never returns NULL.
 *
 * Running out of memory is the one error modules do not report through
 * struct olr_err: these functions print one line and abort.
 */
#ifndef OLR_XMALLOC_H
#define OLR_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow an array of nmemb elements of size bytes, checking for overflow. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Report that size bytes could not be had, and abort. */
void xmalloc_die(size_t size) __attribute__((noreturn));

#endif

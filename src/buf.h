/*
 * buf.h - a growable byte buffer, always NUL-terminated.
 */
#ifndef OLR_BUF_H
#define OLR_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char   *data;   /* NUL-terminated; NULL until the first append */
	size_t  len;
	size_t  cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *data, size_t len);
void buf_putc(struct buf *b, char c);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Empty the buffer, keeping its memory. */
void buf_reset(struct buf *b);
/* Free the memory; the buffer is BUF_INIT again. */
void buf_free(struct buf *b);
/* The contents as a C string ("" when empty); valid until the next change. */
const char *buf_str(const struct buf *b);

#endif

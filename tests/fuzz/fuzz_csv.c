/*
 * fuzz_csv.c - the CSV record reader fed in chunks of varying sizes.
 *
 * As fuzz_lines.c: the first byte tells how many of the next bytes (1 to
 * 8) are chunk sizes (0 = 1 byte), the rest is the CSV text, fed with
 * csv_feed() in those chunks with csv_next() drained after each, then
 * csv_finish() and a last drain. Fed whole it must give the same records
 * (fields, lengths, lines) and the same end (a record or the unterminated
 * quote error); every field must be NUL-terminated at its length.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct out {
	char   *text;   /* per record: line, nfields, then len + bytes */
	size_t  len, cap;
	long    nrec;
	int     failed;
};

static void
put(struct out *o, const void *s, size_t n)
{
	if (o->len + n > o->cap) {
		o->cap = (o->len + n) * 2 + 64;
		o->text = realloc(o->text, o->cap);
		if (o->text == NULL)
			abort();
	}
	if (n)
		memcpy(o->text + o->len, s, n);
	o->len += n;
}

static void
drain(struct csv_reader *cr, struct out *o)
{
	struct csv_record r;
	struct olr_err err;
	long prev = 0;
	size_t i;
	int rc;

	memset(&err, 0, sizeof err);
	while ((rc = csv_next(cr, &r, &err)) > 0) {
		if (r.line < 1 || r.line < prev)
			abort();
		prev = r.line;
		put(o, &r.line, sizeof r.line);
		put(o, &r.nfields, sizeof r.nfields);
		for (i = 0; i < r.nfields; i++) {
			if (r.field[i][r.len[i]] != '\0')
				abort();
			put(o, &r.len[i], sizeof r.len[i]);
			put(o, r.field[i], r.len[i]);
		}
		o->nrec++;
	}
	if (rc < 0) {
		if (err.code != OLR_E_FORMAT || err.line < 1)
			abort();
		o->failed = 1;
		put(o, &err.line, sizeof err.line);
	}
}

static void
read_all(const char *text, size_t len, const uint8_t *sizes, size_t nsizes,
    struct out *o)
{
	struct csv_reader *cr = csv_reader_new();
	size_t off = 0, k, i = 0;

	while (off < len) {
		k = len;
		if (nsizes > 0) {
			k = sizes[i++ % nsizes];
			if (k == 0)
				k = 1;
		}
		if (k > len - off)
			k = len - off;
		csv_feed(cr, text + off, k);
		off += k;
		drain(cr, o);
	}
	if (csv_bytes(cr) != len)
		abort();
	csv_finish(cr);
	drain(cr, o);
	/* after the end nothing more comes out */
	drain(cr, o);
	csv_reader_free(cr);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct out whole = { 0 }, parts = { 0 };
	size_t nsizes;

	if (size < 1)
		return 0;
	nsizes = (data[0] & 7) + 1;
	if (size < 1 + nsizes)
		return 0;
	read_all((const char *)data + 1 + nsizes, size - 1 - nsizes, NULL, 0,
	    &whole);
	read_all((const char *)data + 1 + nsizes, size - 1 - nsizes, data + 1,
	    nsizes, &parts);
	if (whole.nrec != parts.nrec || whole.failed != parts.failed ||
	    whole.len != parts.len ||
	    (whole.len && memcmp(whole.text, parts.text, whole.len) != 0))
		abort();
	free(whole.text);
	free(parts.text);
	return 0;
}

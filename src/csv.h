/*
 * csv.h - incremental RFC 4180 CSV reader.
 *
 * Bytes go in with csv_feed() in chunks of any size (one byte at a time
 * works); complete records come out of csv_next(), as lines.c does for
 * lines. Fields are separated by commas and records by LF or CR LF; a
 * field in double quotes may hold commas, CR, LF and doubled quotes ("").
 * An empty physical line is returned as a record of no fields, because
 * InfluxDB separates the tables of one export with one. Memory is bounded
 * by the longest record plus one chunk.
 */
#ifndef OLR_CSV_H
#define OLR_CSV_H

#include <stddef.h>

#include "err.h"

struct csv_reader;

struct csv_record {
	size_t              nfields;  /* 0 for an empty line */
	const char *const  *field;    /* NUL-terminated (a field may hold NUL) */
	const size_t       *len;      /* length of each field */
	long                line;     /* physical line it starts on, 1-based */
};

/* Never NULL; free with csv_reader_free(). */
struct csv_reader *csv_reader_new(void);
void csv_reader_free(struct csv_reader *cr);

/* Append bytes. Invalidates the last record returned by csv_next(). */
void csv_feed(struct csv_reader *cr, const char *data, size_t len);

/* No more input: a last record without a final LF will be returned. */
void csv_finish(struct csv_reader *cr);

/*
 * Returns 1 and fills *out with the next record, 0 when more input is
 * needed (or, after csv_finish(), at the end), -1 with err filled (code
 * OLR_E_FORMAT, no path, line of the record) when the input ends inside a
 * quoted field. The record is valid until the next csv_feed() or
 * csv_next().
 */
int csv_next(struct csv_reader *cr, struct csv_record *out,
    struct olr_err *err);

/* Bytes fed so far. */
unsigned long long csv_bytes(const struct csv_reader *cr);

#endif

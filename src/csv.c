/*
 * csv.c - the CSV reader (see csv.h).
 *
 * The reader keeps the input not yet consumed in one buffer and decodes
 * the record being read into a second one, field after field, each field
 * NUL-terminated. The decoding state (inside quotes, just after a closing
 * quote) survives between calls, so a record split across any number of
 * feeds is scanned once.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

enum csv_state {
	CSV_FIELD_START,   /* at the start of a field */
	CSV_UNQUOTED,      /* inside a field without quotes */
	CSV_QUOTED,        /* inside "..." */
	CSV_AFTER_QUOTE    /* after a quote inside "...": end or doubled */
};

struct csv_reader {
	char           *data;        /* input not yet consumed */
	size_t          len, cap, pos;
	int             eof;
	enum csv_state  state;
	int             in_record;   /* a byte of the record was consumed */
	long            line;        /* physical line of the next byte */
	long            rec_line;    /* line the record started on */
	struct buf      out;         /* decoded fields, NUL after each */
	size_t         *start;       /* offset of each field in out */
	size_t          nstart, capstart;
	const char    **fields;      /* the views handed out */
	size_t         *lens;
	size_t          capviews;
	unsigned long long bytes;
	long            records;     /* records handed out */
	long            q_lines;     /* newlines inside the quoted field */
};

struct csv_reader *
csv_reader_new(void)
{
	struct csv_reader *cr = xcalloc(1, sizeof *cr);

	cr->line = 1;
	return cr;
}

void
csv_reader_free(struct csv_reader *cr)
{
	if (cr == NULL)
		return;
	free(cr->data);
	buf_free(&cr->out);
	free(cr->start);
	free(cr->fields);
	free(cr->lens);
	free(cr);
}

void
csv_feed(struct csv_reader *cr, const char *data, size_t len)
{
	if (cr->pos > 0) {
		memmove(cr->data, cr->data + cr->pos, cr->len - cr->pos);
		cr->len -= cr->pos;
		cr->pos = 0;
	}
	if (cr->len + len > cr->cap) {
		size_t cap = cr->cap ? cr->cap : 65536;
		while (cap < cr->len + len)
			cap *= 2;
		cr->data = xrealloc(cr->data, cap);
		cr->cap = cap;
	}
	if (len)
		memcpy(cr->data + cr->len, data, len);
	cr->len += len;
	cr->bytes += len;
}

void
csv_finish(struct csv_reader *cr)
{
	cr->eof = 1;
}

unsigned long long
csv_bytes(const struct csv_reader *cr)
{
	return cr->bytes;
}

static void
begin_field(struct csv_reader *cr)
{
	if (cr->nstart == cr->capstart) {
		cr->capstart = cr->capstart ? cr->capstart * 2 : 16;
		cr->start = xreallocarray(cr->start, cr->capstart,
		    sizeof *cr->start);
	}
	cr->start[cr->nstart++] = cr->out.len;
}

static void
end_field(struct csv_reader *cr)
{
	buf_putc(&cr->out, '\0');
}

/* The unquoted field being read loses the CR of a CR LF ending. */
static void
drop_cr(struct csv_reader *cr)
{
	if (cr->state == CSV_UNQUOTED && cr->out.len > cr->start[cr->nstart - 1]
	    && cr->out.data[cr->out.len - 1] == '\r')
		cr->out.len--;
}

/* Hand out the decoded record and reset for the next one. */
static void
emit(struct csv_reader *cr, struct csv_record *out)
{
	size_t i;

	if (cr->nstart > cr->capviews) {
		cr->capviews = cr->nstart;
		cr->fields = xreallocarray(cr->fields, cr->capviews,
		    sizeof *cr->fields);
		cr->lens = xreallocarray(cr->lens, cr->capviews,
		    sizeof *cr->lens);
	}
	for (i = 0; i < cr->nstart; i++) {
		cr->fields[i] = cr->out.data + cr->start[i];
		cr->lens[i] = (i + 1 < cr->nstart ? cr->start[i + 1] :
		    cr->out.len) - cr->start[i] - 1;
	}
	/* an empty line (or a lone CR, or "") is a table break */
	out->nfields = cr->nstart == 1 && cr->lens[0] == 0 ? 0 : cr->nstart;
	out->field = cr->fields;
	out->len = cr->lens;
	out->line = cr->rec_line;
	cr->records++;
	cr->nstart = 0;
	cr->in_record = 0;
	cr->state = CSV_FIELD_START;
}

/*
 * A stray quote: the record that opened it is named (its number and
 * line) and the reader is left at the end of the input: what follows
 * cannot be told apart from the quoted text.
 */
static void
stray_quote(struct csv_reader *cr, struct olr_err *err, const char *where)
{
	olr_err_set(err, OLR_E_FORMAT, NULL, cr->rec_line, "record %ld: a "
	    "quoted field opened on this line runs over %ld more lines %s "
	    "(a stray quote?)",
	    cr->records + 1, cr->q_lines, where);
	cr->in_record = 0;
	cr->nstart = 0;
	cr->pos = cr->len;
	cr->eof = 1;
}

int
csv_next(struct csv_reader *cr, struct csv_record *out, struct olr_err *err)
{
	size_t i;
	char c;

	if (!cr->in_record)
		buf_reset(&cr->out);
	for (i = cr->pos; i < cr->len; i++) {
		c = cr->data[i];
		if (!cr->in_record) {
			cr->in_record = 1;
			cr->q_lines = 0;
			cr->rec_line = cr->line;
			cr->state = CSV_FIELD_START;
			begin_field(cr);
		}
		switch (cr->state) {
		case CSV_FIELD_START:
			if (c == '"') {
				cr->state = CSV_QUOTED;
				cr->q_lines = 0;
				continue;
			}
			cr->state = CSV_UNQUOTED;
			/* FALLTHROUGH */
		case CSV_UNQUOTED:
		case CSV_AFTER_QUOTE:
			if (cr->state == CSV_AFTER_QUOTE && c == '"') {
				buf_putc(&cr->out, '"');   /* "" */
				cr->state = CSV_QUOTED;
			} else if (c == ',') {
				end_field(cr);
				begin_field(cr);
				cr->state = CSV_FIELD_START;
			} else if (c == '\n') {
				drop_cr(cr);
				end_field(cr);
				cr->line++;
				cr->pos = i + 1;
				emit(cr, out);
				return 1;
			} else if (cr->state == CSV_AFTER_QUOTE && c == '\r') {
				/* the CR of CR LF after a closing quote */
			} else if (cr->state == CSV_AFTER_QUOTE &&
			    cr->q_lines > 0) {
				/* a quoted field that ran over lines and closes
				 * mid-field: a stray quote swallowed the records
				 * after it */
				stray_quote(cr, err, "to a quote followed by "
				    "text");
				return -1;
			} else {
				/* text after a closing quote is kept, leniently */
				buf_putc(&cr->out, c);
				cr->state = CSV_UNQUOTED;
			}
			break;
		case CSV_QUOTED:
			if (c == '"')
				cr->state = CSV_AFTER_QUOTE;
			else {
				if (c == '\n') {
					cr->line++;
					cr->q_lines++;
				}
				buf_putc(&cr->out, c);
			}
			break;
		}
	}
	cr->pos = cr->len;
	if (!cr->eof || !cr->in_record)
		return 0;
	if (cr->state == CSV_QUOTED && cr->q_lines > 0) {
		stray_quote(cr, err, "to the end of the file");
		return -1;
	}
	if (cr->state == CSV_QUOTED) {
		olr_err_set(err, OLR_E_FORMAT, NULL, cr->rec_line,
		    "unterminated quoted field (the file ends inside it)");
		cr->in_record = 0;
		cr->nstart = 0;
		return -1;
	}
	drop_cr(cr);
	end_field(cr);
	emit(cr, out);
	return 1;
}

/*
 * rejoin.c - records rejoined from hard-wrapped lines, wrapper prefixes
 * removed (see rejoin.h).
 *
 * Three states: SAMPLING keeps the first lines (text in one buffer, their
 * offsets in an array) and feeds them to the shape learner; REPLAY hands
 * them on once the shape is known; STREAM handles every later line as it
 * comes. A wrapped file holds the record being built in one of two
 * buffers, so that the record handed out last stays valid while the next
 * one is started in the other.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "rejoin.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "envelope.h"
#include "xmalloc.h"

enum rejoin_state { SAMPLING, REPLAY, STREAM };

struct sample_line {
	size_t off, len;
	long   lineno;
};

struct rejoiner {
	enum rejoin_state state;
	int               eof;
	struct shape_learner *learner;
	struct file_shape shape;
	struct envelope_decoder *dec;
	/* the sample */
	struct buf         sample;
	struct sample_line *lines;
	size_t             nlines, cap, replay;
	/* the record being built (wrapped files) */
	struct buf rec[2];
	int        cur, has_rec;
	long       rec_first, rec_last;
	size_t     rec_last_width;
	/* the record ready to be taken */
	int              ready;
	struct line_view out;
	struct olr_time  ts;
	struct rejoin_stats stats;
};

struct rejoiner *
rejoiner_new(void)
{
	struct rejoiner *rj = xcalloc(1, sizeof *rj);

	rj->learner = shape_learner_new();
	rj->dec = envelope_decoder_new();
	return rj;
}

void
rejoiner_free(struct rejoiner *rj)
{
	if (rj == NULL)
		return;
	shape_learner_free(rj->learner);
	envelope_decoder_free(rj->dec);
	buf_free(&rj->sample);
	buf_free(&rj->rec[0]);
	buf_free(&rj->rec[1]);
	free(rj->lines);
	free(rj);
}

/* A record is ready: its prefixes removed. */
static void
emit(struct rejoiner *rj, const char *text, size_t len, long first,
    long last)
{
	size_t n;

	rj->out.prefix_ts = NULL;
	if (rj->shape.prefix_len &&
	    (n = shape_prefix_match(&rj->shape, text, len)) > 0) {
		if (rj->shape.time_len &&
		    shape_prefix_time(&rj->shape, text, &rj->ts) == 0)
			rj->out.prefix_ts = &rj->ts;
		rj->stats.lines_prefixed++;
		text += n;
		len -= n;
	}
	if ((n = shape_powershell_prefix(text, len)) > 0) {
		rj->stats.powershell++;
		text += n;
		len -= n;
	}
	rj->out.text = text;
	rj->out.len = len;
	rj->out.lineno = first;
	rj->out.last_lineno = last;
	rj->ready = 1;
}

/* One physical line, once the shape is known. */
static void
process(struct rejoiner *rj, const char *text, size_t len, long lineno)
{
	struct buf *b;

	if (!rj->shape.wrap_width) {
		emit(rj, text, len, lineno, lineno);
		return;
	}
	if (rj->has_rec &&
	    rj->rec_last_width == (size_t)rj->shape.wrap_width &&
	    rj->rec[rj->cur].len + len <= REJOIN_MAX_RECORD &&
	    shape_continues(&rj->shape, rj->dec, rj->rec[rj->cur].data,
	    rj->rec[rj->cur].len, text, len)) {
		buf_append(&rj->rec[rj->cur], text, len);
		rj->rec_last = lineno;
		rj->rec_last_width = shape_width(text, len);
		rj->stats.lines_rejoined++;
		return;
	}
	if (rj->has_rec) {
		b = &rj->rec[rj->cur];
		emit(rj, b->data, b->len, rj->rec_first, rj->rec_last);
		rj->cur ^= 1;
	}
	b = &rj->rec[rj->cur];
	buf_reset(b);
	buf_append(b, text, len);
	rj->has_rec = 1;
	rj->rec_first = rj->rec_last = lineno;
	rj->rec_last_width = shape_width(text, len);
}

static void
decide(struct rejoiner *rj)
{
	shape_learned(rj->learner, &rj->shape);
	rj->state = REPLAY;
	rj->replay = 0;
}

void
rejoin_push(struct rejoiner *rj, const struct line_view *lv)
{
	struct sample_line *sl;

	if (rj->state != SAMPLING) {
		process(rj, lv->text, lv->len, lv->lineno);
		return;
	}
	if (rj->nlines == rj->cap) {
		rj->cap = rj->cap ? rj->cap * 2 : 256;
		rj->lines = xrealloc(rj->lines, rj->cap * sizeof *rj->lines);
	}
	sl = &rj->lines[rj->nlines++];
	sl->off = rj->sample.len;
	sl->len = lv->len;
	sl->lineno = lv->lineno;
	buf_append(&rj->sample, lv->text, lv->len);
	shape_learn_line(rj->learner, lv->text, lv->len);
	if (rj->nlines >= REJOIN_SAMPLE_LINES ||
	    rj->sample.len >= REJOIN_SAMPLE_BYTES)
		decide(rj);
}

void
rejoin_finish(struct rejoiner *rj)
{
	rj->eof = 1;
}

int
rejoin_next(struct rejoiner *rj, struct line_view *out)
{
	const struct sample_line *sl;
	struct buf *b;

	for (;;) {
		if (rj->ready) {
			*out = rj->out;
			rj->ready = 0;
			return 1;
		}
		if (rj->state == SAMPLING) {
			if (!rj->eof)
				return 0;
			decide(rj);
		}
		if (rj->state == REPLAY) {
			if (rj->replay < rj->nlines) {
				sl = &rj->lines[rj->replay++];
				process(rj, rj->sample.len ? rj->sample.data +
				    sl->off : "", sl->len, sl->lineno);
				continue;
			}
			/* the sample is handed on: its memory goes */
			rj->state = STREAM;
			buf_free(&rj->sample);
			free(rj->lines);
			rj->lines = NULL;
			rj->nlines = rj->cap = 0;
		}
		if (rj->eof && rj->has_rec) {
			b = &rj->rec[rj->cur];
			emit(rj, b->data, b->len, rj->rec_first, rj->rec_last);
			rj->has_rec = 0;
			continue;
		}
		return 0;
	}
}

const struct file_shape *
rejoin_shape(const struct rejoiner *rj)
{
	return &rj->shape;
}

const struct rejoin_stats *
rejoin_get_stats(const struct rejoiner *rj)
{
	return &rj->stats;
}

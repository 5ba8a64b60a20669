/*
 * fuzz_line.c - one log line through the per-line path of ingest, as
 * src/main.c's ingest_line() takes it: envelope_decode -> (blank?) ->
 * slog_scan -> event_stamp -> classify_line against the built-in
 * catalogue -> event_build. The database is not involved: the values
 * store_insert_event() would read are read here instead (every text view
 * copied, the stamp strings measured), so that a view past its buffer is
 * caught by ASan.
 *
 * The input is the line as is, NUL bytes and invalid UTF-8 included
 * (lines.c removes those before ingest; the modules below must not depend
 * on it for memory safety). The running clock starts empty for an input of
 * even length, and for an odd length with a zone (+05:30) and a last time,
 * so that zoneless times and inherited times are exercised too.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "envelope.h"
#include "err.h"
#include "event.h"
#include "pattern.h"
#include "slog.h"

static struct pat_set *set;
static struct classifier *cls;
static struct envelope_decoder *envd;
static struct slog_scanner *slog;
static struct event_builder *events;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct olr_err err;

	(void)argc;
	(void)argv;
	memset(&err, 0, sizeof err);
	set = pat_set_new();
	if (pat_set_load_builtin(set, &err) != 0) {
		fprintf(stderr, "built-in catalogue: %s\n", err.msg);
		abort();
	}
	pat_set_finish(set);
	cls = classifier_new(set);
	envd = envelope_decoder_new();
	slog = slog_scanner_new();
	events = event_builder_new();
	return 0;
}

/* Read n bytes at s the way rowq_text() copies them. */
static volatile unsigned sink;

static void
touch(const char *s, size_t n)
{
	static char copy[1 << 16];
	size_t k;

	if (s == NULL) {
		if (n != 0)
			abort();
		return;
	}
	while (n > 0) {
		k = n < sizeof copy ? n : sizeof copy;
		memcpy(copy, s, k);
		sink += (unsigned char)copy[0] + (unsigned char)copy[k - 1];
		s += k;
		n -= k;
	}
}

static void
touch_stamp(const struct olr_stamp *st)
{
	if (!st->has_ts)
		return;
	if (strnlen(st->ts, sizeof st->ts) >= sizeof st->ts ||
	    strnlen(st->offset, sizeof st->offset) >= sizeof st->offset)
		abort();
	touch(st->ts, strlen(st->ts));
	touch(st->offset, strlen(st->offset));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *line = (const char *)data;
	struct envelope env;
	struct slog_rec rec;
	const struct slog_rec *r = NULL;
	struct olr_event ev;
	struct olr_clock clock;
	const struct pat_entry *e;
	const char *subject;
	size_t subject_len, i;

	memset(&clock, 0, sizeof clock);
	if (size % 2 == 1) {
		clock.has = 1;
		clock.last.has_ts = 1;
		clock.last.epoch_ms = 1715084972104;
		strcpy(clock.last.ts, "2024-05-07T12:29:32.104Z");
		clock.last.has_offset = 1;
		strcpy(clock.last.offset, "+05:30");
		clock.has_zone = 1;
		clock.zone_min = 330;
	}

	envelope_decode(envd, line, size, &env);
	touch(env.payload, env.payload_len);
	touch(env.host, env.host_len);
	touch(env.ident, env.ident_len);
	if (envelope_blank(&env))
		return 0;
	if (slog_scan(slog, env.payload, env.payload_len, &rec)) {
		r = &rec;
		for (i = 0; i < rec.nattrs; i++) {
			/* keys and values are NUL-terminated */
			if (rec.attrs[i].key[rec.attrs[i].key_len] != '\0' ||
			    rec.attrs[i].val[rec.attrs[i].val_len] != '\0')
				abort();
			touch(rec.attrs[i].key, rec.attrs[i].key_len);
			touch(rec.attrs[i].val, rec.attrs[i].val_len);
		}
	}
	memset(&ev, 0, sizeof ev);
	event_stamp(&clock, &env, r, &ev.stamp);
	touch_stamp(&ev.stamp);

	e = classify_line(cls, r, env.payload, env.payload_len);
	if (e == NULL || e->is_noise)
		return 0;
	subject = classifier_subject(cls, &subject_len);
	touch(subject, subject_len);
	event_build(events, e, r, subject, classifier_match_data(cls), &ev);
	if (ev.entry != e)
		abort();
	touch(e->name, e->name_len);
	for (i = 0; i < e->ncols; i++) {
		const struct olr_value *v = &ev.values[i];

		if (v->kind == OLR_V_TEXT)
			touch(v->s, v->n);
	}
	return 0;
}

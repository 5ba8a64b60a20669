/*
 * event.h - normalising a classified line into a typed row.
 *
 * An event is one row for one category table: the columns every table has
 * (source, line, time, host, level, entry name, raw text) plus the entry's
 * own columns, converted to integers (bytes, counts), reals (seconds, BPW)
 * or text as the catalogue says. Values are views valid until the next
 * event_build() with the same builder.
 */
#ifndef OLR_EVENT_H
#define OLR_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "envelope.h"
#include "pattern.h"
#include "slog.h"
#include "units.h"

enum olr_vkind { OLR_V_NULL = 0, OLR_V_INT, OLR_V_REAL, OLR_V_TEXT };

struct olr_value {
	enum olr_vkind kind;
	int64_t        i;
	double         d;
	const char    *s;   /* not NUL-terminated */
	size_t         n;
};

/* Time of a line, as stamped by event_stamp(). */
struct olr_stamp {
	int     has_ts;
	char    ts[32];          /* UTC ISO-8601 with ms */
	int     has_offset;
	char    offset[8];       /* "+05:30", "Z" */
	int     inherited;       /* 1 = taken from an earlier line */
	int64_t epoch_ms;
};

/* The running clock of one source: last time seen, last zone seen. */
struct olr_clock {
	int              has;
	struct olr_stamp last;
	int              has_zone;
	int              zone_min;
};

struct olr_event {
	const struct pat_entry *entry;
	int64_t                 source_id;
	long                    line;
	struct olr_stamp        stamp;
	const char             *host;  size_t host_len;   /* NULL = none */
	const char             *level; size_t level_len;  /* NULL = none */
	const char             *raw;   size_t raw_len;
	struct olr_value       *values;  /* entry->ncols values */
};

struct event_builder;

/* Never NULL; free with event_builder_free(). */
struct event_builder *event_builder_new(void);
void event_builder_free(struct event_builder *b);

/*
 * Stamp a line: its own slog time, else the envelope's time (docker,
 * journal short-iso, Go log; a time without zone is read in the last zone
 * seen), else the clock's last time (inherited). Updates the clock.
 */
void event_stamp(struct olr_clock *clk, const struct envelope *env,
    const struct slog_rec *rec, struct olr_stamp *out);

/*
 * The same, for a line whose slog time was parsed already: own is that
 * time, or NULL when the line has none (or one that is not a time).
 */
void event_stamp_time(struct olr_clock *clk, const struct olr_time *own,
    const struct envelope *env, struct olr_stamp *out);

/*
 * A log read on after its known part (identity.h): lines without a time
 * inherit t, the last time of that part, until one has its own. The zone
 * stays unknown.
 */
void event_clock_resume(struct olr_clock *clk, const struct olr_time *t);

/*
 * Compute the entry's column values for a line the classifier matched.
 * rec is the slog record (NULL for text lines); subject/md are the
 * classifier's subject and match data. Fills ev->entry and ev->values.
 */
void event_build(struct event_builder *b, const struct pat_entry *e,
    const struct slog_rec *rec, const char *subject, pcre2_match_data *md,
    struct olr_event *ev);

/* Helpers, exposed for tests: */
/* 1 when text reports an out-of-memory condition. */
int event_text_is_oom(const char *s, size_t n);
/* The value of a command-line flag in cmd; 1 and val, vlen set if present. */
int event_cmd_arg(const char *cmd, size_t n, const char *flag,
    const char **val, size_t *vlen);
/* A %+v Go struct field "Name:value" in s; 1 if present. */
int event_gofield(const char *s, size_t n, const char *name,
    const char **val, size_t *vlen);

#endif

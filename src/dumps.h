/*
 * dumps.h - model metadata stored once per distinct dump.
 *
 * Every load prints its model's metadata: a llama_model_loader "- kv"
 * list and print_info / llm_load_print_meta lines, 100 to 300 lines that
 * are the same each time the same model is loaded the same way. Most of
 * a busy server's classified lines are such repeats. A dump is the
 * metadata rows of one source that follow each other at most
 * DUMPS_GAP lines apart; its content is every row's line relative to
 * the dump's first, level, event, raw text and values. A content is
 * stored once (table model_dump_rows, keyed by a 63-bit number taken
 * from its SHA-256); each dump is one row of model_dumps (source, first
 * and last line, time, host, load, content), and a row of
 * model_dump_times for each of its lines whose time is not the line
 * before's (times are not content: a journal gives each line its own).
 * The view model_metadata gives every line's row back.
 *
 * This module only groups rows and decides what is new; store.c writes.
 * The contents known are those of the database (dumps_know()) and those
 * of dumps taken since the last dumps_commit(); dumps_rollback() forgets
 * the latter, as the database does on ROLLBACK.
 */
#ifndef OLR_DUMPS_H
#define OLR_DUMPS_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"

/* rows further apart than this many lines are two dumps */
#define DUMPS_GAP 16
/* a dump larger than this is cut (memory is bounded by it) */
#define DUMPS_MAX_ROWS 20000
#define DUMPS_MAX_BYTES (8u << 20)

struct dumps;

/* One row of a dump, as dumps_row() gives it back. */
struct dumps_row {
	const struct pat_entry *entry;
	long                    rel_line;   /* line - the dump's first line */
	const char             *level;      /* NULL = none */
	size_t                  level_len;
	const char             *raw;
	size_t                  raw_len;
	struct olr_value        values[64]; /* entry->ncols of them */
	const struct olr_stamp *stamp;      /* its time */
	int                     new_time;   /* unlike the row before's */
};

/* A finished dump: what model_dumps gets. Valid until the next call. */
struct dumps_dump {
	int64_t     source_id;
	long        first_line, last_line;
	int64_t     content;       /* > 0 */
	long        rows;
	int         is_new;        /* its rows must be stored */
	const struct olr_stamp *stamp;   /* its first line's time */
	const char *host;          /* NULL = none */
	size_t      host_len;
};

struct dumps *dumps_new(void);
void dumps_free(struct dumps *d);

/* A content the database already holds. */
void dumps_know(struct dumps *d, int64_t content);

/*
 * Does a row at (source_id, line) end the dump in hand? It does when it
 * is of another source or more than DUMPS_GAP lines after its last row.
 * The caller then takes the dump (dumps_take()) before adding the row.
 */
int dumps_ends(const struct dumps *d, int64_t source_id, long line);

/* Is a dump in hand? */
int dumps_open(const struct dumps *d);

/*
 * Add a metadata row to the dump in hand (a new dump when none is). The
 * event's bytes are copied. Returns 1 when the dump is full: take it.
 */
int dumps_add(struct dumps *d, const struct olr_event *ev);

/*
 * Close the dump in hand: *out describes it (its content known from now
 * on). Its rows are read back with dumps_row(0 .. out->rows - 1) until
 * the next dumps_add(). Returns 0 when no dump was in hand.
 */
int dumps_take(struct dumps *d, struct dumps_dump *out);

/* Row i of the dump just taken. */
void dumps_row(struct dumps *d, long i, struct dumps_row *out);

/* The contents taken since the last commit are in the database for good. */
void dumps_commit(struct dumps *d);
/* ... were rolled back: forgotten. */
void dumps_rollback(struct dumps *d);

#endif

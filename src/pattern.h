/*
 * pattern.h - the catalogue of log events (the .pat files, see
 * patterns/README.md for the file format).
 *
 * A pattern set is an ordered list of entries. Each entry names the table
 * its rows go to, whether it applies to slog messages or to whole text
 * lines, a literal that must occur, a PCRE2 regex (JIT compiled) and how
 * each column is computed. The set is read once and then only read.
 */
#ifndef OLR_PATTERN_H
#define OLR_PATTERN_H

#include <stddef.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "err.h"

enum pat_match {
	PAT_SLOG,   /* literal and regex apply to the msg of a slog line */
	PAT_TEXT    /* ... to the whole line */
};

enum pat_src {
	PAT_SRC_ATTR,     /* slog attribute(s) */
	PAT_SRC_GROUP,    /* named regex group */
	PAT_SRC_ARG,      /* command-line flag inside an attribute */
	PAT_SRC_GOFIELD,  /* Go %+v struct field inside an attribute */
	PAT_SRC_CONST     /* fixed text */
};

enum pat_type {
	PAT_T_TEXT, PAT_T_INT, PAT_T_REAL, PAT_T_BYTES, PAT_T_MIB,
	PAT_T_BYTES_LIST, PAT_T_BYTES_SUM, PAT_T_SECONDS, PAT_T_PARAMS,
	PAT_T_BOOL, PAT_T_EXIT, PAT_T_OOM, PAT_T_PROBE
};

struct pat_col {
	char          *column;   /* column of the entry's table */
	enum pat_src   src;
	char         **keys;     /* attr: alternatives; arg/gofield: [0] attr */
	size_t         nkeys;
	char         **names;    /* arg: flags; gofield: field name */
	size_t         nnames;
	int            group;    /* group number (PAT_SRC_GROUP) */
	char          *text;     /* PAT_SRC_CONST */
	enum pat_type  type;
};

struct pat_entry {
	char            *name;
	size_t           name_len; /* strlen(name): stored with every row */
	char            *table;    /* "noise" = count only */
	int              is_noise;
	enum pat_match   match;
	char            *literal;
	size_t           literal_len;
	char            *regex_src;
	int              regex_line; /* line of the regex directive */
	char           **require;  /* slog attributes the line must have */
	size_t           nrequire;
	pcre2_code      *re;       /* NULL = literal alone decides */
	struct pat_col  *cols;
	size_t           ncols;
	char            *file;     /* where it was defined */
	int              line;
	int              index;    /* position in the set (for statements) */
};

struct pat_set {
	struct pat_entry **entries;   /* in priority order */
	size_t             n;
	uint32_t           max_ovector; /* largest capture count + 1 */
};

/* An empty set; never NULL. Free with pat_set_free(). */
struct pat_set *pat_set_new(void);
void pat_set_free(struct pat_set *set);

/*
 * Parse catalogue text (file name for messages). Entries whose name exists
 * replace it in place when override is set; new entries are appended, or
 * with override set, put before all others. Returns 0 or -1 with err
 * naming file and line.
 */
int pat_set_load_text(struct pat_set *set, const char *text, size_t len,
    const char *file, int override, struct olr_err *err);

/* The catalogue built into the binary. */
int pat_set_load_builtin(struct pat_set *set, struct olr_err *err);

/* A catalogue file from disk (--patterns): overrides and additions. */
int pat_set_load_file(struct pat_set *set, const char *path,
    struct olr_err *err);

/* Renumber entries and compute max_ovector; call after loading. */
void pat_set_finish(struct pat_set *set);

#endif

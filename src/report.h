/*
 * report.h - the report model: what failed, why, and the evidence,
 * computed once from the database (after render_apply_window, so the
 * --since/--until views apply) and handed to the writers (md.c, html.c).
 * Writers format this model; they never recompute an analysis.
 *
 * Problems are the alerts grouped: one kind of finding for one model (or
 * one GPU) on one host is one problem, with its count, first and last
 * time, a one-line cause, a story in plain words with the numbers that
 * explain it, and a bounded list of evidence lines (file, line, raw text).
 * Problems are ordered most severe first.
 */
#ifndef OLR_REPORT_H
#define OLR_REPORT_H

#include <sqlite3.h>

#include "capacity.h"
#include "err.h"
#include "render.h"

/* Evidence lines kept per problem. */
#define REPORT_EVIDENCE 12

/* Kinds of problem, most severe first (the order of the report). */
enum report_kind {
	RK_OOM_AFTER_FIT = 0,  /* out of memory after Ollama said it would fit */
	RK_OOM,                /* a load failed out of memory */
	RK_CRASH,              /* the runner died during the load */
	RK_TIMEOUT,            /* the load did not finish in Ollama's time */
	RK_CLIENT_GAVE_UP,     /* the client closed the connection first */
	RK_LOAD_FAILED,        /* any other load failure */
	RK_OOM_RUNTIME,        /* out of memory outside a load */
	RK_NOT_RELEASED,       /* memory not given back after an unload */
	RK_VRAM_TIMEOUT,       /* VRAM did not recover within the timeout */
	RK_OVER_ESTIMATE,      /* allocated more than Ollama estimated */
	RK_PARTIAL_OFFLOAD,    /* not every layer on the GPU */
	RK_SYSMEM_HIGH,        /* system memory above the threshold */
	RK_VRAM_HIGH,          /* VRAM above the threshold */
	RK_COUNT
};

struct report_line {
	long long source_id;
	char *file;     /* base name of the source */
	long  line;     /* 1-based */
	char *text;     /* the raw line */
};

struct report_problem {
	enum report_kind kind;
	const char *kind_name;    /* "oom", "client_gave_up", ... */
	const char *severity;     /* error | warning */
	char       *subject;      /* model label or GPU ("GPU 0") */
	char       *host;         /* or NULL */
	long        count;        /* occurrences */
	char       *first_ts, *last_ts;   /* UTC ISO-8601 */
	long long   load_id;      /* first occurrence's load, or -1 */
	char       *cause;        /* one line */
	char       *story;        /* plain words with the numbers */
	struct report_line *ev;   /* evidence, by file and line */
	size_t      nev;
	long        ev_more;      /* occurrences whose lines were left out */
};

struct report_model {
	char  *name;              /* label */
	char  *model;             /* digest or path (loads.model) */
	long   loads, ok, failed, incomplete;
	long   n_timed;           /* ok loads with a reported load time */
	double p50, p95;          /* nearest rank; valid when n_timed > 0 */
	int    p95_is_max;        /* n_timed < 20: p95 is the maximum */
	char  *layers;            /* "33/33", "15–28/28", or NULL */
	char  *ctx;               /* "8192", "2048–131072", or NULL */
};

struct report {
	char *span_from, *span_to;   /* UTC ISO-8601, or NULL */
	char *hosts;                 /* comma list, or NULL */
	char *versions;              /* Ollama versions, comma list, or NULL */
	char *gpus;                  /* "NVIDIA L40S (44.4 GiB, cuda) ×2", ... */
	char *os;                    /* "Linux", "Windows", ... or NULL */
	char *libraries;             /* "cuda, rocm", or NULL */
	long  n_sources;
	long  loads, ok, failed, incomplete;
	char *identifiers;           /* "user names in paths, host names, IPs",
	                                NULL when none or redacted */
	char *empty_window;          /* a window that holds nothing: what the
	                                database holds instead, or NULL */
	struct report_problem *problems;
	size_t nproblems;
	struct report_model *models;
	size_t nmodels;
	struct capacity cap;         /* the weekly capacity review */
};

/* Build r from db. 0, or -1 with err filled (r is then empty). */
int report_build(sqlite3 *db, const struct render_opts *o, struct report *r,
    struct olr_err *err);

void report_free(struct report *r);

/* Formatting shared by the writers. */
/* 14495514624 -> "13.50 GiB"; with_bytes: "13.50 GiB (14495514624 bytes)" */
void report_bytes(char *out, size_t size, long long b, int with_bytes);
/* 104.3 -> "104.3 s", 300 -> "5 min 0 s" */
void report_secs(char *out, size_t size, double s);

#endif

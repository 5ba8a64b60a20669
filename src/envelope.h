/*
 * envelope.h - removing what a log transport put in front of Ollama's own
 * line: the journalctl prefix ("Mar 18 14:36:20 host ollama[25324]: ",
 * any locale's month names, -o short-iso), docker --timestamps and Docker
 * Desktop timestamps, docker compose service prefixes ("ollama-1  | ", with
 * or without colour codes) and Go's std log prefix ("2024/12/19 12:47:58 ").
 */
#ifndef OLR_ENVELOPE_H
#define OLR_ENVELOPE_H

#include <stddef.h>

#include "units.h"

enum envelope_kind {
	ENVELOPE_NONE = 0,
	ENVELOPE_JOURNAL = 1,
	ENVELOPE_DOCKER_TS = 2,
	ENVELOPE_COMPOSE = 4,
	ENVELOPE_GOLOG = 8
};

struct envelope {
	const char *payload;     /* the line without its prefixes */
	size_t      payload_len;
	const char *host;        /* journal host, or NULL */
	size_t      host_len;
	const char *ident;       /* journal identifier ("ollama"), or NULL */
	size_t      ident_len;
	const char *container;   /* docker compose container ("ollama-1"), or
	                          * NULL */
	size_t      container_len;
	int         has_ts;      /* a full time came with the prefix */
	struct olr_time ts;
	int         kinds;       /* OR of enum envelope_kind */
};

struct envelope_decoder;

/* Never NULL; free with envelope_decoder_free(). */
struct envelope_decoder *envelope_decoder_new(void);
void envelope_decoder_free(struct envelope_decoder *dec);

/*
 * Decode one line. The views in *out point into line, or into the decoder
 * (when colour codes were removed) until the next call. Never fails: a line
 * with no known prefix is its own payload.
 */
void envelope_decode(struct envelope_decoder *dec, const char *line,
    size_t len, struct envelope *out);

/* 1 when the payload is empty or only blanks (spaces, tabs, CR). */
int envelope_blank(const struct envelope *env);

#endif

/*
 * md.h - report.md: the bug-report answer in GitHub-flavoured Markdown,
 * ready to paste into an issue: header facts, the grouped problems most
 * severe first with their stories and evidence (in collapsed <details>
 * blocks), the loads per model. Written from the report model alone.
 */
#ifndef OLR_MD_H
#define OLR_MD_H

#include "buf.h"
#include "render.h"
#include "report.h"

/* An issue body takes 65,536 characters; report.md stays below this. */
#define MD_MAX_BYTES 65000

/* The Markdown of r into out (appended). Never longer than MD_MAX_BYTES. */
void md_render(const struct report *r, const struct render_opts *o,
    struct buf *out);

/* Markdown-escape s (one line: newlines become spaces) into out. */
void md_escape(struct buf *out, const char *s);

#endif

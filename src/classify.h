/*
 * classify.h - deciding which catalogue entry a line belongs to.
 *
 * A slog line is tried against the slog entries with its msg as subject,
 * any other line against the text entries with the whole line as subject.
 * The literals of all entries are searched in one pass; only an entry
 * whose literal occurs runs its regex.
 * The first entry that matches wins.
 */
#ifndef OLR_CLASSIFY_H
#define OLR_CLASSIFY_H

#include <stddef.h>

#include "pattern.h"
#include "slog.h"

struct classifier;

/* The set must outlive the classifier. Never NULL. */
struct classifier *classifier_new(const struct pat_set *set);
/*
 * A classifier for another thread: it shares proto's automata and lists
 * (read only while classifying), with scratch of its own. Free it before
 * proto.
 */
struct classifier *classifier_clone(const struct classifier *proto);
void classifier_free(struct classifier *c);

/*
 * Classify one line. rec is the scanned slog record, or NULL for a line
 * that is not slog. Returns the matching entry or NULL. On a match the
 * subject the regex ran on and the match data (captures) are available
 * from the classifier until the next call.
 */
const struct pat_entry *classify_line(struct classifier *c,
    const struct slog_rec *rec, const char *line, size_t len);

pcre2_match_data *classifier_match_data(const struct classifier *c);
const char *classifier_subject(const struct classifier *c, size_t *len);

#endif

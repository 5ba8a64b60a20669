/*
 * redact.h - --redact: replace the identifiers of people and machines in
 * an output database with stable placeholders (user1, host1, ip1, key1,
 * email1, gpu1, mac1) before anything is rendered from it.
 */
#ifndef OLR_REDACT_H
#define OLR_REDACT_H

#include <sqlite3.h>

#include "err.h"

/*
 * Rewrite every text value of every table of db ("main" schema, sqlite_*
 * tables excepted) in place, then VACUUM so the original text survives in
 * no free page. The same identifier gets the same placeholder in every
 * table and column; placeholders are numbered in order of first
 * appearance (hosts: in the host columns first), tables in creation order,
 * rows by rowid, columns left to right, so the result is reproducible.
 * Running it again on its own output changes nothing. The mapping is kept
 * in memory only and freed before returning.
 *
 * db must not be inside a transaction (VACUUM cannot run in one).
 * Returns 0, or -1 with err filled (the database is then rolled back to
 * its state before the call, unless VACUUM itself failed).
 */
int redact_database(sqlite3 *db, struct olr_err *err);

/*
 * The same, with terms (--redact-terms: a site's own words, project and
 * account names) replaced as whole words in any case by term1, term2 ...
 */
int redact_database_terms(sqlite3 *db, const char *const *terms,
    size_t nterms, struct olr_err *err);

#endif

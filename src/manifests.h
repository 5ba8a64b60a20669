/*
 * manifests.h - the tags of an Ollama models directory (--models DIR).
 *
 * Ollama keeps one manifest per tag, a JSON file at
 *   DIR/manifests/<registry>/<namespace>/<name>/<tag>
 * whose layer of media type "application/vnd.ollama.image.model" has the
 * digest "sha256:<hex>" of the model blob (DIR/blobs/sha256-<hex>). DIR may
 * be the models directory or its manifests/ directory.
 */
#ifndef OLR_MANIFESTS_H
#define OLR_MANIFESTS_H

#include <stddef.h>

#include "err.h"

/*
 * Called per manifest with a model layer: digest "sha256-<hex>" and the
 * tag as people type it ("llama3.2:latest", "user/m:t",
 * "hf.co/org/repo:Q4_K_M"). Returns 0 to go on, -1 to stop (err set).
 */
typedef int (*manifests_fn)(void *arg, const char *digest, const char *tag,
    struct olr_err *err);

struct manifests_stats {
	long tags;       /* manifests with a model layer */
	long skipped;    /* files that are no such manifest */
};

/*
 * Walk DIR's manifests. 0, or -1 with err set (DIR has no manifests
 * directory, or fn failed). Files that are not manifests are counted in
 * st->skipped, not errors.
 */
int manifests_read(const char *dir, manifests_fn fn, void *arg,
    struct manifests_stats *st, struct olr_err *err);

/*
 * The model blob digest of one manifest's JSON text: "sha256-<64 hex>"
 * into out (at least 72 bytes). 0, or -1 when it has no model layer.
 */
int manifests_model_digest(const char *json, size_t len, char *out,
    size_t size);

#endif

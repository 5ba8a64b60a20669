/*
 * embedded.h - data files built into the binary (patterns, schema,
 * templates), generated from the source tree by build-aux/embed.sh.
 */
#ifndef OLR_EMBEDDED_H
#define OLR_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char          *name;  /* base name, e.g. "20-ollama.pat" */
	const unsigned char *data;  /* NUL-terminated */
	size_t               len;   /* without the NUL */
};

/* Each list is in file-name order and ends with { NULL, NULL, 0 }. */
extern const struct embedded_file embedded_patterns[];
extern const struct embedded_file embedded_schema[];
extern const struct embedded_file embedded_templates[];

/* The file of that base name in list, or NULL. */
const struct embedded_file *embedded_find(const struct embedded_file *list,
    const char *name);

#endif

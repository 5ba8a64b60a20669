/*
 * embedded.c - looking up data files built into the binary (embedded.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "embedded.h"

#include <string.h>

const struct embedded_file *
embedded_find(const struct embedded_file *list, const char *name)
{
	for (; list->name != NULL; list++)
		if (strcmp(list->name, name) == 0)
			return list;
	return NULL;
}

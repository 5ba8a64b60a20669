/*
 * tmpl.c - template expander (placeholder until the HTML report lands).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "tmpl.h"

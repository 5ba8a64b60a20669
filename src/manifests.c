/*
 * manifests.c - the tags of an Ollama models directory (see manifests.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "manifests.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "names.h"
#include "xmalloc.h"

#define MANIFEST_MAX_BYTES (1 << 20)   /* manifests are a few hundred */

static const char model_type[] = "application/vnd.ollama.image.model";

/*
 * The string value of "key" inside [from, to): the text between the quotes
 * after "key" and a colon. NULL when absent.
 */
static const char *
json_value(const char *from, const char *to, const char *key, size_t *len)
{
	size_t klen = strlen(key);
	const char *p, *q;

	for (p = from; p + klen + 2 < to; p++) {
		if (*p != '"' || strncmp(p + 1, key, klen) != 0 ||
		    p[klen + 1] != '"')
			continue;
		for (q = p + klen + 2; q < to && isspace((unsigned char)*q);
		    q++)
			;
		if (q >= to || *q != ':')
			continue;
		for (q++; q < to && isspace((unsigned char)*q); q++)
			;
		if (q >= to || *q != '"')
			continue;
		for (p = ++q; q < to && *q != '"'; q++)
			;
		if (q >= to)
			return NULL;
		*len = (size_t)(q - p);
		return p;
	}
	return NULL;
}

int
manifests_model_digest(const char *json, size_t len, char *out,
    size_t size)
{
	const char *end = json + len, *p, *lo, *hi, *d;
	size_t tlen = sizeof model_type - 1, dlen, i;

	if (size < 72)
		return -1;
	for (p = json; p + tlen <= end; p++) {
		if (memcmp(p, model_type, tlen) != 0 || p == json ||
		    p[-1] != '"' || p + tlen >= end || p[tlen] != '"')
			continue;
		/* the layer object around it: layer objects do not nest */
		for (lo = p; lo > json && *lo != '{'; lo--)
			;
		for (hi = p; hi < end && *hi != '}'; hi++)
			;
		if ((d = json_value(lo, hi, "digest", &dlen)) == NULL ||
		    dlen != 71 || strncmp(d, "sha256:", 7) != 0)
			continue;
		for (i = 7; i < 71 && isxdigit((unsigned char)d[i]); i++)
			;
		if (i != 71)
			continue;
		snprintf(out, size, "sha256-%.64s", d + 7);
		return 0;
	}
	return -1;
}

/* Read a small file whole; NULL when it cannot be read or is too big. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *data;
	size_t n;

	if (fp == NULL)
		return NULL;
	data = xmalloc(MANIFEST_MAX_BYTES + 1);
	n = fread(data, 1, MANIFEST_MAX_BYTES + 1, fp);
	fclose(fp);
	if (n > MANIFEST_MAX_BYTES) {
		free(data);
		return NULL;
	}
	data[n] = '\0';
	*len = n;
	return data;
}

struct walk {
	manifests_fn            fn;
	void                   *arg;
	struct manifests_stats *st;
	struct olr_err         *err;
};

/*
 * parts: registry, namespace, name, tag below manifests/. A manifest is a
 * file at depth 4; deeper or shallower files are skipped.
 */
static int
walk_dir(struct walk *w, struct buf *path, const char *parts[4], int depth)
{
	DIR *d;
	struct dirent *de;
	size_t keep = path->len;
	int rc = 0;

	if ((d = opendir(path->data)) == NULL)
		return 0;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		struct stat sb;

		if (de->d_name[0] == '.')
			continue;
		path->len = keep;
		path->data[keep] = '\0';
		buf_printf(path, "/%s", de->d_name);
		if (stat(path->data, &sb) != 0)
			continue;
		if (S_ISDIR(sb.st_mode)) {
			if (depth < 3) {
				parts[depth] = de->d_name;
				rc = walk_dir(w, path, parts, depth + 1);
			}
			continue;
		}
		if (depth != 3 || !S_ISREG(sb.st_mode)) {
			w->st->skipped++;
			continue;
		}
		{
			char digest[80], full[1024], tag[1024];
			size_t len;
			char *json = slurp(path->data, &len);

			if (json == NULL || manifests_model_digest(json, len,
			    digest, sizeof digest) != 0) {
				w->st->skipped++;
				free(json);
				continue;
			}
			free(json);
			snprintf(full, sizeof full, "%s/%s/%s:%s", parts[0],
			    parts[1], parts[2], de->d_name);
			names_tag_display(full, tag, sizeof tag);
			w->st->tags++;
			rc = w->fn(w->arg, digest, tag, w->err);
		}
	}
	closedir(d);
	path->len = keep;
	path->data[keep] = '\0';
	return rc;
}

int
manifests_read(const char *dir, manifests_fn fn, void *arg,
    struct manifests_stats *st, struct olr_err *err)
{
	struct walk w = { fn, arg, st, err };
	struct buf path = BUF_INIT;
	const char *parts[4] = { NULL, NULL, NULL, NULL };
	struct stat sb;
	size_t n = strlen(dir);
	int rc;

	memset(st, 0, sizeof *st);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	/* DIR, or DIR/manifests */
	if (n >= 9 && strncmp(dir + n - 9, "manifests", 9) == 0 &&
	    (n == 9 || dir[n - 10] == '/'))
		buf_printf(&path, "%.*s", (int)n, dir);
	else
		buf_printf(&path, "%.*s/manifests", (int)n, dir);
	if (stat(path.data, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		olr_err_set(err, OLR_E_IO, dir, 0, "not an Ollama models "
		    "directory (no manifests/ in it)");
		buf_free(&path);
		return -1;
	}
	rc = walk_dir(&w, &path, parts, 0);
	buf_free(&path);
	return rc;
}

/*
 * names.c - one name per model blob (see names.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "names.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "db.h"
#include "xmalloc.h"

#define NAME_MAX_LEN 256

/* A tag printed this long after its load completed still names it. */
#define TAG_AFTER_LOAD_SECONDS 10
#define OLR_STR_(x) #x
#define OLR_STR(x) OLR_STR_(x)

static const char *
col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* a column's text, "" for NULL */
static const char *
col_text_or(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);

	return t ? t : "";
}

void
names_tag_display(const char *model, char *out, size_t size)
{
	static const char lib[] = "registry.ollama.ai/library/";
	static const char reg[] = "registry.ollama.ai/";
	const char *p = model, *slash;

	if (size == 0)
		return;
	if (strncmp(p, lib, sizeof lib - 1) == 0)
		p += sizeof lib - 1;
	else if (strncmp(p, reg, sizeof reg - 1) == 0)
		p += sizeof reg - 1;
	/* a tag is after the last ':' that follows the last '/' */
	slash = strrchr(p, '/');
	if (strchr(slash ? slash : p, ':') != NULL)
		snprintf(out, size, "%s", p);
	else
		snprintf(out, size, "%s:latest", p);
}

void
names_quant(const char *file_type, char *out, size_t size)
{
	const char *p = file_type;
	size_t n;

	if (size == 0)
		return;
	out[0] = '\0';
	if (p == NULL)
		return;
	while (*p == ' ')
		p++;
	if (strncmp(p, "mostly ", 7) == 0)
		p += 7;
	else if (strncmp(p, "all ", 4) == 0)
		p += 4;
	for (n = 0; p[n] != '\0' && p[n] != ' '; n++)
		;
	if (n == 0)
		return;
	if (n >= size)
		n = size - 1;
	memcpy(out, p, n);
	out[n] = '\0';
	/* "Q4_K - Medium" -> "Q4_K_M" */
	if (strncmp(p + n, " - ", 3) == 0 && n + 2 < size) {
		const char *w = p + n + 3;

		if (strncmp(w, "Medium", 6) == 0 || strncmp(w, "Small", 5) ==
		    0 || strncmp(w, "Large", 5) == 0) {
			out[n] = '_';
			out[n + 1] = w[0];
			out[n + 2] = '\0';
		}
	}
}

/* 1 when the name holds a size: "8B", "8x7B", "1.5B", "137M", "2b". */
static int
has_size(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (p[i] != '\0') {
		size_t j = i;

		if (!isdigit(p[i]) || (i > 0 && isalnum(p[i - 1]) &&
		    p[i - 1] != 'x')) {
			i++;
			continue;
		}
		while (isdigit(p[j]))
			j++;
		if (p[j] == '.' && isdigit(p[j + 1]))
			for (j++; isdigit(p[j]); j++)
				;
		if (p[j] == 'x' && isdigit(p[j + 1]))
			for (j++; isdigit(p[j]); j++)
				;
		if ((p[j] == 'B' || p[j] == 'b' || p[j] == 'M' ||
		    p[j] == 'm') && !isalnum(p[j + 1]))
			return 1;
		i = j > i ? j : i + 1;
	}
	return 0;
}

/* case-insensitive strstr */
static int
contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

void
names_compose(const char *general_name, const char *arch,
    long long params, const char *file_type, char *out, size_t size)
{
	const char *base = general_name && *general_name ? general_name :
	    arch && *arch ? arch : NULL;
	char quant[64], sz[32] = "";

	if (size == 0)
		return;
	out[0] = '\0';
	if (base == NULL)
		return;
	if (params > 0 && !has_size(base)) {
		if (params >= 1000000000LL)
			snprintf(sz, sizeof sz, " %.3gB", params / 1e9);
		else
			snprintf(sz, sizeof sz, " %.3gM", params / 1e6);
	}
	names_quant(file_type, quant, sizeof quant);
	snprintf(out, size, "%s%s%s%s", base, sz, quant[0] &&
	    !contains_ci(base, quant) ? " " : "", quant[0] &&
	    !contains_ci(base, quant) ? quant : "");
}

void
names_host(const char *who, char *out, size_t size)
{
	const char *b = who, *p;
	size_t n;

	for (p = who; *p; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	n = strlen(b);
	if (n > 3 && strcmp(b + n - 3, ".gz") == 0)
		n -= 3;
	if (n > 4 && strncmp(b + n - 4, ".log", 4) == 0)
		n -= 4;
	snprintf(out, size, "%.*s", (int)n, b);
}

void
names_host_short(const char *name, char *out, size_t size)
{
	if (strlen(name) > 24)
		snprintf(out, size, "%.23s\xe2\x80\xa6", name);
	else
		snprintf(out, size, "%s", name);
}

const char *
names_gpu_model(const char *n)
{
	if (n == NULL)
		return "GPU";
	if (strncmp(n, "NVIDIA ", 7) == 0)
		n += 7;
	if (strncmp(n, "GeForce ", 8) == 0)
		n += 8;
	return *n ? n : "GPU";
}

void
names_gpu_label(const char *host, const char *model, int idx, char *out,
    size_t size)
{
	int h = host != NULL && *host;

	snprintf(out, size, "%s%s%.28s #%d", h ? host : "", h ? ": " : "",
	    model, idx);
}

void
names_device_label(const char *host, const char *device,
    const char *gpu_label, int inventory, char *out, size_t size)
{
	const char *pre = host != NULL && *host ? host : "";
	const char *sep = *pre ? ": " : "";
	size_t n = strlen(device);
	int mapped = n > 7 && strcmp(device + n - 7, "_Mapped") == 0;

	if (strncmp(device, "CPU", 3) == 0) {
		const char *rest = device[3] == '_' ? device + 4 : "";

		if (*rest == '\0')
			snprintf(out, size, "%s%sCPU", pre, sep);
		else if (strcmp(rest, "Mapped") == 0)
			snprintf(out, size, "%s%sCPU (mapped)", pre, sep);
		else if (strcmp(rest, "REPACK") == 0)
			snprintf(out, size, "%s%sCPU (repack)", pre, sep);
		else
			snprintf(out, size, "%s%sCPU (%s)", pre, sep, rest);
	} else if (strstr(device, "_Host") != NULL)
		snprintf(out, size, "%s%spinned host memory", pre, sep);
	else if (gpu_label != NULL && *gpu_label)
		snprintf(out, size, "%s%s", gpu_label, mapped ? " (mapped)" :
		    "");
	else
		snprintf(out, size, "%s%s%s (%s)", pre, sep, device, inventory ?
		    "not identified" : "not in the inventory");
}

struct gpu_name {
	char *host;      /* names_host */
	char *gid;
	char *model;
	int   idx;
	int   reading;   /* named by VRAM readings only, not the inventory */
};

/* the host (names_host_short) of every source, and whether they are several */
struct src_host {
	long long id;
	char     *host;      /* names_host: what tells hosts apart */
	char     *disp;      /* names_host_short: what names show */
};

static int
read_src_hosts(sqlite3 *db, struct src_host **out, size_t *nout,
    int *several, struct olr_err *err)
{
	sqlite3_stmt *st;
	struct src_host *sh = NULL;
	size_t n = 0, cap = 0, i;
	int rc;

	*several = 0;
	if (db_prepare(db, "SELECT id, coalesce(nullif(host, ''), path) FROM"
	    " main.sources ORDER BY id", &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char name[128], disp[128];

		names_host(col_text_or(st, 1), name, sizeof name);
		names_host_short(name, disp, sizeof disp);
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			sh = xrealloc(sh, cap * sizeof *sh);
		}
		sh[n].id = sqlite3_column_int64(st, 0);
		sh[n].host = xstrdup(name);
		sh[n].disp = xstrdup(disp);
		for (i = 0; i < n && !*several; i++)
			if (strcmp(sh[i].host, name) != 0)
				*several = 1;
		n++;
	}
	sqlite3_finalize(st);
	*out = sh;
	*nout = n;
	return rc == SQLITE_DONE ? 0 : db_fail(db, err, "sources");
}

static const struct src_host *
host_of(const struct src_host *sh, size_t n, long long id)
{
	static const struct src_host none = { 0, "", "" };

	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (sh[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && sh[lo].id == id ? &sh[lo] : &none;
}

/*
 * The GPU of host that gid names: by id; for a VRAM reading (reading = 1)
 * also an index ("0") or the host's one inventory GPU, as the capacity
 * review matches readings. NULL when none.
 */
static struct gpu_name *
gpu_name_find(struct gpu_name *gs, size_t ng, const char *host,
    const char *gid, int reading)
{
	struct gpu_name *one = NULL;
	size_t i;
	int n = 0;

	for (i = 0; i < ng; i++)
		if (strcmp(gs[i].host, host) == 0 && strcmp(gs[i].gid, gid) ==
		    0)
			return &gs[i];
	if (!reading)
		return NULL;
	for (i = 0; i < ng; i++) {
		if (strcmp(gs[i].host, host) != 0)
			continue;
		if (*gid && strspn(gid, "0123456789") == strlen(gid) &&
		    gs[i].idx == atoi(gid))
			return &gs[i];
		if (gs[i].reading)
			continue;
		one = &gs[i];
		n++;
	}
	return n == 1 ? one : NULL;
}

int
names_several_hosts(sqlite3 *db, int *several, struct olr_err *err)
{
	struct src_host *sh = NULL;
	size_t n = 0, i;
	int rc = read_src_hosts(db, &sh, &n, several, err);

	for (i = 0; i < n; i++) {
		free(sh[i].host);
		free(sh[i].disp);
	}
	free(sh);
	return rc;
}

/* Add source id to the list (once). */
static void
id_add(int64_t **ids, size_t *n, int64_t id)
{
	size_t i;

	if (ids == NULL)
		return;
	for (i = 0; i < *n; i++)
		if ((*ids)[i] == id)
			return;
	*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
	(*ids)[(*n)++] = id;
}

/* The source ids sql gives, added to the list. */
static int
ids_add_query(sqlite3 *db, const char *sql, int64_t **ids, size_t *n,
    struct olr_err *err)
{
	sqlite3_stmt *q;
	int r;

	if (db_prepare(db, sql, &q, err) != 0)
		return -1;
	while ((r = sqlite3_step(q)) == SQLITE_ROW)
		id_add(ids, n, sqlite3_column_int64(q, 0));
	sqlite3_finalize(q);
	return r == SQLITE_DONE ? 0 : db_fail(db, err, "names");
}

/* the sources whose GPU labels (gpu_names) are not what they were
 * (temp.olr_old_gpu_names) */
static const char gpu_labels_changed_sql[] =
    "SELECT source_id FROM gpu_names EXCEPT SELECT source_id FROM (SELECT"
    " source_id, gpu_id, label FROM gpu_names INTERSECT SELECT source_id,"
    " gpu_id, label FROM temp.olr_old_gpu_names) UNION SELECT source_id"
    " FROM temp.olr_old_gpu_names WHERE (source_id, gpu_id) NOT IN (SELECT"
    " source_id, gpu_id FROM gpu_names)";

int
names_gpus(sqlite3 *db, int64_t **renamed, size_t *nrenamed,
    struct olr_err *err)
{
	sqlite3_stmt *inv = NULL, *ins = NULL, *dev = NULL, *up = NULL;
	struct src_host *sh = NULL;
	struct gpu_name *gs = NULL;
	size_t nsh = 0, ng = 0, cap = 0, i;
	int several, rc = -1, src;
	char label[256];

	if (read_src_hosts(db, &sh, &nsh, &several, err) != 0 ||
	    db_exec(db, "DROP TABLE IF EXISTS temp.olr_old_gpu_names;"
	    " CREATE TEMP TABLE olr_old_gpu_names AS SELECT source_id,"
	    " gpu_id, label FROM gpu_names; DELETE FROM gpu_names", err) != 0)
		goto out;
	/* the inventory in the order it was logged, as the capacity review
	 * and the VRAM chart read it: a GPU per host and gpu_id, its name
	 * from the line with the largest total; then the GPUs that only VRAM
	 * readings name ("updated VRAM" gpu=<id>, no inventory logged), as
	 * "GPU", unless the reading is of an inventory GPU by its index or
	 * the host has one. Source by source: a log added later numbers its
	 * new GPUs after those known, never renumbers them. */
	if (db_prepare(db, "SELECT source_id, gid, name, total, pass FROM"
	    " (SELECT source_id, coalesce(gpu_id, '') AS gid,"
	    " coalesce(nullif(description, ''), nullif(name, ''), '') AS name,"
	    " max(total_bytes) AS total, 0 AS pass, min(id) AS k FROM main.gpus"
	    " WHERE coalesce(library, '') NOT IN ('cpu', 'CPU') GROUP BY"
	    " source_id, coalesce(gpu_id, '') UNION ALL SELECT source_id,"
	    " coalesce(gpu_id, ''), '', max(total_bytes), 1, 0 FROM"
	    " main.vram_updates WHERE ts IS NOT NULL AND coalesce(free_bytes,"
	    " available_bytes) IS NOT NULL AND coalesce(library, '') NOT IN"
	    " ('cpu', 'CPU') GROUP BY source_id, coalesce(gpu_id, ''))"
	    " ORDER BY source_id, pass, k, gid", &inv, err) != 0 ||
	    db_prepare(db, "INSERT OR REPLACE INTO gpu_names (source_id,"
	    " gpu_id, host_name, idx, model, label) VALUES (?, ?, ?, ?, ?, ?)",
	    &ins, err) != 0)
		goto out;
	{
		while ((src = sqlite3_step(inv)) == SQLITE_ROW) {
			const struct src_host *hs = host_of(sh, nsh,
			    sqlite3_column_int64(inv, 0));
			const char *gid = col_text_or(inv, 1);
			const char *name = col_text_or(inv, 2);
			long long total = sqlite3_column_int64(inv, 3);
			int pass = sqlite3_column_int(inv, 4);
			struct gpu_name *g;

			if (*gid == '\0' && *name == '\0' && total <= 0)
				continue;  /* an inventory line saying nothing */
			g = gpu_name_find(gs, ng, hs->host, gid, pass);
			if (g == NULL && pass == 1 && total <= 0)
				continue;
			if (g == NULL) {
				int idx = 0;

				for (i = 0; i < ng; i++)
					idx += strcmp(gs[i].host, hs->host) == 0;
				if (ng == cap) {
					cap = cap ? 2 * cap : 16;
					gs = xrealloc(gs, cap * sizeof *gs);
				}
				g = &gs[ng++];
				g->host = xstrdup(hs->host);
				g->gid = xstrdup(gid);
				g->model = xstrdup(names_gpu_model(name));
				g->idx = idx;
				g->reading = pass;
			}
			names_gpu_label(several ? hs->disp : NULL, g->model,
			    g->idx, label, sizeof label);
			sqlite3_bind_int64(ins, 1, sqlite3_column_int64(inv, 0));
			sqlite3_bind_text(ins, 2, gid, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 3, hs->disp, -1,
			    SQLITE_TRANSIENT);
			sqlite3_bind_int(ins, 4, g->idx);
			sqlite3_bind_text(ins, 5, g->model, -1,
			    SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 6, label, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(ins) != SQLITE_DONE) {
				db_fail(db, err, "gpu_names");
				goto out;
			}
			sqlite3_reset(ins);
		}
		if (src != SQLITE_DONE) {
			db_fail(db, err, "gpus");
			goto out;
		}
	}
	if (renamed != NULL && ids_add_query(db, gpu_labels_changed_sql,
	    renamed, nrenamed, err) != 0)
		goto out;
	/* every load device; written where its name changes */
	if (db_prepare(db, "SELECT d.load_id, d.device, l.source_id,"
	    " d.gpu_id, d.name FROM main.load_devices d JOIN main.loads l ON"
	    " l.id = d.load_id", &dev, err) != 0 ||
	    db_prepare(db, "UPDATE main.load_devices SET name = ? WHERE"
	    " load_id = ? AND device = ?", &up, err) != 0)
		goto out;
	while ((src = sqlite3_step(dev)) == SQLITE_ROW) {
		const char *d = col_text_or(dev, 1);
		const struct src_host *hs = host_of(sh, nsh,
		    sqlite3_column_int64(dev, 2));
		const char *host = hs->host;
		const char *gid = col_text(dev, 3);
		char glabel[256] = "";
		int inventory = 0;

		/* its GPU: by id among its host's (the inventory may be in
		 * another log of the host) */
		for (i = 0; i < ng; i++) {
			if (strcmp(gs[i].host, host) != 0)
				continue;
			inventory = 1;
			if (gid != NULL && strcmp(gs[i].gid, gid) == 0) {
				names_gpu_label(several ? hs->disp : NULL,
				    gs[i].model, gs[i].idx, glabel,
				    sizeof glabel);
				break;
			}
		}
		names_device_label(several ? hs->disp : NULL, d, glabel,
		    inventory, label, sizeof label);
		if (col_text(dev, 4) != NULL &&
		    strcmp(col_text(dev, 4), label) == 0)
			continue;
		id_add(renamed, nrenamed, sqlite3_column_int64(dev, 2));
		sqlite3_bind_text(up, 1, label, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(up, 2, sqlite3_column_int64(dev, 0));
		sqlite3_bind_text(up, 3, d, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(up) != SQLITE_DONE) {
			db_fail(db, err, "load_devices");
			goto out;
		}
		sqlite3_reset(up);
	}
	if (src != SQLITE_DONE) {
		db_fail(db, err, "load_devices");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(inv);
	sqlite3_finalize(ins);
	sqlite3_finalize(dev);
	sqlite3_finalize(up);
	sqlite3_exec(db, "DROP TABLE IF EXISTS temp.olr_old_gpu_names", NULL,
	    NULL, NULL);
	for (i = 0; i < nsh; i++) {
		free(sh[i].host);
		free(sh[i].disp);
	}
	free(sh);
	for (i = 0; i < ng; i++) {
		free(gs[i].host);
		free(gs[i].gid);
		free(gs[i].model);
	}
	free(gs);
	return rc;
}

int
names_add_tag(sqlite3 *db, const char *digest, const char *tag,
    const char *origin, struct olr_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "INSERT OR IGNORE INTO model_tags (model, tag,"
	    " origin) VALUES (?, ?, ?)", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, tag, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, origin, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err, "model_tags");
}

/*
 * A "template selection" line names the model of the request it serves;
 * Ollama prints it as the request's model has just been loaded, between
 * the "started in" line and its repeat. It names the load of its source
 * that started last before it, when that load ended ok at most
 * TAG_AFTER_LOAD_SECONDS before it and has a blob digest.
 */
static const char log_tags_sql[] =
    "SELECT f.id, f.source_id, f.line, f.value, l.id, l.model"
    " FROM model_files f JOIN loads l ON l.id = (SELECT x.id FROM loads x"
    "  WHERE x.source_id = f.source_id AND x.start_line < f.line"
    "  ORDER BY x.start_line DESC LIMIT 1)"
    " WHERE f.kind = 'tag' AND f.value IS NOT NULL AND l.outcome = 'ok'"
    " AND l.end_line <= f.line AND l.model LIKE 'sha256-%'"
    " AND (julianday(f.ts) - julianday(l.ended_at)) * 86400.0"
    "  BETWEEN -0.001 AND " OLR_STR(TAG_AFTER_LOAD_SECONDS)
    " ORDER BY f.source_id, f.line";

static int
attach_log_tags(sqlite3 *db, struct olr_err *err)
{
	sqlite3_stmt *q = NULL, *up = NULL, *ins = NULL;
	char tag[NAME_MAX_LEN];
	int rc;

	if (db_exec(db, "DELETE FROM model_tags WHERE origin = 'log';"
	    "UPDATE model_files SET load_id = NULL WHERE kind = 'tag'",
	    err) != 0 ||
	    db_prepare(db, log_tags_sql, &q, err) != 0 ||
	    db_prepare(db, "UPDATE model_files SET load_id = ? WHERE id = ?",
	    &up, err) != 0 ||
	    db_prepare(db, "INSERT OR IGNORE INTO model_tags (model, tag,"
	    " origin, source_id, line) VALUES (?, ?, 'log', ?, ?)", &ins,
	    err) != 0) {
		rc = -1;
		goto out;
	}
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		names_tag_display((const char *)sqlite3_column_text(q, 3), tag,
		    sizeof tag);
		sqlite3_bind_int64(up, 1, sqlite3_column_int64(q, 4));
		sqlite3_bind_int64(up, 2, sqlite3_column_int64(q, 0));
		sqlite3_bind_text(ins, 1, (const char *)sqlite3_column_text(q,
		    5), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 2, tag, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ins, 3, sqlite3_column_int64(q, 1));
		sqlite3_bind_int64(ins, 4, sqlite3_column_int64(q, 2));
		if (sqlite3_step(up) != SQLITE_DONE ||
		    sqlite3_step(ins) != SQLITE_DONE) {
			rc = db_fail(db, err, "model_tags");
			goto out;
		}
		sqlite3_reset(up);
		sqlite3_reset(ins);
	}
	rc = rc == SQLITE_DONE ? 0 : db_fail(db, err, "model_tags");
out:
	sqlite3_finalize(q);
	sqlite3_finalize(up);
	sqlite3_finalize(ins);
	return rc;
}

struct model_name {
	char *model;
	char *name;
	const char *origin;
	char *tags;
};

static int
cmp_name(const void *a, const void *b)
{
	const struct model_name *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : strcmp(x->model, y->model);
}


/* 1 when the comma-separated list holds item. */
static int
list_has(const char *list, const char *item)
{
	size_t n = strlen(item);
	const char *p;

	for (p = list; (p = strstr(p, item)) != NULL; p++)
		if ((p == list || p[-1] == ',') && (p[n] == ',' ||
		    p[n] == '\0'))
			return 1;
	return 0;
}

/* The last path component, without a Windows or POSIX directory. */
static const char *
base_name(const char *path)
{
	const char *p, *b = path;

	for (p = path; *p; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	return *b ? b : path;
}

/* The name of one model from its facts row and its tags. */
static void
name_of(sqlite3_stmt *facts, struct model_name *m, const char *first_tag,
    const char *first_origin)
{
	char name[NAME_MAX_LEN];

	if (first_tag != NULL) {
		m->name = xstrdup(first_tag);
		m->origin = strcmp(first_origin, "log") == 0 ? "log" :
		    "manifest";
		return;
	}
	names_compose(col_text(facts, 1), NULL, sqlite3_column_int64(facts,
	    3), col_text(facts, 4), name, sizeof name);
	if (name[0]) {
		m->name = xstrdup(name);
		m->origin = "general.name";
		return;
	}
	names_compose(NULL, col_text(facts, 2), sqlite3_column_int64(facts,
	    3), col_text(facts, 4), name, sizeof name);
	if (name[0]) {
		m->name = xstrdup(name);
		m->origin = "architecture";
		return;
	}
	/* a blob by its short digest, as "ollama list" shows its ID */
	if (strncmp(m->model, "sha256-", 7) == 0 && strlen(m->model) >= 19) {
		snprintf(name, sizeof name, "%.19s", m->model);
		m->name = xstrdup(name);
	} else
		m->name = xstrdup(base_name(m->model));
	m->origin = "file";
}

/* Two models under one name get their short digest (or file) in it. */
static void
disambiguate(struct model_name *ms, size_t n)
{
	size_t i, j;

	if (n < 2)
		return;
	qsort(ms, n, sizeof *ms, cmp_name);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(ms[j].name, ms[i].name) == 0;
		    j++)
			;
		if (j - i < 2)
			continue;
		for (; i < j; i++) {
			const char *m = ms[i].model;
			char *nn;
			size_t len;

			if (strncmp(m, "sha256-", 7) == 0 && strlen(m) >= 19)
				len = 19;
			else
				m = base_name(m), len = strlen(m);
			nn = xmalloc(strlen(ms[i].name) + len + 4);
			sprintf(nn, "%s (%.*s)", ms[i].name, (int)len, m);
			free(ms[i].name);
			ms[i].name = nn;
		}
	}
}

/* the sources with a load whose name is about to change */
static const char sources_renamed_sql[] =
    "SELECT DISTINCT source_id FROM loads WHERE name IS NOT (SELECT name"
    " FROM model_names n WHERE n.model = loads.model)";

int
names_resolve(sqlite3 *db, int64_t **renamed, size_t *nrenamed,
    struct olr_err *err)
{
	sqlite3_stmt *facts = NULL, *tags = NULL, *ins = NULL;
	struct model_name *ms = NULL;
	size_t n = 0, cap = 0, i;
	int rc = -1, trc;

	if (renamed != NULL) {
		*renamed = NULL;
		*nrenamed = 0;
	}
	if (db_exec(db, "BEGIN", err) != 0)
		return -1;
	if (attach_log_tags(db, err) != 0) {
		db_exec(db, "ROLLBACK", NULL);
		return -1;
	}
	/* the most complete, latest facts of each model; its tags, log first */
	if (db_prepare(db, "SELECT model, model_name, architecture, params,"
	    " file_type, model_path FROM loads WHERE model IS NOT NULL"
	    " ORDER BY model, model_name IS NULL, params IS NULL,"
	    " file_type IS NULL, id DESC", &facts, err) != 0 ||
	    db_prepare(db, "SELECT model, tag, origin FROM model_tags"
	    " ORDER BY model, origin <> 'log', tag", &tags, err) != 0 ||
	    db_prepare(db, "INSERT INTO model_names (model, name, origin,"
	    " tags) VALUES (?, ?, ?, ?)", &ins, err) != 0 ||
	    db_exec(db, "DELETE FROM model_names", err) != 0)
		goto out;
	trc = sqlite3_step(tags);
	while ((rc = sqlite3_step(facts)) == SQLITE_ROW) {
		const char *model = col_text(facts, 0);
		struct model_name *m;
		struct buf all = BUF_INIT;
		char *first_tag = NULL, *first_origin = NULL;

		if (n > 0 && strcmp(ms[n - 1].model, model) == 0)
			continue;
		/* tags sorted by model too: skip those of models not loaded */
		while (trc == SQLITE_ROW && strcmp(col_text(tags, 0), model) < 0)
			trc = sqlite3_step(tags);
		while (trc == SQLITE_ROW && strcmp(col_text(tags, 0), model) ==
		    0) {
			if (first_tag == NULL) {
				first_tag = xstrdup(col_text(tags, 1));
				first_origin = xstrdup(col_text(tags, 2));
			}
			if (!list_has(all.len ? all.data : "",
			    col_text(tags, 1)))
				buf_printf(&all, "%s%s", all.len ? "," : "",
				    col_text(tags, 1));
			trc = sqlite3_step(tags);
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			ms = xrealloc(ms, cap * sizeof *ms);
		}
		m = &ms[n++];
		memset(m, 0, sizeof *m);
		m->model = xstrdup(model);
		name_of(facts, m, first_tag, first_origin);
		m->tags = all.len ? xstrdup(all.data) : NULL;
		buf_free(&all);
		free(first_tag);
		free(first_origin);
	}
	if (rc != SQLITE_DONE) {
		rc = db_fail(db, err, "model names");
		goto out;
	}
	disambiguate(ms, n);
	for (i = 0; i < n; i++) {
		sqlite3_bind_text(ins, 1, ms[i].model, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, ms[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, ms[i].origin, -1, SQLITE_STATIC);
		if (ms[i].tags)
			sqlite3_bind_text(ins, 4, ms[i].tags, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, 4);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			rc = db_fail(db, err, "model_names");
			goto out;
		}
		sqlite3_reset(ins);
	}
	/* only the loads whose name changes are written */
	if (renamed != NULL && ids_add_query(db, sources_renamed_sql, renamed,
	    nrenamed, err) != 0) {
		rc = -1;
		goto out;
	}
	rc = db_exec(db, "UPDATE loads SET name = (SELECT name FROM"
	    " model_names n WHERE n.model = loads.model) WHERE name IS NOT"
	    " (SELECT name FROM model_names n WHERE n.model = loads.model)",
	    err);
	if (rc == 0)
		rc = names_gpus(db, renamed, nrenamed, err);
out:
	for (i = 0; i < n; i++) {
		free(ms[i].model);
		free(ms[i].name);
		free(ms[i].tags);
	}
	free(ms);
	sqlite3_finalize(facts);
	sqlite3_finalize(tags);
	sqlite3_finalize(ins);
	if (rc == 0)
		return db_exec(db, "COMMIT", err);
	db_exec(db, "ROLLBACK", NULL);
	return rc;
}

/*
 * export.c - every table as NDJSON (see export.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "export.h"
#include "outfile.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db.h"
#include "dbschema.h"
#include "xmalloc.h"

#define FLUSH_AT (1 << 20)   /* bytes buffered before a write */

void
export_json_string(struct buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	buf_putc(out, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"':  buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\r': buf_puts(out, "\\r"); break;
		case '\t': buf_puts(out, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7f) {
				buf_puts(out, "\\u00");
				buf_putc(out, hex[c >> 4]);
				buf_putc(out, hex[c & 15]);
			} else
				buf_putc(out, (char)c);
		}
	}
	buf_putc(out, '"');
}

/*
 * The query of one table: its columns, then the row's host as the last
 * column, found the way export.h says.
 */
static int
table_query(sqlite3 *db, const char *table, struct buf *sql,
    struct olr_err *err)
{
	int own, src, load;

	if (dbschema_has_column(db, table, "host", &own, err) != 0 ||
	    dbschema_has_column(db, table, "source_id", &src, err) != 0 ||
	    dbschema_has_column(db, table, "load_id", &load, err) != 0)
		return -1;
	buf_reset(sql);
	if (own || src || load)
		buf_printf(sql, "SELECT t.*, coalesce(%s%s%sNULL) FROM"
		    " main.\"%s\" t", own ? "t.host, " : "", src ? "(SELECT"
		    " s.host FROM sources s WHERE s.id = t.source_id), " : "",
		    load && strcmp(table, "loads") != 0 ? "(SELECT l.host FROM"
		    " loads l WHERE l.id = t.load_id), " : "", table);
	else	/* about the whole database */
		buf_printf(sql, "SELECT t.*, (SELECT CASE WHEN count(DISTINCT"
		    " host) = 1 AND count(*) = count(host) THEN max(host) END"
		    " FROM sources) FROM main.\"%s\" t", table);
	return 0;
}

static int
flush(FILE *fp, struct buf *b)
{
	if (b->len && fwrite(b->data, 1, b->len, fp) != b->len)
		return -1;
	buf_reset(b);
	return 0;
}

static int
export_table(sqlite3 *db, const char *dir, const char *table,
    struct export_stats *stats, struct olr_err *err)
{
	struct buf sql = BUF_INIT, line = BUF_INIT, path = BUF_INIT,
	    tmp = BUF_INIT;
	sqlite3_stmt *st = NULL;
	FILE *fp = NULL;
	int ncol, i, r, rc = -1;
	char num[40];

	buf_printf(&path, "%s/%s.ndjson", dir, table);
	buf_printf(&tmp, "%s/.%s.ndjson.tmp", dir, table);
	if (table_query(db, table, &sql, err) != 0 ||
	    db_prepare(db, sql.data, &st, err) != 0)
		goto out;
	if ((fp = fopen(tmp.data, "w")) == NULL) {
		olr_err_set(err, OLR_E_IO, tmp.data, 0, "cannot write: %s",
		    strerror(errno));
		goto out;
	}
	ncol = sqlite3_column_count(st);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		buf_putc(&line, '{');
		for (i = 0; i < ncol; i++) {
			const char *name = i == ncol - 1 ? "host" :
			    sqlite3_column_name(st, i);

			if (i < ncol - 1 && strcmp(name, "host") == 0)
				continue;	/* given last, resolved */
			if (line.data[line.len - 1] != '{')
				buf_putc(&line, ',');
			export_json_string(&line, name, strlen(name));
			buf_putc(&line, ':');
			switch (sqlite3_column_type(st, i)) {
			case SQLITE_INTEGER:
				buf_printf(&line, "%lld", (long long)
				    sqlite3_column_int64(st, i));
				break;
			case SQLITE_FLOAT: {
				double v = sqlite3_column_double(st, i);

				if (isfinite(v)) {
					/* the shortest text that reads back
					 * as the same double */
					snprintf(num, sizeof num, "%.15g", v);
					if (strtod(num, NULL) != v)
						snprintf(num, sizeof num,
						    "%.17g", v);
					if (strspn(num, "-0123456789") ==
					    strlen(num))
						strcat(num, ".0");
					buf_puts(&line, num);
				} else
					buf_puts(&line, "null");
				break;
			}
			case SQLITE_NULL:
				buf_puts(&line, "null");
				break;
			default:
				export_json_string(&line, (const char *)
				    sqlite3_column_text(st, i),
				    (size_t)sqlite3_column_bytes(st, i));
			}
		}
		buf_puts(&line, "}\n");
		stats->rows++;
		if (line.len >= FLUSH_AT && flush(fp, &line) != 0)
			break;
	}
	if (r != SQLITE_DONE && r != SQLITE_ROW) {
		db_fail(db, err, table);
		goto out;
	}
	if (flush(fp, &line) != 0 || ferror(fp) || fflush(fp) != 0) {
		outfile_fail(path.data, errno, err);
		goto out;
	}
	if (fclose(fp) != 0) {
		fp = NULL;
		outfile_fail(path.data, errno, err);
		goto out;
	}
	fp = NULL;
	if (outfile_commit(tmp.data, path.data, err) != 0)
		goto out;
	stats->tables++;
	rc = 0;
out:
	if (fp != NULL)
		fclose(fp);
	if (rc != 0)
		remove(tmp.data);
	sqlite3_finalize(st);
	buf_free(&sql);
	buf_free(&line);
	buf_free(&path);
	buf_free(&tmp);
	return rc;
}

int
export_ndjson(sqlite3 *db, const char *dir, struct export_stats *st,
    struct olr_err *err)
{
	sqlite3_stmt *q;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int r, rc = 0;

	memset(st, 0, sizeof *st);
	if (db_prepare(db, "SELECT name FROM main.sqlite_master WHERE type ="
	    " 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", &q,
	    err) != 0)
		return -1;
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[n++] = xstrdup((const char *)sqlite3_column_text(q, 0));
	}
	sqlite3_finalize(q);
	if (r != SQLITE_DONE)
		rc = db_fail(db, err, "tables");
	for (i = 0; rc == 0 && i < n; i++)
		rc = export_table(db, dir, names[i], st, err);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

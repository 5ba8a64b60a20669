/*
 * dbdump.c - print an ollama-logreport database as text, for golden tests.
 *
 *   dbdump DB          every table, rows in id order, tab-separated,
 *                      NULL as "NULL", tabs/newlines/backslashes escaped
 *   dbdump --exec DB   run the SQL read from standard input (a database
 *                      from a dump, for the schema migration tests)
 *   dbdump --analyses DB   the analyses (alerts, memory_release,
 *                      estimate_vs_actual, model_summary), each load named
 *                      by its file and lines, not its id, sorted
 *   dbdump --query DB  (SQL on standard input) each result row, its
 *                      columns joined by " | " (NULL as "NULL")
 *   dbdump --hold DB S holds the database locked (BEGIN EXCLUSIVE) for S
 *                      seconds, for the --busy-timeout tests
 *   dbdump --counts DB "file<TAB>table<TAB>rows" for each source base name
 *                      and each table with rows for it
 *   dbdump --loads DB  "file start end outcome seconds model" per load
 *   dbdump --facts DB  per load: file, start, end, the model facts
 *                      (name, architecture, params, file type, tensors),
 *                      cause, wall seconds, allocated bytes, window
 *
 * Volatile values are left out: sources.ingested_at.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <unistd.h>

static void
put_escaped(const unsigned char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		default: putchar(*s);
		}
	}
}

static int
dump_query(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int i, n, rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "dbdump: %s: %s\n", sql, sqlite3_errmsg(db));
		return -1;
	}
	n = sqlite3_column_count(st);
	for (i = 0; i < n; i++)
		printf("%s%s", i ? "\t" : "", sqlite3_column_name(st, i));
	putchar('\n');
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < n; i++) {
			if (i)
				putchar('\t');
			if (sqlite3_column_type(st, i) == SQLITE_NULL)
				fputs("NULL", stdout);
			else
				put_escaped(sqlite3_column_text(st, i));
		}
		putchar('\n');
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
has_column(sqlite3 *db, const char *table, const char *col)
{
	char sql[256];
	sqlite3_stmt *st;
	int found = 0;

	snprintf(sql, sizeof sql, "SELECT 1 FROM pragma_table_info('%s') "
	    "WHERE name = '%s'", table, col);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

/* a source's file name; a load as "file:start-end" */
#define FILE_OF(s) "replace(" s ".path, rtrim(" s ".path, replace(" s \
	".path, '/', '')), '')"
#define LOAD_NAME(id) "(SELECT " FILE_OF("ls") " || ':' || coalesce(" \
	"l.start_line, '') || '-' || l.end_line FROM loads l JOIN sources" \
	" ls ON ls.id = l.source_id WHERE l.id = " id ")"

/* --query: a result row, its columns joined by " | " */
static int
print_row(void *arg, int n, char **val, char **col)
{
	int i;

	(void)arg;
	(void)col;
	for (i = 0; i < n; i++)
		printf("%s%s", i ? " | " : "", val[i] ? val[i] : "NULL");
	putchar('\n');
	return 0;
}

int
main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *tables;
	int counts = argc == 3 && strcmp(argv[1], "--counts") == 0;
	int loads = argc == 3 && strcmp(argv[1], "--loads") == 0;
	int facts = argc == 3 && strcmp(argv[1], "--facts") == 0;
	const char *path = argv[argc - 1];
	char sql[1024];
	int rc = 0;

	if (argc == 4 && strcmp(argv[1], "--hold") == 0) {
		if (sqlite3_open(argv[2], &db) != SQLITE_OK ||
		    sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL) !=
		    SQLITE_OK) {
			fprintf(stderr, "dbdump: %s: %s\n", argv[2],
			    sqlite3_errmsg(db));
			return 1;
		}
		printf("locked\n");
		fflush(stdout);
		sleep((unsigned)atoi(argv[3]));
		sqlite3_close(db);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "--analyses") == 0) {
		static const char *const q[] = {
		    "SELECT " LOAD_NAME("a.load_id") ", " FILE_OF("s")
		    ", a.rule, a.severity, a.ts, a.line, a.message FROM alerts"
		    " a LEFT JOIN sources s ON s.id = a.source_id ORDER BY 1, 2,"
		    " 3, 6, 7",
		    "SELECT " LOAD_NAME("m.load_id") ", " LOAD_NAME(
		    "m.next_load_id") ", unloaded, vram_before_bytes,"
		    " vram_after_bytes, vram_recovered, sys_before_bytes,"
		    " sys_after_bytes, sys_recovered, timeouts, timeout_seconds,"
		    " verdict, evidence, note FROM memory_release m ORDER BY 1",
		    "SELECT " LOAD_NAME("e.load_id") ", device, est_bytes,"
		    " actual_bytes, diff_bytes, ratio, over_estimate,"
		    " oom_after_fit, basis FROM estimate_vs_actual e ORDER BY 1,"
		    " 2",
		    "SELECT * FROM model_summary ORDER BY model",
		};
		size_t i;

		if (sqlite3_open_v2(argv[2], &db, SQLITE_OPEN_READONLY,
		    NULL) != SQLITE_OK)
			return 1;
		for (i = 0; i < sizeof q / sizeof q[0]; i++)
			if (dump_query(db, q[i]) != 0)
				rc = 1;
		sqlite3_close(db);
		return rc;
	}
	if (argc == 3 && (strcmp(argv[1], "--exec") == 0 ||
	    strcmp(argv[1], "--query") == 0)) {
		char *text = NULL, *msg = NULL;
		size_t len = 0, cap = 0, n;

		for (;;) {
			if (cap - len < 65536) {
				cap = cap * 2 + 65536;
				if ((text = realloc(text, cap + 1)) == NULL)
					return 1;
			}
			if ((n = fread(text + len, 1, cap - len, stdin)) == 0)
				break;
			len += n;
		}
		text[len] = '\0';
		if (sqlite3_open(path, &db) != SQLITE_OK ||
		    sqlite3_exec(db, text, argv[1][2] == 'q' ? print_row :
		    NULL, NULL, &msg) != SQLITE_OK) {
			fprintf(stderr, "dbdump: %s: %s\n", path, msg ? msg :
			    sqlite3_errmsg(db));
			rc = 1;
		}
		sqlite3_free(msg);
		sqlite3_close(db);
		free(text);
		return rc;
	}
	if (argc < 2 || (argc == 3 && !counts && !loads && !facts) ||
	    argc > 3) {
		fprintf(stderr, "usage: dbdump [--counts|--loads|--facts] DB\n");
		return 2;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "dbdump: %s: %s\n", path, sqlite3_errmsg(db));
		return 1;
	}
	if (loads) {
		rc = dump_query(db, "SELECT replace(s.path, rtrim(s.path, "
		    "replace(s.path, '/', '')), '') AS file, coalesce("
		    "l.start_line, '') AS start_line, l.end_line, l.outcome, "
		    "CASE WHEN l.load_seconds IS NULL THEN '' ELSE "
		    "printf('%.2f', l.load_seconds) END AS "
		    "load_seconds, coalesce(l.model, '') AS model FROM loads l "
		    "JOIN sources s ON s.id = l.source_id ORDER BY 1, "
		    "l.end_line") ? 1 : 0;
		sqlite3_close(db);
		return rc;
	}
	if (facts) {
		rc = dump_query(db, "SELECT replace(s.path, rtrim(s.path, "
		    "replace(s.path, '/', '')), '') AS file, coalesce("
		    "l.start_line, '') AS start_line, l.end_line, "
		    "coalesce(l.model_name, '') AS model_name, "
		    "coalesce(l.architecture, '') AS architecture, "
		    "coalesce(l.params, '') AS params, coalesce(l.file_type, '')"
		    " AS file_type, coalesce(l.tensor_count, '') AS tensors, "
		    "coalesce(l.cause, '') AS cause, CASE WHEN l.wall_seconds IS"
		    " NULL THEN '' ELSE printf('%.3f', l.wall_seconds) END AS "
		    "wall_seconds, coalesce(l.allocated_bytes, '') AS "
		    "allocated_bytes, l.first_line, l.last_line FROM loads l "
		    "JOIN sources s ON s.id = l.source_id ORDER BY 1, "
		    "l.end_line") ? 1 : 0;
		sqlite3_close(db);
		return rc;
	}
	/* tables, and views (model_metadata: every metadata line's row) */
	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE "
	    "type IN ('table', 'view') ORDER BY name", -1, &tables, NULL) !=
	    SQLITE_OK)
		return 1;
	if (counts)
		printf("file\ttable\trows\n");
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(tables, 0);
		if (counts) {
			if (!has_column(db, t, "event") ||
			    !has_column(db, t, "source_id"))
				continue;
			snprintf(sql, sizeof sql, "SELECT replace(s.path, "
			    "rtrim(s.path, replace(s.path, '/', '')), ''), "
			    "'%s', count(*) FROM %s t JOIN sources s ON "
			    "s.id = t.source_id GROUP BY s.id ORDER BY 1", t, t);
			sqlite3_stmt *st;
			if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) !=
			    SQLITE_OK) {
				rc = 1;
				continue;
			}
			while (sqlite3_step(st) == SQLITE_ROW)
				printf("%s\t%s\t%d\n", sqlite3_column_text(st,
				    0), t, sqlite3_column_int(st, 2));
			sqlite3_finalize(st);
			continue;
		}
		printf("## %s\n", t);
		if (strcmp(t, "sources") == 0)
			snprintf(sql, sizeof sql, "SELECT id, path, host, "
			    "format, size_bytes, sha256, line_count, first_ts, "
			    "last_ts, status FROM sources ORDER BY id");
		else
			snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY "
			    "%s", t, has_column(db, t, "id") ? "id" : "rowid");
		if (dump_query(db, sql) != 0)
			rc = 1;
	}
	sqlite3_finalize(tables);
	sqlite3_close(db);
	return rc;
}

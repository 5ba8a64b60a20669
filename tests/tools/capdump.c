/*
 * capdump - the capacity review of a database as tab-separated text
 * (capacity_tsv), for tests/run-capacity.sh:
 *   capdump DB [SINCE [UNTIL]]   (UTC ISO-8601 bounds, "" = none)
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "capacity.h"
#include "render.h"

int
main(int argc, char **argv)
{
	struct render_opts o;
	struct capacity c;
	struct olr_err err;
	struct buf out = BUF_INIT;
	sqlite3 *db = NULL;

	if (argc < 2) {
		fprintf(stderr, "usage: capdump DB [SINCE [UNTIL]]\n");
		return 2;
	}
	memset(&o, 0, sizeof o);
	o.title = "capdump";
	o.since = argc > 2 && *argv[2] ? argv[2] : NULL;
	o.until = argc > 3 && *argv[3] ? argv[3] : NULL;
	memset(&err, 0, sizeof err);
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != 0) {
		fprintf(stderr, "capdump: cannot open %s\n", argv[1]);
		sqlite3_close(db);
		return 1;
	}
	if (render_apply_window(db, &o, &err) != 0 ||
	    capacity_build(db, &o, &c, &err) != 0) {
		fprintf(stderr, "capdump: %s\n", err.msg);
		sqlite3_close(db);
		return 1;
	}
	capacity_tsv(&c, &out);
	fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
	capacity_free(&c);
	sqlite3_close(db);
	return 0;
}

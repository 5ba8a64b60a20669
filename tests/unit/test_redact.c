/*
 * test_redact.c - tests of --redact (redact.c).
 *
 * The table cases go through the public entry point only: each builds a
 * fresh in-memory database with one table (host, raw), puts the case's
 * host names in the host column and its text in raw, runs
 * redact_database and compares raw with the expected text. The database
 * tests then check what only a whole database shows: one placeholder per
 * entity across tables and columns, numbering by (table, rowid), other
 * types untouched, no mapping table left behind, a second run changing
 * nothing, and no original text left anywhere in the file on disk.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "redact.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void
exec_ok(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
}

static void
redact_ok(sqlite3 *db)
{
	struct olr_err err;

	memset(&err, 0, sizeof err);
	if (redact_database(db, &err) != 0)
		fail_msg("redact_database: %s", err.msg);
}

/* ------------------------------------------------------------ text cases */

struct text_case {
	const char *hosts;   /* comma-separated host column values, or NULL */
	const char *in;
	const char *want;
};

static const struct text_case cases[] = {
	/* Linux paths */
	{ NULL, "/home/alice/.ollama/models/blobs/sha256-6a0746a1ec1a",
	  "/home/user1/.ollama/models/blobs/sha256-6a0746a1ec1a" },
	{ NULL, "model=/mnt/calico-nas/data/home/garciaam/bin/ollama",
	  "model=/mnt/dir1/data/home/user1/bin/ollama" },
	{ NULL, "OLLAMA_MODELS:/leonardo/home/userexternal/smattiol/.ollama",
	  "OLLAMA_MODELS:/dir1/home/userexternal/user1/.ollama" },
	{ NULL, "from '/home/bob'", "from '/home/user1'" },
	{ NULL, "/home/small_ed/x /home/elliotg2/y",
	  "/home/user1/x /home/user2/y" },
	{ NULL, "/data/data/com.termux/files/home/.ollama/models",
	  "/data/data/com.termux/files/home/.ollama/models" },
	{ NULL, "Couldn't find '/usr/share/ollama/.ollama/id_ed25519'.",
	  "Couldn't find '/usr/share/ollama/.ollama/id_ed25519'." },
	{ NULL, "OLLAMA_MODELS:/root/.ollama/models",
	  "OLLAMA_MODELS:/root/.ollama/models" },
	{ NULL, "/home/linuxbrew/.linuxbrew/bin/ollama",
	  "/home/linuxbrew/.linuxbrew/bin/ollama" },
	{ NULL, "/home/", "/home/" },
	/* macOS */
	{ NULL, "/Users/jonzeolla/.ollama/models/blobs/sha256-8934d96d3f",
	  "/Users/user1/.ollama/models/blobs/sha256-8934d96d3f" },
	{ NULL, "/Users/Shared/ollama", "/Users/Shared/ollama" },
	{ NULL, "/Users/Jane Doe/Library/Ollama/x",
	  "/Users/user1/Library/Ollama/x" },
	{ NULL, "cd /Users/jane and go", "cd /Users/user1 and go" },
	/* Windows, single and doubled backslashes, forward slashes */
	{ NULL, "model=C:\\Users\\lanbo\\.ollama\\models\\blobs\\sha256-63",
	  "model=C:\\Users\\user1\\.ollama\\models\\blobs\\sha256-63" },
	{ NULL, "cmd=\"C:\\\\Users\\\\frost\\\\AppData\\\\Local\\\\Programs"
	  "\\\\Ollama\\\\ollama.exe runner\"",
	  "cmd=\"C:\\\\Users\\\\user1\\\\AppData\\\\Local\\\\Programs"
	  "\\\\Ollama\\\\ollama.exe runner\"" },
	{ NULL, "PS C:\\Users\\zool> ollama serve",
	  "PS C:\\Users\\user1> ollama serve" },
	{ NULL, "D:/Users/bob/x", "D:/Users/user1/x" },
	{ NULL, "c:\\users\\amy\\x", "c:\\users\\user1\\x" },
	{ NULL, "C:\\Users\\Public\\Documents", "C:\\Users\\Public\\Documents" },
	{ NULL, "C:\\Users\\John Smith\\AppData",
	  "C:\\Users\\user1\\AppData" },
	{ NULL, "C:\\Users\\ann is here", "C:\\Users\\user1 is here" },
	/* stability: one user, one placeholder, whatever the path shape */
	{ NULL, "/home/alice/a /Users/bob/b C:\\\\Users\\\\alice\\\\c "
	  "C:\\Users\\bob",
	  "/home/user1/a /Users/user2/b C:\\\\Users\\\\user1\\\\c "
	  "C:\\Users\\user2" },
	/* a placeholder is its own placeholder (a second run is a no-op) */
	{ NULL, "/home/user7/x", "/home/user7/x" },
	/* hosts */
	{ "ishan-Legion", "ishan-Legion ollama[1]: up",
	  "host1 ollama[1]: up" },
	{ "ishan-Legion", "dial ishan-Legion.local:11434",
	  "dial host1:11434" },
	{ "ishan-Legion", "ishan-Legion-2 is another",
	  "ishan-Legion-2 is another" },
	{ "shadow", "shadowing the shadow.", "shadowing the host1." },
	{ "shadow", "/etc/shadow", "/etc/host1" },
	{ "a-host,b-host", "b-host then a-host", "host2 then host1" },
	{ "node1.example.edu", "on node1.example.edu now", "on host1 now" },
	{ "localhost", "localhost:11434", "localhost:11434" },
	/* too short to look for in text: replaced in the host column only */
	{ "pc", "my pc is here", "my pc is here" },
	{ NULL, "Nodo: lrdn0018.leonardo.local", "Nodo: host1" },
	{ NULL, "Johns-MacBook-Pro.local.", "host1." },
	{ NULL, "dereklin-AB350M-Gaming-3 no host column",
	  "dereklin-AB350M-Gaming-3 no host column" },
	/* IP addresses */
	{ NULL, "Listening on 127.0.0.1:11434 (version 0.13.5)",
	  "Listening on 127.0.0.1:11434 (version 0.13.5)" },
	{ NULL, "OLLAMA_HOST:http://0.0.0.0:11434",
	  "OLLAMA_HOST:http://0.0.0.0:11434" },
	{ NULL, "http://localhost:11434 [::1]:11434 :: ",
	  "http://localhost:11434 [::1]:11434 :: " },
	{ NULL, "| 200 | 1.2ms | 192.168.1.23 | POST",
	  "| 200 | 1.2ms | ip1 | POST" },
	{ NULL, "OLLAMA_HOST:http://10.0.0.5:11434",
	  "OLLAMA_HOST:http://ip1:11434" },
	{ NULL, "172.19.0.7 and 172.19.0.7 and 10.1.1.1.",
	  "ip1 and ip1 and ip2." },
	{ NULL, "from 2409:4091:3f:f404:e867:828a:ff06:d180 ok",
	  "from ip1 ok" },
	{ NULL, "lookup on [2606:4700:3036::6815:4be3]:53",
	  "lookup on [ip1]:53" },
	{ NULL, "fe80::1%eth0 ::ffff:192.168.0.1",
	  "ip1%eth0 ip2" },
	{ NULL, "ether aa:bb:cc:dd:ee:0f up", "ether mac1 up" },
	/* ssh keys and e-mail */
	{ NULL, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPmQZocZG0ulr7ZuJ6mSRVS"
	  "pp4hI1qzzFOQnykGGZGkE", "ssh-ed25519 key1" },
	{ NULL, "ssh-rsa  AAAAB3NzaC1yc2EAAAADAQABAAABAQC7abc== jane@example.com",
	  "ssh-rsa  key1 email1" },
	{ NULL, "key: AAAAC3NzaC1lZDI1NTE5AAAAIPmQZocZG0ulr7ZuJ6mSRVSpp4hI1qz"
	  "zFOQnykGGZGkE", "key: key1" },
	{ NULL, "mail jane.doe+x@mail.example.org. now",
	  "mail email1. now" },
	/* GPU UUIDs */
	{ NULL, "gpu=GPU-2c5c2fe6-bcb0-13ce-0066-b82c2fe772d5 library=cuda",
	  "gpu=GPU-gpu1 library=cuda" },
	{ NULL, "[ID:GPU-5401d98d-c064-70fd-818b-2efdbd19dedd Layers:41]",
	  "[ID:GPU-gpu1 Layers:41]" },
	{ NULL, "id=GPU-5a2b3c4d5e6f7a8b (ROCm)", "id=GPU-gpu1 (ROCm)" },
	{ NULL, "MIG-2c5c2fe6-bcb0-13ce-0066-b82c2fe772d5",
	  "MIG-gpu1" },
	/* left alone */
	{ NULL, "sha256-74701a8c35f6c8d9a4b91f3f3497643001d63e0c7a84e085bed4525"
	  "48fa88d45", "sha256-74701a8c35f6c8d9a4b91f3f3497643001d63e0c7a84e"
	  "085bed452548fa88d45" },
	{ NULL, "digest sha256:74701a8c35f6c8d9 python:3.11-slim@sha256:ab",
	  "digest sha256:74701a8c35f6c8d9 python:3.11-slim@sha256:ab" },
	{ NULL, "version=0.13.5 1.2.3 CUDA0 12.4 GiB 999.1.1.1 1.2.3.4.5",
	  "version=0.13.5 1.2.3 CUDA0 12.4 GiB 999.1.1.1 1.2.3.4.5" },
	{ NULL, "time=2025-03-19T22:44:18.998-04:00 [GIN] 2024/05/18 - "
	  "17:01:52 | 12:34", "time=2025-03-19T22:44:18.998-04:00 [GIN] "
	  "2024/05/18 - 17:01:52 | 12:34" },
	{ NULL, "std::bad_alloc llama_model_loader::load Layers:41(0..40)",
	  "std::bad_alloc llama_model_loader::load Layers:41(0..40)" },
	{ NULL, "pci_id=0000:01:00.0 cobra@v1.7.0 GPU-a:41,GPU-b:40",
	  "pci_id=0000:01:00.0 cobra@v1.7.0 GPU-a:41,GPU-b:40" },
	{ NULL, "", "" },
};

/* Run one case through a one-table database; return raw (caller frees). */
static char *
redact_one(const struct text_case *c)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *out;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	exec_ok(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, host TEXT, "
	    "raw TEXT)");
	if (c->hosts != NULL) {
		const char *p = c->hosts;

		while (*p) {
			size_t l = strcspn(p, ",");

			assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO "
			    "t (host) VALUES (?1)", -1, &st, NULL), SQLITE_OK);
			sqlite3_bind_text(st, 1, p, (int)l, SQLITE_STATIC);
			assert_int_equal(sqlite3_step(st), SQLITE_DONE);
			sqlite3_finalize(st);
			p += l + (p[l] == ',');
		}
	}
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t (id, raw) "
	    "VALUES (1000, ?1)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, c->in, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);

	redact_ok(db);

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT raw FROM t WHERE "
	    "id = 1000", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

static void
test_text_cases(void **state)
{
	size_t i, bad = 0;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		char *got = redact_one(&cases[i]);

		if (strcmp(got, cases[i].want) != 0) {
			print_error("case %zu: \"%s\"\n   got \"%s\"\n  want "
			    "\"%s\"\n", i, cases[i].in, got, cases[i].want);
			bad++;
		}
		free(got);
	}
	if (bad)
		fail_msg("%zu of %zu cases failed", bad, N(cases));
}

/* ------------------------------------------------------- database tests */

static char *
get_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	char *out = NULL;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

static void
expect(sqlite3 *db, const char *sql, const char *want)
{
	char *got = get_text(db, sql);

	if (want == NULL ? got != NULL : got == NULL || strcmp(got, want))
		fail_msg("%s: got \"%s\", want \"%s\"", sql,
		    got ? got : "(null)", want ? want : "(null)");
	free(got);
}

/* Two tables shaped like sources and a category table. */
static void
fill(sqlite3 *db)
{
	exec_ok(db,
	    "CREATE TABLE sources (id INTEGER PRIMARY KEY, path TEXT NOT NULL,"
	    " host TEXT, size_bytes INTEGER, sha256 TEXT);"
	    "CREATE TABLE runners (id INTEGER PRIMARY KEY, source_id INTEGER,"
	    " host TEXT, raw TEXT, model TEXT, ratio REAL, port INTEGER);"
	    "CREATE TABLE model_summary (model TEXT PRIMARY KEY, hosts TEXT);"
	    /* rowid order differs from insertion order on purpose */
	    "INSERT INTO sources VALUES (2, '/home/bob/logs/b.log', 'hostB',"
	    " 42, 'aa11');"
	    "INSERT INTO sources VALUES (1, '/home/alice/logs/a.log',"
	    " 'hostA', 7, 'bb22');"
	    "INSERT INTO runners VALUES (1, 1, 'hostA', 'hostA ollama[5]: "
	    "starting --model /home/alice/.ollama/models/blobs/sha256-ab "
	    "from 10.0.0.9', '/home/alice/.ollama/models/blobs/sha256-ab',"
	    " 0.5, 11434);"
	    "INSERT INTO runners VALUES (2, 2, 'hostB', 'C:\\\\Users\\\\bob"
	    "\\\\x on hostB via 10.0.0.9 and 127.0.0.1', NULL, 1.25, NULL);"
	    "INSERT INTO model_summary VALUES ('/home/alice/m', "
	    "'hostA,hostB');");
}

static void
test_database(void **state)
{
	sqlite3 *db;
	char *before, *after;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	fill(db);
	redact_ok(db);
	/* hosts numbered by (table, first rowid): hostA has rowid 1 */
	expect(db, "SELECT host FROM sources WHERE id = 1", "host1");
	expect(db, "SELECT host FROM sources WHERE id = 2", "host2");
	/* users numbered in (table, rowid) order: alice (rowid 1) first */
	expect(db, "SELECT path FROM sources WHERE id = 1",
	    "/home/user1/logs/a.log");
	expect(db, "SELECT path FROM sources WHERE id = 2",
	    "/home/user2/logs/b.log");
	expect(db, "SELECT raw FROM runners WHERE id = 1",
	    "host1 ollama[5]: starting --model /home/user1/.ollama/models/"
	    "blobs/sha256-ab from ip1");
	expect(db, "SELECT model FROM runners WHERE id = 1",
	    "/home/user1/.ollama/models/blobs/sha256-ab");
	expect(db, "SELECT raw FROM runners WHERE id = 2",
	    "C:\\\\Users\\\\user2\\\\x on host2 via ip1 and 127.0.0.1");
	expect(db, "SELECT model FROM model_summary", "/home/user1/m");
	expect(db, "SELECT hosts FROM model_summary", "host1,host2");
	/* other types and NULLs untouched */
	expect(db, "SELECT typeof(ratio) || ratio || typeof(port) || port "
	    "FROM runners WHERE id = 1", "real0.5integer11434");
	expect(db, "SELECT typeof(model) || typeof(port) FROM runners "
	    "WHERE id = 2", "nullnull");
	expect(db, "SELECT sum(size_bytes) || group_concat(sha256) FROM "
	    "(SELECT * FROM sources ORDER BY id)", "49bb22,aa11");
	/* no mapping table was left behind */
	expect(db, "SELECT group_concat(name) FROM (SELECT name FROM "
	    "sqlite_master WHERE type = 'table' ORDER BY name)",
	    "model_summary,runners,sources");
	/* a second run changes nothing */
	before = get_text(db, "SELECT group_concat(x, '|') FROM (SELECT "
	    "path || host AS x FROM sources UNION ALL SELECT raw || "
	    "ifnull(model, '') FROM runners UNION ALL SELECT model || hosts "
	    "FROM model_summary)");
	redact_ok(db);
	after = get_text(db, "SELECT group_concat(x, '|') FROM (SELECT "
	    "path || host AS x FROM sources UNION ALL SELECT raw || "
	    "ifnull(model, '') FROM runners UNION ALL SELECT model || hosts "
	    "FROM model_summary)");
	assert_string_equal(before, after);
	free(before);
	free(after);
	sqlite3_close(db);
}

/* The same input gives the same database, placeholder for placeholder. */
static void
test_deterministic(void **state)
{
	sqlite3 *a, *b;
	const char *q = "SELECT group_concat(x, '|') FROM (SELECT path || host"
	    " AS x FROM sources UNION ALL SELECT raw FROM runners)";
	char *ra, *rb;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &a), SQLITE_OK);
	assert_int_equal(sqlite3_open(":memory:", &b), SQLITE_OK);
	fill(a);
	fill(b);
	redact_ok(a);
	redact_ok(b);
	ra = get_text(a, q);
	rb = get_text(b, q);
	assert_string_equal(ra, rb);
	free(ra);
	free(rb);
	sqlite3_close(a);
	sqlite3_close(b);
}

static int
file_has(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long size;
	int found;

	if (f == NULL)
		return 0;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc((size_t)size + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	found = memmem(data, (size_t)size, needle, strlen(needle)) != NULL;
	free(data);
	return found;
}

/* On disk: no page of the file keeps the original text. */
static void
test_file_scrubbed(void **state)
{
	char path[] = "/tmp/test_redact_XXXXXX";
	char journal[64];
	sqlite3 *db;
	int fd, i;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	fill(db);
	/* enough rows to spread over many pages, then a deleted one */
	exec_ok(db, "CREATE TABLE bulk (id INTEGER PRIMARY KEY, t TEXT)");
	for (i = 0; i < 200; i++)
		exec_ok(db, "INSERT INTO bulk (t) VALUES ('/home/zelda/"
		    "somewhat/long/path/to/make/pages/fill/up/quickly "
		    "on hostA from 10.0.0.9')");
	exec_ok(db, "DELETE FROM bulk WHERE id > 150");
	sqlite3_close(db);
	assert_true(file_has(path, "zelda"));

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	redact_ok(db);
	sqlite3_close(db);
	assert_false(file_has(path, "zelda"));
	assert_false(file_has(path, "alice"));
	assert_false(file_has(path, "/home/bob"));
	assert_false(file_has(path, "hostA"));
	assert_false(file_has(path, "10.0.0.9"));
	assert_true(file_has(path, "/home/user3/dir"));
	snprintf(journal, sizeof journal, "%s-journal", path);
	assert_int_equal(access(journal, F_OK), -1);
	unlink(path);
}

static void
test_in_transaction(void **state)
{
	sqlite3 *db;
	struct olr_err err;

	(void)state;
	memset(&err, 0, sizeof err);
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	fill(db);
	exec_ok(db, "BEGIN");
	assert_int_equal(redact_database(db, &err), -1);
	assert_int_equal(err.code, OLR_E_DB);
	exec_ok(db, "ROLLBACK");
	expect(db, "SELECT host FROM sources WHERE id = 1", "hostA");
	sqlite3_close(db);
}

/* A failing UPDATE (two paths collapse onto one primary key) rolls back. */
static void
test_rollback(void **state)
{
	sqlite3 *db;
	struct olr_err err;

	(void)state;
	memset(&err, 0, sizeof err);
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	exec_ok(db, "CREATE TABLE m (model TEXT PRIMARY KEY);"
	    "INSERT INTO m VALUES ('/home/user1/x');"
	    "INSERT INTO m VALUES ('/home/bob/x');"
	    "INSERT INTO m VALUES ('/home/amy/x');");
	/* user1 maps to itself, bob to user2, amy to user3: no clash */
	redact_ok(db);
	expect(db, "SELECT group_concat(model) FROM (SELECT model FROM m "
	    "ORDER BY rowid)", "/home/user1/x,/home/user2/x,/home/user3/x");
	exec_ok(db, "CREATE TABLE u (k TEXT UNIQUE);"
	    "INSERT INTO u VALUES ('on hostZ');"
	    "INSERT INTO u VALUES ('on host1');"
	    "CREATE TABLE h (host TEXT); INSERT INTO h VALUES ('hostZ')");
	/* hostZ becomes host1, which clashes with the literal 'on host1' */
	assert_int_equal(redact_database(db, &err), -1);
	assert_int_equal(err.code, OLR_E_DB);
	expect(db, "SELECT group_concat(k) FROM u", "on hostZ,on host1");
	assert_int_equal(sqlite3_get_autocommit(db), 1);
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_cases),
		cmocka_unit_test(test_database),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_file_scrubbed),
		cmocka_unit_test(test_in_transaction),
		cmocka_unit_test(test_rollback),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_names.c - model names (names.c) and Ollama manifests (manifests.c).
 *
 * Table cases for the pure functions; then a models directory built in a
 * temporary directory and read back; then names_resolve() over a database
 * with the real schema: a tag printed after a load names every load of its
 * blob, a manifest tag names another blob, general.name names the rest,
 * and two blobs that would share a name are told apart. Then one name per
 * GPU: the label rules, and names_gpus() over a database.
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
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "manifests.h"
#include "names.h"
#include "store.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

#define HEX_A "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72"
#define HEX_B "dde5aa3fc5ffc17176b5e8bdc82f587b24b2678c6c66101bf7da77af9f7ccdf1"
#define HEX_C "6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa"
#define HEX_D "74701a8c35f6c8d9a4b91f3f3497643001d63e0c7a84e085bed452548fa88d45"

static void
test_tag_display(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "registry.ollama.ai/library/llama3.2:latest", "llama3.2:latest" },
		{ "registry.ollama.ai/library/qwen2.5-coder:32b", "qwen2.5-coder:32b" },
		{ "registry.ollama.ai/library/llama3.2", "llama3.2:latest" },
		{ "registry.ollama.ai/jmorgan/m:q8", "jmorgan/m:q8" },
		{ "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M",
		  "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M" },
		{ "localhost:5000/team/model", "localhost:5000/team/model:latest" },
	};
	char out[128];
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		names_tag_display(cases[i].in, out, sizeof out);
		assert_string_equal(out, cases[i].out);
	}
}

static void
test_quant(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "Q4_K - Medium", "Q4_K_M" },
		{ "Q5_K - Small", "Q5_K_S" },
		{ "Q3_K - Large", "Q3_K_L" },
		{ "Q4_0", "Q4_0" },
		{ "Q4_K_M", "Q4_K_M" },
		{ "all F32", "F32" },
		{ "mostly Q4_0", "Q4_0" },
		{ "IQ2_XS - 2.3125 bpw", "IQ2_XS" },
		{ "", "" },
	};
	char out[64];
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		names_quant(cases[i].in, out, sizeof out);
		assert_string_equal(out, cases[i].out);
	}
	names_quant(NULL, out, sizeof out);
	assert_string_equal(out, "");
}

static void
test_compose(void **state)
{
	static const struct {
		const char *name, *arch;
		long long params;
		const char *ft, *out;
	} cases[] = {
		{ "Meta Llama 3.1 8B Instruct", "llama", 8030000000LL,
		  "Q4_K - Medium", "Meta Llama 3.1 8B Instruct Q4_K_M" },
		{ "Mixtral 8x7B Instruct v0.1", "llama", 46700000000LL, "Q4_0",
		  "Mixtral 8x7B Instruct v0.1 Q4_0" },
		{ "LLaMA v2", "llama", 3820000000LL, "Q4_0", "LLaMA v2 3.82B Q4_0" },
		{ "Phi2", "phi2", 2780000000LL, "Q4_K - Medium",
		  "Phi2 2.78B Q4_K_M" },
		{ "CodeQwen1.5-7B-Chat", "qwen2", 7250000000LL, "Q4_0",
		  "CodeQwen1.5-7B-Chat Q4_0" },
		{ "Phi 3 Mini 128k Instruct", "phi3", 3820000000LL, "Q4_0",
		  "Phi 3 Mini 128k Instruct 3.82B Q4_0" },
		{ "nomic-embed-text-v1.5", "nomic-bert", 136730000LL, "F16",
		  "nomic-embed-text-v1.5 137M F16" },
		{ "gemma-2.0 2b", "gemma2", 2610000000LL, NULL, "gemma-2.0 2b" },
		{ "Model Q8_0", NULL, 0, "Q8_0", "Model Q8_0" },
		{ NULL, "gemma3", 0, "Q4_K_M", "gemma3 Q4_K_M" },
		{ NULL, NULL, 8000000000LL, "Q4_0", "" },
	};
	char out[256];
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		names_compose(cases[i].name, cases[i].arch, cases[i].params,
		    cases[i].ft, out, sizeof out);
		assert_string_equal(out, cases[i].out);
	}
}

static void
test_manifest_digest(void **state)
{
	static const char ok[] =
	    "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker."
	    "distribution.manifest.v2+json\",\"config\":{\"mediaType\":"
	    "\"application/vnd.docker.container.image.v1+json\",\"digest\":"
	    "\"sha256:" HEX_C "\",\"size\":561},\"layers\":[{\"mediaType\": "
	    "\"application/vnd.ollama.image.model\", \"digest\": \"sha256:"
	    HEX_A "\",\"size\":2019377376},{\"mediaType\":\"application/vnd."
	    "ollama.image.template\",\"digest\":\"sha256:" HEX_D "\"}]}";
	static const char no_model[] =
	    "{\"layers\":[{\"mediaType\":\"application/vnd.ollama.image."
	    "template\",\"digest\":\"sha256:" HEX_D "\"}]}";
	static const char short_digest[] =
	    "{\"layers\":[{\"mediaType\":\"application/vnd.ollama.image."
	    "model\",\"digest\":\"sha256:abc\"}]}";
	char out[80];

	(void)state;
	assert_int_equal(manifests_model_digest(ok, strlen(ok), out,
	    sizeof out), 0);
	assert_string_equal(out, "sha256-" HEX_A);
	assert_int_equal(manifests_model_digest(no_model, strlen(no_model),
	    out, sizeof out), -1);
	assert_int_equal(manifests_model_digest(short_digest,
	    strlen(short_digest), out, sizeof out), -1);
	assert_int_equal(manifests_model_digest("", 0, out, sizeof out), -1);
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void
mkdirs(const char *base, const char *rel)
{
	char path[1024], *s;

	snprintf(path, sizeof path, "%s/%s", base, rel);
	for (s = path + strlen(base) + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;

			*s = '\0';
			mkdir(path, 0700);
			if (c == '\0')
				break;
			*s = c;
		}
	}
}

struct seen {
	char digest[4][80];
	char tag[4][128];
	int  n;
};

static int
collect(void *arg, const char *digest, const char *tag, struct olr_err *err)
{
	struct seen *s = arg;

	(void)err;
	assert_true(s->n < 4);
	snprintf(s->digest[s->n], sizeof s->digest[0], "%s", digest);
	snprintf(s->tag[s->n], sizeof s->tag[0], "%s", tag);
	s->n++;
	return 0;
}

static char tmpdir[256];

static void
make_models_dir(void)
{
	char p[1024];

	snprintf(tmpdir, sizeof tmpdir, "/tmp/olr-names-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	mkdirs(tmpdir, "manifests/registry.ollama.ai/library/llama3.2");
	mkdirs(tmpdir, "manifests/hf.co/bartowski/Phi-GGUF");
	mkdirs(tmpdir, "blobs");
	snprintf(p, sizeof p, "%s/manifests/registry.ollama.ai/library/"
	    "llama3.2/latest", tmpdir);
	write_file(p, "{\"layers\":[{\"mediaType\":\"application/vnd.ollama."
	    "image.model\",\"digest\":\"sha256:" HEX_A "\"}]}");
	snprintf(p, sizeof p, "%s/manifests/hf.co/bartowski/Phi-GGUF/Q4_K_M",
	    tmpdir);
	write_file(p, "{\"layers\":[{\"mediaType\":\"application/vnd.ollama."
	    "image.model\",\"digest\":\"sha256:" HEX_B "\"}]}");
	/* not a manifest: skipped and counted */
	snprintf(p, sizeof p, "%s/manifests/registry.ollama.ai/library/"
	    "llama3.2/notes.txt", tmpdir);
	write_file(p, "hello");
	snprintf(p, sizeof p, "%s/manifests/stray", tmpdir);
	write_file(p, "{}");
}

static void
remove_models_dir(void)
{
	char cmd[512];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	assert_int_equal(system(cmd), 0);
}

static void
test_manifests_read(void **state)
{
	struct manifests_stats st;
	struct olr_err err;
	struct seen s;
	char p[1024];
	int i, a = -1, b = -1;

	(void)state;
	make_models_dir();
	memset(&s, 0, sizeof s);
	assert_int_equal(manifests_read(tmpdir, collect, &s, &st, &err), 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(st.tags, 2);
	assert_int_equal(st.skipped, 2);
	for (i = 0; i < s.n; i++) {
		if (strcmp(s.tag[i], "llama3.2:latest") == 0)
			a = i;
		if (strcmp(s.tag[i], "hf.co/bartowski/Phi-GGUF:Q4_K_M") == 0)
			b = i;
	}
	assert_true(a >= 0 && b >= 0);
	assert_string_equal(s.digest[a], "sha256-" HEX_A);
	assert_string_equal(s.digest[b], "sha256-" HEX_B);
	/* the manifests directory itself works too */
	memset(&s, 0, sizeof s);
	snprintf(p, sizeof p, "%s/manifests/", tmpdir);
	assert_int_equal(manifests_read(p, collect, &s, &st, &err), 0);
	assert_int_equal(s.n, 2);
	/* a directory without manifests is an error naming it */
	snprintf(p, sizeof p, "%s/blobs", tmpdir);
	assert_int_equal(manifests_read(p, collect, &s, &st, &err), -1);
	assert_string_equal(err.path, p);
	assert_non_null(strstr(err.msg, "no manifests/"));
	remove_models_dir();
}

static void
exec_ok(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
}

static char *
query_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	char *out = NULL;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

static void
assert_query(sqlite3 *db, const char *sql, const char *expect)
{
	char *got = query_text(db, sql);

	if (expect == NULL) {
		if (got != NULL)
			fail_msg("%s: got '%s', expected NULL", sql, got);
		return;
	}
	if (got == NULL || strcmp(got, expect) != 0)
		fail_msg("%s: got '%s', expected '%s'", sql, got ? got : "NULL",
		    expect);
	free(got);
}

static void
test_resolve(void **state)
{
	char path[] = "/tmp/olr-names-db-XXXXXX";
	struct olr_err err;
	struct store *st;
	sqlite3 *db;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	unlink(path);
	assert_non_null(st = store_open(path, 4096, 5000, &err));
	db = store_db(st);
	/*
	 * Source 1: blob A loaded at 10-20 and at 40-50, "template selection"
	 * for it at 21 (0.2 s after the load ended); blob B loaded at 60-70
	 * with a tag line 30 s later (a request for another model: no name).
	 * Blob C and D share general.name and quantisation.
	 */
	exec_ok(db,
	    "INSERT INTO sources (id, path, sha256) VALUES (1, 'a.log', 'x');"
	    "INSERT INTO loads (id, source_id, start_line, end_line, ended_at,"
	    " outcome, model, model_name, params, file_type) VALUES"
	    " (1, 1, 10, 20, '2026-07-29T16:36:31.986Z', 'ok', 'sha256-" HEX_A
	    "', 'Llama 3.2 3B Instruct', 3210000000, 'Q4_K - Medium'),"
	    " (2, 1, 40, 50, '2026-07-29T16:40:00.000Z', 'ok', 'sha256-" HEX_A
	    "', NULL, NULL, NULL),"
	    " (3, 1, 60, 70, '2026-07-29T16:50:00.000Z', 'ok', 'sha256-" HEX_B
	    "', 'Phi2', 2780000000, 'Q4_0'),"
	    " (4, 1, 80, 90, '2026-07-29T17:00:00.000Z', 'ok', 'sha256-" HEX_C
	    "', 'Qwen2.5 7B Instruct', 7620000000, 'Q4_K - Medium'),"
	    " (5, 1, 100, 110, '2026-07-29T17:10:00.000Z', 'failed', 'sha256-"
	    HEX_D "', 'Qwen2.5 7B Instruct', 7620000000, 'Q4_K - Medium'),"
	    " (6, 1, 120, 130, NULL, 'failed', NULL, NULL, NULL, NULL);"
	    "INSERT INTO model_files (source_id, line, ts, event, kind, value)"
	    " VALUES (1, 21, '2026-07-29T16:36:32.156Z', 'model_tag', 'tag',"
	    " 'registry.ollama.ai/library/llama3.2:latest'),"
	    " (1, 71, '2026-07-29T16:50:30.000Z', 'model_tag', 'tag',"
	    " 'registry.ollama.ai/library/other:1b');");
	assert_int_equal(names_add_tag(db, "sha256-" HEX_B,
	    "hf.co/bartowski/Phi-GGUF:Q4_K_M", "manifest", &err), 0);
	assert_int_equal(names_resolve(db, NULL, NULL, &err), 0);
	assert_query(db, "SELECT name FROM loads WHERE id = 1",
	    "llama3.2:latest");
	assert_query(db, "SELECT name FROM loads WHERE id = 2",
	    "llama3.2:latest");
	assert_query(db, "SELECT origin FROM model_names WHERE model ="
	    " 'sha256-" HEX_A "'", "log");
	assert_query(db, "SELECT load_id FROM model_files WHERE line = 21",
	    "1");
	assert_query(db, "SELECT load_id FROM model_files WHERE line = 71",
	    NULL);
	assert_query(db, "SELECT name FROM loads WHERE id = 3",
	    "hf.co/bartowski/Phi-GGUF:Q4_K_M");
	assert_query(db, "SELECT name FROM loads WHERE id = 4",
	    "Qwen2.5 7B Instruct Q4_K_M (sha256-6a0746a1ec1a)");
	assert_query(db, "SELECT name FROM loads WHERE id = 5",
	    "Qwen2.5 7B Instruct Q4_K_M (sha256-74701a8c35f6)");
	assert_query(db, "SELECT name FROM loads WHERE id = 6", NULL);
	assert_query(db, "SELECT count(*) FROM model_names", "4");
	/* a second run gives the same names */
	assert_int_equal(names_resolve(db, NULL, NULL, &err), 0);
	assert_query(db, "SELECT group_concat(name, '|') FROM (SELECT name"
	    " FROM model_names ORDER BY model)",
	    "Qwen2.5 7B Instruct Q4_K_M (sha256-6a0746a1ec1a)|"
	    "Qwen2.5 7B Instruct Q4_K_M (sha256-74701a8c35f6)|"
	    "llama3.2:latest|hf.co/bartowski/Phi-GGUF:Q4_K_M");
	store_close(st);
	unlink(path);
}

/* One name per GPU: the label, the model, a load's device. */
static void
test_gpu_label(void **state)
{
	static const struct {
		const char *host, *model;
		int idx;
		const char *want;
	} c[] = {
		{ NULL, "RTX 3090", 1, "RTX 3090 #1" },
		{ "", "RTX 3090", 0, "RTX 3090 #0" },
		{ "gpu-b", "Quadro RTX 6000", 1, "gpu-b: Quadro RTX 6000 #1" },
		/* the model cut to 28 bytes */
		{ "h", "NVIDIA H100 PCIe MIG 3g.40gb and more", 2,
		    "h: NVIDIA H100 PCIe MIG 3g.40gb #2" },
	};
	static const struct {
		const char *in, *want;
	} m[] = {
		{ "NVIDIA GeForce RTX 3090", "RTX 3090" },
		{ "NVIDIA A100-SXM4-80GB", "A100-SXM4-80GB" },
		{ "Quadro RTX 6000", "Quadro RTX 6000" },
		{ "GeForce GTX 1080", "GTX 1080" },
		{ "NVIDIA ", "GPU" },
		{ "", "GPU" },
	};
	char out[128];
	size_t i;

	(void)state;
	for (i = 0; i < N(c); i++) {
		names_gpu_label(c[i].host, c[i].model, c[i].idx, out,
		    sizeof out);
		assert_string_equal(out, c[i].want);
	}
	for (i = 0; i < N(m); i++)
		assert_string_equal(names_gpu_model(m[i].in), m[i].want);
	assert_string_equal(names_gpu_model(NULL), "GPU");
}

static void
test_device_label(void **state)
{
	static const struct {
		const char *host, *device, *gpu;
		int inventory;
		const char *want;
	} c[] = {
		{ NULL, "CUDA1", "RTX A5000 #0", 1, "RTX A5000 #0" },
		{ "gpu-b", "CUDA1", "gpu-b: RTX A5000 #0", 1,
		    "gpu-b: RTX A5000 #0" },
		{ NULL, "Metal_Mapped", "Apple M1 Pro #0", 1,
		    "Apple M1 Pro #0 (mapped)" },
		{ NULL, "CPU", NULL, 1, "CPU" },
		{ "gpu-b", "CPU", NULL, 1, "gpu-b: CPU" },
		{ NULL, "CPU_Mapped", NULL, 0, "CPU (mapped)" },
		{ NULL, "CPU_REPACK", NULL, 0, "CPU (repack)" },
		{ NULL, "CPU_AARCH64", NULL, 0, "CPU (AARCH64)" },
		{ NULL, "CUDA_Host", NULL, 1, "pinned host memory" },
		{ "h", "Vulkan_Host", NULL, 1, "h: pinned host memory" },
		/* never a guess */
		{ NULL, "CUDA0", NULL, 0, "CUDA0 (not in the inventory)" },
		{ NULL, "CUDA0", "", 0, "CUDA0 (not in the inventory)" },
		{ "h", "ROCm1", NULL, 1, "h: ROCm1 (not identified)" },
	};
	char out[128];
	size_t i;

	(void)state;
	for (i = 0; i < N(c); i++) {
		names_device_label(c[i].host, c[i].device, c[i].gpu,
		    c[i].inventory, out, sizeof out);
		assert_string_equal(out, c[i].want);
	}
}

/*
 * names_gpus over a database: GPUs numbered per host in inventory order
 * (the runner's CUDA1 logged first is #0), one host -> no host in names;
 * a second host -> every name has its host; a GPU only VRAM readings name
 * is "GPU" numbered after; a reading of an inventory GPU by index is it.
 */
static void
test_gpus(void **state)
{
	char path[] = "/tmp/olr-names-gpu-XXXXXX";
	struct olr_err err;
	struct store *st;
	sqlite3 *db;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	unlink(path);
	assert_non_null(st = store_open(path, 4096, 5000, &err));
	db = store_db(st);
	exec_ok(db,
	    "INSERT INTO sources (id, path, sha256, host) VALUES"
	    " (1, '/var/log/a.log', 'x', 'gpu-a');"
	    "INSERT INTO gpus (source_id, line, event, gpu_id, library, name,"
	    " description, total_bytes) VALUES"
	    " (1, 2, 'g', 'GPU-b', 'CUDA', 'CUDA1', 'NVIDIA RTX A5000', 1),"
	    " (1, 3, 'g', 'GPU-a', 'CUDA', 'CUDA0', 'NVIDIA GeForce RTX 3090',"
	    " 1), (1, 4, 'g', '0', 'cpu', 'cpu', NULL, 1),"
	    " (1, 9, 'g', 'GPU-b', 'CUDA', 'CUDA1', 'NVIDIA RTX A5000', 1);"
	    "INSERT INTO loads (id, source_id, outcome) VALUES (1, 1, 'ok');"
	    "INSERT INTO load_devices (load_id, device, gpu_id) VALUES"
	    " (1, 'CUDA0', 'GPU-a'), (1, 'CUDA1', 'GPU-b'), (1, 'CUDA2', NULL),"
	    " (1, 'CUDA_Host', NULL), (1, 'CPU', NULL);");
	assert_int_equal(names_gpus(db, NULL, NULL, &err), 0);
	assert_query(db, "SELECT group_concat(label, '|') FROM (SELECT label"
	    " FROM gpu_names ORDER BY idx)", "RTX A5000 #0|RTX 3090 #1");
	assert_query(db, "SELECT group_concat(name, '|') FROM (SELECT name"
	    " FROM load_devices ORDER BY device)", "CPU|RTX 3090 #1|"
	    "RTX A5000 #0|CUDA2 (not identified)|pinned host memory");
	/* a second host with readings only: hosts in every name */
	exec_ok(db,
	    "INSERT INTO sources (id, path, sha256) VALUES (2, '/x/gpu-c.log',"
	    " 'y');"
	    "INSERT INTO vram_updates (source_id, line, event, ts, gpu_id,"
	    " library, total_bytes, free_bytes) VALUES"
	    " (2, 5, 'v', '2026-01-01T00:00:00.000Z', 'GPU-z', 'cuda', 100,"
	    " 50), (2, 6, 'v', '2026-01-01T00:00:01.000Z', 'GPU-y', 'cuda',"
	    " 100, 50), (1, 7, 'v', '2026-01-01T00:00:02.000Z', '1', 'CUDA',"
	    " 100, 50);"
	    "INSERT INTO loads (id, source_id, outcome) VALUES (2, 2, 'ok');"
	    "INSERT INTO load_devices (load_id, device, gpu_id) VALUES"
	    " (2, 'CUDA0', 'GPU-y'), (2, 'CPU', NULL);");
	assert_int_equal(names_gpus(db, NULL, NULL, &err), 0);
	assert_query(db, "SELECT group_concat(source_id || ' ' || gpu_id ||"
	    " ' ' || label, '|') FROM (SELECT * FROM gpu_names ORDER BY"
	    " source_id, idx, gpu_id)", "1 GPU-b gpu-a: RTX A5000 #0|"
	    "1 1 gpu-a: RTX 3090 #1|1 GPU-a gpu-a: RTX 3090 #1|"
	    "2 GPU-y gpu-c: GPU #0|2 GPU-z gpu-c: GPU #1");
	assert_query(db, "SELECT group_concat(name, '|') FROM (SELECT name"
	    " FROM load_devices ORDER BY load_id, device)", "gpu-a: CPU|"
	    "gpu-a: RTX 3090 #1|gpu-a: RTX A5000 #0|"
	    "gpu-a: CUDA2 (not identified)|gpu-a: pinned host memory|"
	    "gpu-c: CPU|gpu-c: GPU #0");
	store_close(st);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tag_display),
		cmocka_unit_test(test_quant),
		cmocka_unit_test(test_compose),
		cmocka_unit_test(test_manifest_digest),
		cmocka_unit_test(test_manifests_read),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_gpu_label),
		cmocka_unit_test(test_device_label),
		cmocka_unit_test(test_gpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

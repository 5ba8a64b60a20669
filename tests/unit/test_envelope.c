/*
 * test_envelope.c - transport prefixes: journalctl (several locales and
 * short-iso), docker timestamps, compose, Go log, colour codes, and lines
 * that must be left alone.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "envelope.h"

struct env_case {
	const char *line;
	const char *payload;
	const char *host;      /* NULL = none */
	int         kinds;
	int         has_ts;
	int64_t     epoch_ms;  /* when has_ts */
};

static const struct env_case cases[] = {
	{ "Mar 18 14:36:20 gpu-box ollama[25324]: time=2024-03-18T14:36:20.1Z "
	  "level=INFO msg=x", "time=2024-03-18T14:36:20.1Z level=INFO msg=x",
	  "gpu-box", ENVELOPE_JOURNAL, 0, 0 },
	{ "Mar 18 14:36:20 gpu-box ollama[25324]: llama_model_loader: - kv   "
	  "0: general.architecture str = llama", "llama_model_loader: - kv   "
	  "0: general.architecture str = llama", "gpu-box", ENVELOPE_JOURNAL,
	  0, 0 },
	{ "ene 16 09:01:02 caja ollama[77]: hola", "hola", "caja",
	  ENVELOPE_JOURNAL, 0, 0 },
	{ "8\xe6\x9c\x88 01 10:00:00 \xe4\xb8\xbb\xe6\x9c\xba ollama[1]: text",
	  "text", "\xe4\xb8\xbb\xe6\x9c\xba", ENVELOPE_JOURNAL, 0, 0 },
	{ "f\xc3\xa9vr. 3 07:08:09 h ollama[12]: x", "x", "h",
	  ENVELOPE_JOURNAL, 0, 0 },
	{ "May 18 17:01:52 host systemd[1]: Started ollama.service - Ollama.",
	  "Started ollama.service - Ollama.", "host", ENVELOPE_JOURNAL, 0, 0 },
	{ "Jun 02 11:22:33.456789 host ollama: precise", "precise", "host",
	  ENVELOPE_JOURNAL, 0, 0 },
	{ "2024-05-18T17:01:52+0800 node7 ollama[10717]: iso form",
	  "iso form", "node7", ENVELOPE_JOURNAL, 0, 0 },
	{ "2024-05-18T09:01:52.123456789Z time=2024-05-18T09:01:52.123Z "
	  "level=INFO msg=x", "time=2024-05-18T09:01:52.123Z level=INFO msg=x",
	  NULL, ENVELOPE_DOCKER_TS, 1, 1716022912123LL },
	{ "2024-05-18 09:01:52 llama_model_loader: x", "llama_model_loader: x",
	  NULL, ENVELOPE_DOCKER_TS, 1, 1716022912000LL },
	{ "ollama-1  | time=2026-05-30T10:00:00.000Z level=INFO msg=y",
	  "time=2026-05-30T10:00:00.000Z level=INFO msg=y", NULL,
	  ENVELOPE_COMPOSE, 0, 0 },
	{ "\x1b[36mollama-1  |\x1b[0m print_info: arch = llama",
	  "print_info: arch = llama", NULL, ENVELOPE_COMPOSE, 0, 0 },
	{ "ollama-1  | ", "", NULL, ENVELOPE_COMPOSE, 0, 0 },
	{ "2024/12/19 12:47:58 routes.go:1195: INFO server config",
	  "routes.go:1195: INFO server config", NULL, ENVELOPE_GOLOG, 1,
	  1734612478000LL },
	{ "Dec 19 12:47:58 h ollama[5]: 2024/12/19 12:47:58 routes.go:1: INFO a",
	  "routes.go:1: INFO a", "h", ENVELOPE_JOURNAL | ENVELOPE_GOLOG, 1,
	  1734612478000LL },
	/* left alone */
	{ "time=2024-03-18T14:36:20.1Z level=INFO msg=x",
	  "time=2024-03-18T14:36:20.1Z level=INFO msg=x", NULL, 0, 0, 0 },
	/* a Gin line keeps its text and gives its (local) time */
	{ "[GIN] 2024/03/12 - 18:54:13 | 200 |     138.182\xc2\xb5s |  "
	  "127.0.0.1 | HEAD     \"/\"", "[GIN] 2024/03/12 - 18:54:13 | 200 |     "
	  "138.182\xc2\xb5s |  127.0.0.1 | HEAD     \"/\"", NULL, 0, 1,
	  1710269653000LL },
	{ "[GIN] 2024/03/12 - 18:54:1 | 200 |", "[GIN] 2024/03/12 - 18:54:1 | "
	  "200 |", NULL, 0, 0, 0 },
	{ "  Device 0: Quadro RTX 6000, compute capability 7.5",
	  "  Device 0: Quadro RTX 6000, compute capability 7.5", NULL, 0, 0, 0 },
	{ "common_memory_breakdown_print: |   - CUDA0 (A40)        | 45488 |",
	  "common_memory_breakdown_print: |   - CUDA0 (A40)        | 45488 |",
	  NULL, 0, 0, 0 },
	{ "INFO [main] build info | build=1 commit=\"6eeaeba\"",
	  "INFO [main] build info | build=1 commit=\"6eeaeba\"", NULL, 0, 0, 0 },
	{ "lines 2644-2715", "lines 2644-2715", NULL, 0, 0, 0 },
	{ "Mar 18", "Mar 18", NULL, 0, 0, 0 },
	{ "", "", NULL, 0, 0, 0 },
};

static void
test_cases(void **state)
{
	struct envelope_decoder *dec = envelope_decoder_new();
	struct envelope env;
	size_t i, n;
	(void)state;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = strlen(cases[i].line);
		char *line = malloc(n ? n : 1);   /* exact size, for ASan */
		memcpy(line, cases[i].line, n);
		envelope_decode(dec, line, n, &env);
		assert_int_equal(env.payload_len, strlen(cases[i].payload));
		assert_memory_equal(env.payload, cases[i].payload,
		    env.payload_len);
		if (cases[i].host == NULL)
			assert_null(env.host);
		else {
			assert_non_null(env.host);
			assert_int_equal(env.host_len, strlen(cases[i].host));
			assert_memory_equal(env.host, cases[i].host,
			    env.host_len);
		}
		assert_int_equal(env.kinds, cases[i].kinds);
		assert_int_equal(env.has_ts, cases[i].has_ts);
		if (cases[i].has_ts)
			assert_int_equal(env.ts.epoch_ms, cases[i].epoch_ms);
		free(line);
	}
	envelope_decoder_free(dec);
}

/* Every prefix of every case decodes without reading past its end. */
static void
test_prefixes(void **state)
{
	struct envelope_decoder *dec = envelope_decoder_new();
	struct envelope env;
	size_t i, k, n;
	(void)state;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = strlen(cases[i].line);
		for (k = 0; k <= n; k++) {
			char *line = malloc(k ? k : 1);
			memcpy(line, cases[i].line, k);
			envelope_decode(dec, line, k, &env);
			assert_true(env.payload_len <= k);
			free(line);
		}
	}
	envelope_decoder_free(dec);
}

/* A payload of blanks only, after its prefix is removed, is blank. */
/* docker compose: the container's name, which names the host */
static void
test_container(void **state)
{
	static const struct { const char *line, *container; } cases[] = {
		{ "ollama-1  | time=2026-05-30T10:00:00.000Z level=INFO msg=y",
		  "ollama-1" },
		{ "\x1b[36mollama-gpu_2  |\x1b[0m print_info: arch = llama",
		  "ollama-gpu_2" },
		{ "Mar 18 14:36:20 gpu-box ollama[25324]: x", NULL },
		{ "time=2024-03-18T14:36:20.1Z level=INFO msg=x", NULL },
	};
	struct envelope_decoder *dec = envelope_decoder_new();
	struct envelope env;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		envelope_decode(dec, cases[i].line, strlen(cases[i].line), &env);
		if (cases[i].container == NULL) {
			assert_null(env.container);
			continue;
		}
		assert_non_null(env.container);
		assert_int_equal(env.container_len, strlen(cases[i].container));
		assert_memory_equal(env.container, cases[i].container,
		    env.container_len);
	}
	envelope_decoder_free(dec);
}

static void
test_blank(void **state)
{
	struct envelope_decoder *dec = envelope_decoder_new();
	struct envelope env;
	static const struct {
		const char *line;
		int blank;
	} c[] = {
		{ "", 1 },
		{ " \t\r", 1 },
		{ "ollama-1  | ", 1 },
		{ "Mar 18 14:36:20 host ollama[25324]:  \t", 1 },
		{ "ollama-1  | x", 0 },
		{ " . ", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		envelope_decode(dec, c[i].line, strlen(c[i].line), &env);
		if (envelope_blank(&env) != c[i].blank)
			fail_msg("'%s': blank %d", c[i].line, !c[i].blank);
	}
	envelope_decoder_free(dec);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_container),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

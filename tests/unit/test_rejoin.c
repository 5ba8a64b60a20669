/*
 * test_rejoin.c - records rejoined from lines hard-wrapped at 80 and 120
 * code points (cut inside a quoted value, between key=value pairs, inside
 * a --model path, inside a llama.cpp kv array, between multi-byte
 * characters), fed whole and byte by byte, also past the sample; a log
 * that is not wrapped is never rejoined; PowerShell's "ollama.exe : " and
 * three wrapper prefixes are removed, a prefix's time handed on.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lines.h"
#include "rejoin.h"
#include "shape.h"

struct rec {
	char   *text;
	long    first, last;
	int     has_ts;
	int64_t ts_ms;
	int     ts_zone;
};

struct run {
	struct rec  *recs;
	size_t       n;
	struct file_shape shape;
	struct rejoin_stats stats;
};

static void
take(struct rejoiner *rj, struct run *r)
{
	struct line_view lv;

	while (rejoin_next(rj, &lv)) {
		struct rec *x;

		r->recs = realloc(r->recs, (r->n + 1) * sizeof *r->recs);
		x = &r->recs[r->n++];
		x->text = strndup(lv.text, lv.len);
		x->first = lv.lineno;
		x->last = lv.last_lineno;
		x->has_ts = lv.prefix_ts != NULL;
		x->ts_ms = lv.prefix_ts ? lv.prefix_ts->epoch_ms : 0;
		x->ts_zone = lv.prefix_ts ? lv.prefix_ts->has_offset : 0;
	}
}

/* in, fed step bytes at a time (0 = whole), through lines and rejoin */
static void
run(const char *in, size_t len, size_t step, struct run *r)
{
	struct lines_reader *lr = lines_reader_new();
	struct rejoiner *rj = rejoiner_new();
	struct line_view lv;
	size_t off = 0, k;

	memset(r, 0, sizeof *r);
	if (step == 0)
		step = len ? len : 1;
	for (;;) {
		k = off + step > len ? len - off : step;
		if (k > 0)
			lines_feed(lr, in + off, k);
		else
			lines_finish(lr);
		off += k;
		while (lines_next(lr, &lv)) {
			rejoin_push(rj, &lv);
			take(rj, r);
		}
		if (k == 0)
			break;
	}
	rejoin_finish(rj);
	take(rj, r);
	r->shape = *rejoin_shape(rj);
	r->stats = *rejoin_get_stats(rj);
	rejoiner_free(rj);
	lines_reader_free(lr);
}

static void
run_free(struct run *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->recs[i].text);
	free(r->recs);
}

/*
 * recs cut into physical lines of w code points, each ending in eol;
 * first[i] is the physical line record i starts on.
 */
static void
wrap(const char *const *recs, size_t n, size_t w, const char *eol,
    struct buf *out, long *first)
{
	size_t i, a, b, cps;
	long phys = 1;

	buf_reset(out);
	for (i = 0; i < n; i++) {
		const char *s = recs[i];
		size_t len = strlen(s);

		first[i] = phys;
		a = 0;
		do {
			for (b = a, cps = 0; b < len && cps < w; cps++) {
				b++;
				while (b < len && ((unsigned char)s[b] & 0xc0) ==
				    0x80)
					b++;
			}
			buf_append(out, s + a, b - a);
			buf_puts(out, eol);
			phys++;
			a = b;
		} while (a < len);
	}
	first[n] = phys;
}

/* physical line k (1-based) of text */
static char *
phys_line(const char *text, long k)
{
	const char *p = text, *e;

	while (--k > 0)
		p = strchr(p, '\n') + 1;
	e = strchr(p, '\n');
	return strndup(p, (size_t)(e - p));
}

static const char *const cmd_rec =
    "time=2024-12-05T01:56:09.123+01:00 level=INFO source=server.go:380 "
    "msg=\"starting llama server\" cmd=\"C:\\\\Users\\\\anna\\\\AppData\\\\"
    "Local\\\\Programs\\\\Ollama\\\\lib\\\\ollama\\\\runners\\\\cuda_v12\\\\"
    "ollama_llama_server.exe runner --model C:\\\\Users\\\\anna\\\\.ollama"
    "\\\\models\\\\blobs\\\\sha256-6a0746a1ec1aef3e7ec53868f220ff6e389f6f8e"
    "f87a01d77c96807de94ca2aa --ctx-size 8192 --batch-size 512 "
    "--n-gpu-layers 33 --threads 8 --no-mmap --parallel 4 --port 51234\"";
static const char *const kv_rec =
    "llama_model_loader: - kv  20:                      tokenizer.ggml.tokens "
    "arr[str,128256]  = [\"!\", \"\\\"\", \"#\", \"$\", \"%\", \"&\", \"'\", "
    "\"(\", \")\", \"*\", \"+\", \",\", \"-\", \".\", \"/\", \"0\", ...";
/* 60 code points of "｜" and "▁" (3 bytes each) in a value */
static const char *const wide_rec =
    "time=2024-12-05T01:56:09.200+01:00 level=DEBUG source=vocab.go:12 "
    "msg=tokens first=\"<｜begin▁of▁sentence｜>｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜"
    "｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜｜\" "
    "last=\"<｜end▁of▁sentence｜>\"";
static const char *const short_rec =
    "time=2024-12-05T01:56:10.001+01:00 level=INFO source=sched.go:450 "
    "msg=\"loaded runners\" count=1";
static const char *const gin_rec =
    "[GIN] 2024/12/05 - 01:56:10 | 200 |    1.234567ms |       127.0.0.1 |"
    " POST     \"/api/chat\"";
static const char *const started_rec =
    "time=2024-12-05T01:56:12.500+01:00 level=INFO source=server.go:626 "
    "msg=\"llama runner started in 3.38 seconds\"";

/*
 * a slog record cut by a w-wide console between two pairs, at the start of
 * its physical line 1 + *cut
 */
static char *
pairs_rec(size_t w, long *cut)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, "time=2024-12-05T01:56:11.000+01:00 level=INFO "
	    "source=types.go:42 msg=\"inference compute\" id=GPU-");
	while (b.len % w != 0)
		buf_putc(&b, 'a');
	*cut = (long)(b.len / w);
	buf_puts(&b, " library=cuda variant=v12 compute=8.9 driver=12.4 "
	    "name=\"NVIDIA GeForce RTX 4090\" total=\"24.0 GiB\" "
	    "available=\"22.5 GiB\"");
	return b.data;
}

static void
check_wrapped(size_t w, const char *eol)
{
	long cut;
	char *pairs = pairs_rec(w, &cut);
	const char *recs[] = { cmd_rec, short_rec, kv_rec, gin_rec, wide_rec,
	    pairs, started_rec, cmd_rec, short_rec };
	size_t n = sizeof recs / sizeof recs[0], i, s;
	static const size_t steps[] = { 0, 1, 7 };
	long first[16];
	struct buf in = BUF_INIT;
	struct run r;
	char *p;

	wrap(recs, n, w, eol, &in, first);
	/* where the cuts fall */
	p = phys_line(in.data, first[0] + (w == 80 ? 3 : 2));
	assert_true(strncmp(p, "ollama\\\\models", 14) == 0); /* --model */
	free(p);
	p = phys_line(in.data, first[0] + 1);
	assert_true(strncmp(p, w == 80 ? " llama server\"" :     /* quote */
	    "Data\\\\Local", w == 80 ? 14 : 11) == 0);
	free(p);
	p = phys_line(in.data, first[2] + 1);
	assert_true(strncmp(p, w == 80 ? ",128256]" : "&\", \"'\"",
	    w == 80 ? 8 : 6) == 0);                             /* kv array */
	free(p);
	p = phys_line(in.data, first[5] + cut);
	assert_true(strncmp(p, " library=cuda", 13) == 0);     /* pairs */
	free(p);

	for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
		run(in.data, in.len, steps[s], &r);
		assert_int_equal(r.shape.wrap_width, (int)w);
		assert_int_equal(r.n, n);
		for (i = 0; i < n; i++) {
			assert_string_equal(r.recs[i].text, recs[i]);
			assert_int_equal(r.recs[i].first, first[i]);
			assert_int_equal(r.recs[i].last, first[i + 1] - 1);
			assert_int_equal(r.recs[i].has_ts, 0);
		}
		assert_int_equal(r.stats.lines_rejoined,
		    (uint64_t)(first[n] - 1) - n);
		run_free(&r);
	}
	buf_free(&in);
	free(pairs);
}

static void
test_wrapped_80(void **state)
{
	(void)state;
	check_wrapped(80, "\n");
}

static void
test_wrapped_120_crlf(void **state)
{
	(void)state;
	check_wrapped(120, "\r\n");
}

/* Lines of many lengths, four exactly 80 and some longer: left alone. */
static void
test_not_wrapped(void **state)
{
	struct buf in = BUF_INIT, line = BUF_INIT;
	struct run r;
	size_t i, s;
	static const size_t steps[] = { 0, 1 };
	(void)state;

	buf_puts(&in, cmd_rec);
	buf_putc(&in, '\n');
	for (i = 0; i < 4; i++) {
		buf_reset(&line);
		buf_printf(&line, "time=2024-12-05T01:56:1%zu.000Z level=INFO "
		    "source=sched.go:1 msg=\"x\" n=", i);
		while (line.len < 80)
			buf_putc(&line, '7');
		buf_append(&in, line.data, line.len);
		buf_putc(&in, '\n');
		buf_puts(&in, short_rec);
		buf_putc(&in, '\n');
		buf_puts(&in, kv_rec);
		buf_putc(&in, '\n');
		/* a line that starts no record, after a short one */
		buf_puts(&in, "  Device 0: NVIDIA GeForce RTX 4090, compute "
		    "capability 8.9, VMM: yes\n");
	}
	buf_puts(&in, started_rec);
	buf_putc(&in, '\n');
	for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
		run(in.data, in.len, steps[s], &r);
		assert_int_equal(r.shape.wrap_width, 0);
		assert_int_equal(r.shape.prefix_len, 0);
		assert_int_equal(r.n, 18);
		assert_string_equal(r.recs[0].text, cmd_rec);
		assert_int_equal(r.recs[1].text[79], '7');
		assert_int_equal(strlen(r.recs[1].text), 80);
		assert_string_equal(r.recs[2].text, short_rec);
		assert_int_equal(r.recs[17].first, 18);
		assert_int_equal(r.recs[17].last, 18);
		assert_int_equal(r.stats.lines_rejoined, 0);
		run_free(&r);
	}
	buf_free(&in);
	buf_free(&line);
}

/* A wrapped file longer than the sample: records across the boundary. */
static void
test_wrapped_past_sample(void **state)
{
	const char *recs[] = { cmd_rec, short_rec, kv_rec };
	const char *many[3 * 1500];
	long first[3 * 1500 + 1];
	struct buf in = BUF_INIT;
	struct run r;
	size_t i, n = 3 * 1500;
	(void)state;

	for (i = 0; i < n; i++)
		many[i] = recs[i % 3];
	wrap(many, n, 120, "\n", &in, first);
	assert_true(first[n] - 1 > REJOIN_SAMPLE_LINES);
	run(in.data, in.len, 4096, &r);
	assert_int_equal(r.shape.wrap_width, 120);
	assert_int_equal(r.n, n);
	for (i = 0; i < n; i++) {
		assert_string_equal(r.recs[i].text, many[i]);
		assert_int_equal(r.recs[i].first, first[i]);
		assert_int_equal(r.recs[i].last, first[i + 1] - 1);
	}
	run_free(&r);
	buf_free(&in);
}

/* Lines of 80 that start nothing (a blob): records stop at 1 MiB. */
static void
test_record_cap(void **state)
{
	struct buf in = BUF_INIT;
	struct run r;
	long i, per = (long)(REJOIN_MAX_RECORD / 80);
	(void)state;

	for (i = 0; i < 20000; i++)
		buf_puts(&in, "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU"
		    "FBQUFBQUFBQUFBQUFBQUFBQUFB\n");
	run(in.data, in.len, 0, &r);
	assert_int_equal(r.shape.wrap_width, 80);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.recs[0].first, 1);
	assert_int_equal(r.recs[0].last, per);
	assert_int_equal(strlen(r.recs[0].text), (size_t)per * 80);
	assert_int_equal(r.recs[1].first, per + 1);
	assert_int_equal(r.recs[1].last, 20000);
	run_free(&r);
	buf_free(&in);
}

static const char powershell[] =
    "ollama.exe : time=2024-12-05T01:56:09.123+01:00 level=INFO "
    "source=routes.go:1259 msg=\"server config\" env=\"map[OLLAMA_HOST:]\"\r\n"
    "In C:\\Users\\anna\\start.ps1:10 Zeichen:1\r\n"
    "+ ollama serve > server.log 2>&1\r\n"
    "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\r\n"
    "    + CategoryInfo          : NotSpecified: (time=2024-12-05...map["
    "OLLAMA_HOST:]\":String) [], RemoteException\r\n"
    "    + FullyQualifiedErrorId : NativeCommandError\r\n"
    " \r\n"
    "time=2024-12-05T01:56:09.130+01:00 level=INFO source=images.go:757 "
    "msg=\"total blobs: 5\"\r\n";

static void
test_powershell(void **state)
{
	struct run r;
	size_t s;
	static const size_t steps[] = { 0, 1, 5 };
	(void)state;

	for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
		run(powershell, sizeof powershell - 1, steps[s], &r);
		assert_int_equal(r.n, 8);
		assert_string_equal(r.recs[0].text, "time=2024-12-05T01:56:09."
		    "123+01:00 level=INFO source=routes.go:1259 msg=\"server "
		    "config\" env=\"map[OLLAMA_HOST:]\"");
		assert_string_equal(r.recs[1].text,
		    "In C:\\Users\\anna\\start.ps1:10 Zeichen:1");
		assert_string_equal(r.recs[5].text,
		    "    + FullyQualifiedErrorId : NativeCommandError");
		assert_int_equal(r.recs[7].first, 8);
		assert_int_equal(r.stats.powershell, 1);
		assert_int_equal(r.shape.prefix_len, 0);
		run_free(&r);
	}
}

/*
 * Each line of a small log behind prefix pre (a printf format taking the
 * second of the minute when it has a %); the records, prefix gone.
 */
static void
check_prefix(const char *pre, const char *shape, int64_t ts0_ms)
{
	static const char *const body[] = {
		"time=2024-12-05T01:56:09.123Z level=INFO source=routes.go:1 "
		    "msg=\"Listening on 127.0.0.1:11434 (version 0.5.1)\"",
		"llama_model_loader: - kv   0:   general.architecture str = llama",
		"llm_load_tensors: offloaded 33/33 layers to GPU",
		"time=2024-12-05T01:56:12.500Z level=INFO source=server.go:626 "
		    "msg=\"llama runner started in 3.38 seconds\"",
		"",
		"[GIN] 2024/12/05 - 01:56:13 | 200 | 1.2ms | 127.0.0.1 | "
		    "POST \"/api/chat\"",
	};
	struct buf in = BUF_INIT;
	struct run r;
	size_t i, n = sizeof body / sizeof body[0];

	for (i = 0; i < n; i++) {
		if (strchr(pre, '%') != NULL)
			buf_printf(&in, pre, (int)(9 + i));
		else
			buf_puts(&in, pre);
		buf_puts(&in, body[i]);
		buf_putc(&in, '\n');
	}
	run(in.data, in.len, 1, &r);
	assert_string_equal(r.shape.prefix, shape);
	assert_int_equal(r.n, n);
	for (i = 0; i < n; i++) {
		assert_string_equal(r.recs[i].text, body[i]);
		assert_int_equal(r.recs[i].first, (long)i + 1);
		assert_int_equal(r.recs[i].has_ts, ts0_ms != 0);
		if (ts0_ms) {
			assert_int_equal(r.recs[i].ts_ms,
			    ts0_ms + (int64_t)i * 1000);
			assert_int_equal(r.recs[i].ts_zone, 0);
		}
	}
	assert_int_equal(r.stats.lines_prefixed, n);
	run_free(&r);
	buf_free(&in);
}

static void
test_prefixes(void **state)
{
	(void)state;
	/* 2024-12-05 01:56:09 UTC = 1733363769 */
	check_prefix("[2024-12-05 01:56:%02d] [stderr] ",
	    "[9999-99-99 99:99:99] [aaaaaa] ", 1733363769000);
	check_prefix("0|ollama  | ", "9|aaaaaa  | ", 0);
	check_prefix("[pod/ollama-0/ollama] ", "[aaa/aaaaaa-9/aaaaaa] ", 0);
	check_prefix("2024-12-05 01:56:%02d,250 ", "9999-99-99 99:99:99,999 ",
	    1733363769250);
}

static void
test_record_starts(void **state)
{
	static const struct { const char *s; int start; } c[] = {
		{ "time=2024-12-05T01:56:09.123Z level=INFO", 1 },
		{ "[GIN] 2024/12/05 - 01:56:13 | 200", 1 },
		{ "[GIN-debug] GET /", 1 },
		{ "2024/12/19 12:47:58 routes.go:1195: INFO", 1 },
		{ "llama_model_loader: - kv   0:", 1 },
		{ "load: special tokens cache size = 256", 1 },
		{ "srv  llama_server: model loaded", 1 },
		{ "{\"function\":\"initialize\",\"level\":\"INFO\"}", 1 },
		{ "INFO [main] build info | build=1", 1 },
		{ "panic: unable to load model", 1 },
		{ "goroutine 85 [running]:", 1 },
		{ "ollama.exe : time=2024", 1 },
		/* pieces of cut records */
		{ "nners\" count=1", 0 },
		{ " library=cuda", 0 },
		{ "_tensor_range: failed", 0 },
		{ "ollama\\\\models\\\\blobs", 0 },
		{ "131 |", 0 },
		{ "time=", 0 },
	};
	size_t i;
	(void)state;

	for (i = 0; i < sizeof c / sizeof c[0]; i++)
		if (shape_starts_record(c[i].s, strlen(c[i].s)) != c[i].start)
			fail_msg("%s: expected %d", c[i].s, c[i].start);
	assert_int_equal(shape_width("a｜b▁", strlen("a｜b▁")), 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrapped_80),
		cmocka_unit_test(test_wrapped_120_crlf),
		cmocka_unit_test(test_not_wrapped),
		cmocka_unit_test(test_wrapped_past_sample),
		cmocka_unit_test(test_record_cap),
		cmocka_unit_test(test_powershell),
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_record_starts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

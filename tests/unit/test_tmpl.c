/*
 * test_tmpl.c - table-driven tests of the template expander: every case is
 * a template, the values built by a named fixture, and either the expected
 * output or the expected error line and message fragment.
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
#include <string.h>

#include "tmpl.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ----------------------------------------------------------- fixtures */

enum fixture { F_NONE, F_XSS, F_LIST, F_NESTED, F_FLAGS, F_EMPTY_LIST };

static struct tmpl_vars *
make_vars(enum fixture f)
{
	struct tmpl_vars *v = tmpl_vars_new(), *r, *c;

	switch (f) {
	case F_NONE:
		tmpl_set(v, "name", "world");
		break;
	case F_XSS:
		tmpl_set(v, "x", "<script>alert('1' & \"2\")</script>");
		tmpl_set(v, "ctl", "a\033[31mb\x7f");
		tmpl_set(v, "html", "<b>bold</b>");
		break;
	case F_LIST:
		tmpl_set(v, "title", "T");
		r = tmpl_add_row(v, "rows");
		tmpl_set(r, "n", "1");
		r = tmpl_add_row(v, "rows");
		tmpl_set(r, "n", "2");
		tmpl_set(r, "title", "inner");
		break;
	case F_NESTED:
		tmpl_set(v, "file", "a.log");
		r = tmpl_add_row(v, "loads");
		tmpl_set(r, "id", "1");
		c = tmpl_add_row(r, "lines");
		tmpl_set(c, "line", "10");
		c = tmpl_add_row(r, "lines");
		tmpl_set(c, "line", "12");
		r = tmpl_add_row(v, "loads");
		tmpl_set(r, "id", "2");
		tmpl_set_list(r, "lines");
		break;
	case F_FLAGS:
		tmpl_set_flag(v, "on", 1);
		tmpl_set_flag(v, "off", 0);
		tmpl_set(v, "s", "x");
		tmpl_set(v, "empty", "");
		tmpl_set(v, "name", "first");
		tmpl_set(v, "name", "second");   /* replaces */
		break;
	case F_EMPTY_LIST:
		tmpl_set_list(v, "rows");
		break;
	}
	return v;
}

struct ok_case {
	const char   *tmpl;
	enum fixture  fix;
	int           flags;
	const char   *want;
};

static const struct ok_case ok_cases[] = {
	{ "", F_NONE, 0, "" },
	{ "plain text", F_NONE, 0, "plain text" },
	{ "hello {{name}}!", F_NONE, 0, "hello world!" },
	{ "{{ name }}", F_NONE, 0, "world" },
	{ "a { b } c {x} }}", F_NONE, 0, "a { b } c {x} }}" },
	/* escaping */
	{ "{{x}}", F_XSS, 0,
	  "&lt;script&gt;alert(&#39;1&#39; &amp; &quot;2&quot;)&lt;/script&gt;" },
	{ "<a title=\"{{x}}\">", F_XSS, 0,
	  "<a title=\"&lt;script&gt;alert(&#39;1&#39; &amp; &quot;2&quot;)"
	  "&lt;/script&gt;\">" },
	{ "{{ctl}}", F_XSS, 0, "a&#xFFFD;[31mb&#xFFFD;" },
	{ "{{{html}}}", F_XSS, 0, "<b>bold</b>" },
	{ "{{&html}}", F_XSS, 0, "<b>bold</b>" },
	{ "{{& html }}", F_XSS, 0, "<b>bold</b>" },
	{ "{{html}}", F_XSS, 0, "&lt;b&gt;bold&lt;/b&gt;" },
	/* missing names expand to nothing unless strict */
	{ "[{{nope}}]", F_NONE, 0, "[]" },
	{ "[{{{nope}}}]", F_NONE, 0, "[]" },
	{ "[{{#nope}}x{{/nope}}]", F_NONE, TMPL_STRICT, "[]" },
	{ "[{{^nope}}x{{/nope}}]", F_NONE, TMPL_STRICT, "[x]" },
	/* comments */
	{ "a{{! a comment with {braces} }}b", F_NONE, 0, "ab" },
	/* lists, with outer names seen from rows */
	{ "{{#rows}}<{{n}}:{{title}}>{{/rows}}", F_LIST, 0, "<1:T><2:inner>" },
	{ "{{^rows}}none{{/rows}}", F_LIST, 0, "" },
	{ "{{#rows}}x{{/rows}}{{^rows}}none{{/rows}}", F_EMPTY_LIST, 0,
	  "none" },
	{ "{{title}}{{#rows}}{{/rows}}{{title}}", F_LIST, 0, "TT" },
	/* nesting two deep, outer-outer names */
	{ "{{#loads}}[{{id}}{{#lines}} {{file}}:{{line}}/{{id}}{{/lines}}"
	  "{{^lines}} -{{/lines}}]{{/loads}}", F_NESTED, TMPL_STRICT,
	  "[1 a.log:10/1 a.log:12/1][2 -]" },
	/* flags and strings as conditions */
	{ "{{#on}}A{{/on}}{{#off}}B{{/off}}{{^off}}C{{/off}}{{^on}}D{{/on}}",
	  F_FLAGS, 0, "AC" },
	{ "{{#s}}[{{s}}]{{/s}}{{#empty}}E{{/empty}}{{^empty}}e{{/empty}}",
	  F_FLAGS, 0, "[x]e" },
	{ "{{name}}", F_FLAGS, 0, "second" },
	{ "{{#on}}{{#s}}{{^off}}deep{{/off}}{{/s}}{{/on}}", F_FLAGS, 0,
	  "deep" },
	/* multi-line text kept as is */
	{ "line1\n{{name}}\nline3\n", F_NONE, 0, "line1\nworld\nline3\n" },
};

struct err_case {
	const char   *tmpl;
	enum fixture  fix;
	int           flags;
	long          line;
	const char   *msg;     /* fragment of the message */
};

static const struct err_case err_cases[] = {
	{ "abc {{name", F_NONE, 0, 1, "unterminated tag" },
	{ "a\nb\n  {{name }\n", F_NONE, 0, 3, "unterminated tag" },
	{ "a\n{{{raw}}\n", F_NONE, 0, 2, "must end with }}}" },
	{ "a\n\n{{{raw", F_NONE, 0, 3, "unterminated tag" },
	{ "{{}}", F_NONE, 0, 1, "bad name" },
	{ "x\n{{a b}}", F_NONE, 0, 2, "bad name" },
	{ "{{#}}", F_NONE, 0, 1, "bad name" },
	{ "{{#rows}}\n\nx", F_NONE, 0, 1, "{{#rows}} is not closed" },
	{ "1\n2\n{{^rows}}x", F_NONE, 0, 3, "{{^rows}} is not closed" },
	{ "{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}", F_NONE, 0, 3,
	  "{{/a}} does not close {{#b}} of line 2" },
	{ "x\n{{/a}}", F_NONE, 0, 2, "closes no section" },
	/* a tag spanning lines: later lines still counted right */
	{ "{{!\ncomment\n}}\n{{/z}}", F_NONE, 0, 4, "closes no section" },
	/* strict: unbound names */
	{ "ok\n\nhi {{nope}}", F_NONE, TMPL_STRICT, 3, "no value for {{nope}}" },
	{ "{{#rows}}\n{{n}} {{zz}}{{/rows}}", F_LIST, TMPL_STRICT, 2,
	  "no value for {{zz}}" },
};

static void
test_expand_ok(void **state)
{
	struct olr_err err;
	struct tmpl *t;
	struct tmpl_vars *v;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < N(ok_cases); i++) {
		const struct ok_case *c = &ok_cases[i];

		olr_err_clear(&err);
		if (tmpl_parse("case.html", c->tmpl, strlen(c->tmpl), &t,
		    &err) != 0)
			fail_msg("case %zu %s: parse: %s", i, c->tmpl, err.msg);
		v = make_vars(c->fix);
		buf_reset(&out);
		if (tmpl_expand(t, v, c->flags, &out, &err) != 0)
			fail_msg("case %zu %s: expand: %s", i, c->tmpl, err.msg);
		if (strcmp(buf_str(&out), c->want) != 0)
			fail_msg("case %zu %s: got \"%s\", want \"%s\"", i,
			    c->tmpl, buf_str(&out), c->want);
		tmpl_vars_free(v);
		tmpl_free(t);
	}
	buf_free(&out);
}

static void
test_errors(void **state)
{
	struct olr_err err;
	struct tmpl *t;
	struct tmpl_vars *v;
	struct buf out = BUF_INIT;
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < N(err_cases); i++) {
		const struct err_case *c = &err_cases[i];

		olr_err_clear(&err);
		v = make_vars(c->fix);
		rc = tmpl_parse("page.html", c->tmpl, strlen(c->tmpl), &t, &err);
		if (rc == 0) {
			rc = tmpl_expand(t, v, c->flags, &out, &err);
			tmpl_free(t);
		} else
			assert_null(t);
		tmpl_vars_free(v);
		if (rc != -1)
			fail_msg("case %zu %s: no error", i, c->tmpl);
		if (err.code != OLR_E_RENDER || strcmp(err.path, "page.html") ||
		    err.line != c->line || strstr(err.msg, c->msg) == NULL)
			fail_msg("case %zu: got %s:%ld: %s, want line %ld: %s", i,
			    err.path, err.line, err.msg, c->line, c->msg);
	}
	buf_free(&out);
}

/* Templates need no NUL terminator: parse an exact-length heap copy. */
static void
test_unterminated_view(void **state)
{
	const char *s = "{{name}} and {{name}}";
	size_t len = 8;   /* "{{name}}" only */
	char *copy = test_malloc(len);
	struct olr_err err;
	struct tmpl *t;
	struct tmpl_vars *v = make_vars(F_NONE);
	struct buf out = BUF_INIT;

	(void)state;
	memcpy(copy, s, len);
	assert_int_equal(tmpl_parse("v", copy, len, &t, &err), 0);
	assert_int_equal(tmpl_expand(t, v, 0, &out, &err), 0);
	assert_string_equal(buf_str(&out), "world");
	/* cut inside the tag: an error, not a read past the end */
	tmpl_free(t);
	assert_int_equal(tmpl_parse("v", copy, 7, &t, &err), -1);
	test_free(copy);
	tmpl_vars_free(v);
	buf_free(&out);
}

static void
test_rows_and_many(void **state)
{
	struct tmpl_vars *v = tmpl_vars_new(), *r;
	struct olr_err err;
	struct tmpl *t;
	struct buf out = BUF_INIT;
	const char *s = "{{#r}}{{i}},{{/r}}";
	int i;

	(void)state;
	assert_int_equal(tmpl_rows(v, "r"), 0);
	for (i = 0; i < 1000; i++) {
		r = tmpl_add_row(v, "r");
		tmpl_setf(r, "i", "%d", i);
	}
	assert_int_equal(tmpl_rows(v, "r"), 1000);
	assert_int_equal(tmpl_parse("m", s, strlen(s), &t, &err), 0);
	assert_int_equal(tmpl_expand(t, v, TMPL_STRICT, &out, &err), 0);
	assert_int_equal(strncmp(buf_str(&out), "0,1,2,", 6), 0);
	assert_non_null(strstr(buf_str(&out), ",999,"));
	tmpl_free(t);
	tmpl_vars_free(v);
	buf_free(&out);
}

static void
test_nesting_limit(void **state)
{
	struct buf s = BUF_INIT;
	struct olr_err err;
	struct tmpl *t;
	int i;

	(void)state;
	for (i = 0; i < 40; i++)
		buf_printf(&s, "{{#a%d}}\n", i);
	assert_int_equal(tmpl_parse("deep", s.data, s.len, &t, &err), -1);
	assert_int_equal(err.line, 33);
	assert_non_null(strstr(err.msg, "nested deeper"));
	buf_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expand_ok),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_unterminated_view),
		cmocka_unit_test(test_rows_and_many),
		cmocka_unit_test(test_nesting_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_chart.c - placeholder until the charts land. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "chart.h"

static void
test_list(void **state)
{
	(void)state;
	assert_int_equal(chart_list()[CHART_TIMELINE].id, CHART_TIMELINE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_list) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}

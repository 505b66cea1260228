// SPDX-License-Identifier: GPL-2.0
/* swap_comment.c: the swap entry layout comment of pgtable.h. */
#include "unit.h"

#include "swap_comment.h"

static void test_block(void **state)
{
	char text[] = "/*\n"
		      " * Encode and decode a swap entry:\n"
		      " *\tbits 0-1:\tpresent (must be zero)\n"
		      " *\tbit  2:\tremember PG_anon_exclusive\n"
		      " *\tbits 3-7:\tswap type\n"
		      " */\n"
		      " *\tbits 8-9:\tafter the block\n";
	struct comment_line c[8];

	assert_int_equal(swap_comment_parse(text, "Encode and decode a swap entry", c, 8), 3);
	assert_int_equal(c[0].line, 3);
	assert_int_equal(c[0].lo, 0);
	assert_int_equal(c[0].hi, 1);
	assert_int_equal(c[1].lo, 2);
	assert_int_equal(c[1].hi, 2);
	assert_string_equal(c[1].text, "remember PG_anon_exclusive");
	assert_int_equal(c[2].hi, 7);
}

/* No block, an empty text, a block cut short: no lines, no overrun. */
static void test_odd(void **state)
{
	char none[] = " *\tbits 0-1:\tpresent\n", empty[] = "";
	char open[] = "Encode and decode a swap entry\n *bit 1:x\n *bit 2:y";
	struct comment_line c[1];

	assert_int_equal(swap_comment_parse(none, "Encode and decode a swap entry", c, 1), 0);
	assert_int_equal(swap_comment_parse(empty, "Encode and decode a swap entry", c, 1), 0);
	assert_int_equal(swap_comment_parse(open, "Encode and decode a swap entry", c, 1), 1);
	assert_int_equal(c[0].lo, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_block),
		cmocka_unit_test(test_odd),
	};

	return cmocka_run_group_tests_name("swap_comment", tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0
/* swap_comment.c: the swap entry layout comment of pgtable.h. */
#include "unit.h"

#include "swap_comment.h"

static const struct comment_grammar dash = {
	.start = "Encode and decode a swap entry",
};

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

	assert_int_equal(swap_comment_parse(text, &dash, c, 8), 3);
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

	assert_int_equal(swap_comment_parse(none, &dash, c, 1), 0);
	assert_int_equal(swap_comment_parse(empty, &dash, c, 1), 0);
	assert_int_equal(swap_comment_parse(open, &dash, c, 1), 1);
	assert_int_equal(c[0].lo, 1);
}

/*
 * riscv's grammar: "bits 7 to 11", a bit word for the entry's top bit, and
 * a line whose words the grammar cannot read ("bits 12 to N") left out.
 */
static void test_words(void **state)
{
	char text[] = "/*\n"
		      " * Format of swap PTE:\n"
		      " *\tbit            0:\t_PAGE_PRESENT (zero)\n"
		      " *\tbit       1 to 3:       _PAGE_LEAF (zero)\n"
		      " *\tbits      7 to 11:\tswap type\n"
		      " *\tbits 12 to XLEN-1:\tswap offset\n"
		      " *\tbits 12 to N:\tunknown\n"
		      " *\tbits 2 tox 3:\tno join\n"
		      " */\n";
	static const char *const words[] = { "XLEN-1" };
	static const unsigned int values[] = { 31 };
	struct strv joins = { 0 };
	struct comment_grammar g = {
		.start = "Format of swap PTE",
		.joins = &joins,
		.bit_words = words,
		.bit_values = values,
		.nr_bit_words = 1,
	};
	struct comment_line c[8];

	strv_push(&joins, "to");
	assert_int_equal(swap_comment_parse(text, &g, c, 8), 4);
	assert_int_equal(c[0].lo, 0);
	assert_int_equal(c[0].hi, 0);
	assert_string_equal(c[0].text, "_PAGE_PRESENT (zero)");
	assert_int_equal(c[1].lo, 1);
	assert_int_equal(c[1].hi, 3);
	assert_int_equal(c[2].lo, 7);
	assert_int_equal(c[2].hi, 11);
	assert_string_equal(c[2].text, "swap type");
	assert_int_equal(c[3].line, 6);
	assert_int_equal(c[3].lo, 12);
	assert_int_equal(c[3].hi, 31);
	strv_free(&joins);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_block),
		cmocka_unit_test(test_odd),
		cmocka_unit_test(test_words),
	};

	return cmocka_run_group_tests_name("swap_comment", tests, NULL, NULL);
}

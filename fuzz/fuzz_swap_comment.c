// SPDX-License-Identifier: GPL-2.0
/* The swap entry layout comment of pgtable.h: swap_comment_parse(). */
#include <stdlib.h>

#include "fuzz.h"
#include "swap_comment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const words[] = { "XLEN-1", "X" };
	static const unsigned int values[] = { 63, 7 };
	struct strv joins = { 0 };
	struct comment_grammar grammar = {
		.start = "swap",
		.joins = &joins,
		.bit_words = words,
		.bit_values = values,
		.nr_bit_words = 2,
	};
	struct comment_line lines[32];
	char *text = fuzz_text(data, size);

	strv_push(&joins, "to");
	strv_push(&joins, "..");
	swap_comment_parse(text, &grammar, lines, 32);
	strv_free(&joins);
	free(text);
	return 0;
}

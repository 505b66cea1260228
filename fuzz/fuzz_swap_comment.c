// SPDX-License-Identifier: GPL-2.0
/* The swap entry layout comment of pgtable.h: swap_comment_parse(). */
#include <stdlib.h>

#include "fuzz.h"
#include "swap_comment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct comment_line lines[32];
	char *text = fuzz_text(data, size);

	swap_comment_parse(text, "Encode and decode a swap entry", lines, 32);
	free(text);
	return 0;
}

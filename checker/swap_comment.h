/* SPDX-License-Identifier: GPL-2.0 */
#ifndef PTECHECK_SWAP_COMMENT_H
#define PTECHECK_SWAP_COMMENT_H

#include "util.h"

/* One "bits LO-HI: what" line of the swap entry layout comment. */
struct comment_line {
	unsigned int line, lo, hi;
	char text[128];
};

/*
 * How an arch writes its comment, from the arch data: the line that opens
 * it, the words besides '-' that join a range's ends ("bits 7 to 11"), and
 * the words that stand for a bit number ("XLEN-1") with their value in the
 * configuration checked.
 */
struct comment_grammar {
	const char *start;
	const struct strv *joins;
	const char *const *bit_words;
	const unsigned int *bit_values;
	int nr_bit_words;
};

/*
 * The block of @text that opens with a line holding @g->start, one entry
 * per " * bit N:" or " * bits N-M:" line up to the closing comment; @text
 * is cut into lines in place. A line whose bit numbers the grammar cannot
 * read is left out.
 */
int swap_comment_parse(char *text, const struct comment_grammar *g,
		       struct comment_line *out, int max);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef PTECHECK_SWAP_COMMENT_H
#define PTECHECK_SWAP_COMMENT_H

/* One "bits LO-HI: what" line of the swap entry layout comment. */
struct comment_line {
	unsigned int line, lo, hi;
	char text[128];
};

/*
 * The block of @text that opens with a line holding @start (the arch
 * data's swap-comment-start), one entry per " * bit N:" or " * bits N-M:"
 * line up to the closing comment; @text is cut into lines in place.
 */
int swap_comment_parse(char *text, const char *start, struct comment_line *out,
		       int max);

#endif

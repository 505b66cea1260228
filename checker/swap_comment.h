/* SPDX-License-Identifier: GPL-2.0 */
#ifndef PTECHECK_SWAP_COMMENT_H
#define PTECHECK_SWAP_COMMENT_H

/* One "bits LO-HI: what" line of the swap entry layout comment. */
struct comment_line {
	unsigned int line, lo, hi;
	char text[128];
};

int swap_comment_parse(char *text, struct comment_line *out, int max);

#endif

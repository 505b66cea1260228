// SPDX-License-Identifier: GPL-2.0
/* The swap layout comment of an arch's pgtable.h; the arch data names it. */
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "swap_comment.h"

int swap_comment_parse(char *text, const char *start, struct comment_line *out,
		       int max)
{
	unsigned int line = 1;
	bool in_block = false;
	char *p, *next;
	regex_t re;
	int n = 0;

	regcomp(&re,
		"^[[:space:]]*\\*[[:space:]]*bits?[[:space:]]+([0-9]+)(-([0-9]+))?:[[:space:]]*(.*)$",
		REG_EXTENDED);
	for (p = text; p && n < max; p = next, line++) {
		regmatch_t m[5];

		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		if (strstr(p, start)) {
			in_block = true;
			continue;
		}
		if (!in_block)
			continue;
		if (strstr(p, "*/"))
			break;
		if (regexec(&re, p, 5, m, 0))
			continue;
		out[n].line = line;
		out[n].lo = strtoul(p + m[1].rm_so, NULL, 10);
		out[n].hi = m[3].rm_so >= 0 ?
				    strtoul(p + m[3].rm_so, NULL, 10) :
				    out[n].lo;
		snprintf(out[n].text, sizeof(out[n].text), "%.*s",
			 (int)(m[4].rm_eo - m[4].rm_so), p + m[4].rm_so);
		n++;
	}
	regfree(&re);
	return n;
}

// SPDX-License-Identifier: GPL-2.0
/* The swap layout comment of an arch's pgtable.h; the arch data names it. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "swap_comment.h"

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* A bit number at *@p: digits, or one of the grammar's bit words. */
static bool read_bit(const char **p, const struct comment_grammar *g,
		     unsigned int *bit)
{
	const char *s = *p;

	if (isdigit((unsigned char)*s)) {
		unsigned long v = strtoul(s, (char **)p, 10);

		*bit = v > 63 ? 64 : v;
		return true;
	}
	for (int i = 0; i < g->nr_bit_words; i++) {
		size_t len = strlen(g->bit_words[i]);

		if (len && !strncmp(s, g->bit_words[i], len)) {
			*p = s + len;
			*bit = g->bit_values[i];
			return true;
		}
	}
	return false;
}

/* The word joining a range's two ends at *@p: '-' or a grammar word. */
static bool read_join(const char **p, const struct comment_grammar *g)
{
	const char *s = skip_space(*p);

	if (*s == '-') {
		*p = skip_space(s + 1);
		return true;
	}
	for (int i = 0; g->joins && i < g->joins->n; i++) {
		size_t len = strlen(g->joins->v[i]);

		if (!strncmp(s, g->joins->v[i], len) &&
		    (s[len] == ' ' || s[len] == '\t')) {
			*p = skip_space(s + len);
			return true;
		}
	}
	return false;
}

/* " * bit N: what", " * bits N-M: what", " * bits N to M: what". */
static bool parse_line(const char *p, const struct comment_grammar *g,
		       struct comment_line *out)
{
	const char *after_lo;

	p = skip_space(p);
	if (*p != '*')
		return false;
	p = skip_space(p + 1);
	if (strncmp(p, "bit", 3))
		return false;
	p += 3;
	if (*p == 's')
		p++;
	if (*p != ' ' && *p != '\t')
		return false;
	p = skip_space(p);
	if (!read_bit(&p, g, &out->lo))
		return false;
	out->hi = out->lo;
	after_lo = p;
	if (!read_join(&p, g) || !read_bit(&p, g, &out->hi))
		p = after_lo;
	p = skip_space(p);
	if (*p != ':')
		return false;
	p = skip_space(p + 1);
	snprintf(out->text, sizeof(out->text), "%s", p);
	return true;
}

int swap_comment_parse(char *text, const struct comment_grammar *g,
		       struct comment_line *out, int max)
{
	unsigned int line = 1;
	bool in_block = false;
	char *p, *next;
	int n = 0;

	for (p = text; p && n < max; p = next, line++) {
		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		if (strstr(p, g->start)) {
			in_block = true;
			continue;
		}
		if (!in_block)
			continue;
		if (strstr(p, "*/"))
			break;
		if (parse_line(p, g, &out[n])) {
			out[n].line = line;
			n++;
		}
	}
	return n;
}

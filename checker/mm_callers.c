// SPDX-License-Identifier: GPL-2.0
/*
 * What the tree's own core mm does around an arch helper, read from the
 * tokens of the sources under mm/: core mm changes what it expects of the
 * arch between versions (6.3 made pte_mkuffd_wp() write-protect and
 * dropped the pte_wrprotect() its callers wrapped around it), so the tree
 * says.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "mm_callers.h"
#include "util.h"

#define MAX_IDENT 64

static bool ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Past a comment, string or character literal at @p, or @p. */
static const char *skip_noise(const char *p)
{
	if (p[0] == '/' && p[1] == '*') {
		const char *end = strstr(p + 2, "*/");

		return end ? end + 2 : p + strlen(p);
	}
	if (p[0] == '/' && p[1] == '/') {
		while (*p && *p != '\n')
			p++;
		return p;
	}
	if (*p == '"' || *p == '\'') {
		char quote = *p++;

		while (*p && *p != quote) {
			if (*p == '\\' && p[1])
				p++;
			p++;
		}
		return *p ? p + 1 : p;
	}
	return p;
}

/*
 * The next token: an identifier into @ident, or a single punctuation
 * character (ident empty). Returns where it ends, NULL at the end.
 */
static const char *next_token(const char *p, char *ident, char *punct)
{
	const char *q;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		       *p == '\\')
			p++;
		q = skip_noise(p);
		if (q == p)
			break;
		p = q;
	}
	if (!*p)
		return NULL;
	ident[0] = '\0';
	*punct = '\0';
	if (ident_char(*p)) {
		int n = 0;

		while (ident_char(*p)) {
			if (n < MAX_IDENT - 1)
				ident[n++] = *p;
			p++;
		}
		ident[n] = '\0';
		return p;
	}
	*punct = *p;
	return p + 1;
}

/* Is @ident LEVEL_@suffix, for some level (pte, pmd, huge_pte, ...)? */
static bool helper_of(const char *ident, const char *suffix)
{
	size_t n = strlen(ident), s = strlen(suffix);

	return n > s + 1 && ident[n - s - 1] == '_' &&
	       !strcmp(ident + n - s, suffix);
}

bool text_nests_calls(const char *text, const char *a, const char *b)
{
	/* The last four tokens; punctuation is kept as a one-letter string. */
	char tok[4][MAX_IDENT] = { "", "", "", "" }, ident[MAX_IDENT], punct;
	const char *p = text;

	while ((p = next_token(p, ident, &punct))) {
		memmove(tok[0], tok[1], sizeof(tok) - MAX_IDENT);
		snprintf(tok[3], MAX_IDENT, "%s", ident);
		if (!ident[0])
			tok[3][0] = punct, tok[3][1] = '\0';
		/* OUTER ( INNER ( : the outer call's first argument is a call. */
		if (strcmp(tok[1], "(") || strcmp(tok[3], "("))
			continue;
		if ((helper_of(tok[0], a) && helper_of(tok[2], b)) ||
		    (helper_of(tok[0], b) && helper_of(tok[2], a)))
			return true;
	}
	return false;
}

static bool dir_nests_calls(const char *dir, const char *a, const char *b)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	bool found = false;

	if (!d)
		return false;
	while (!found && (de = readdir(d))) {
		char *path, *text;

		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (is_dir(path)) {
			found = dir_nests_calls(path, a, b);
		} else if (ends_with(path, ".c") || ends_with(path, ".h")) {
			text = read_file(path, NULL);
			found = text && text_nests_calls(text, a, b);
			free(text);
		}
		free(path);
	}
	closedir(d);
	return found;
}

bool mm_nests_calls(const char *kdir, const char *a, const char *b)
{
	char *mm = xasprintf("%s/mm", kdir);
	bool found = dir_nests_calls(mm, a, b);

	free(mm);
	return found;
}

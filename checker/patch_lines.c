// SPDX-License-Identifier: GPL-2.0
/*
 * Which lines a patch adds: the "+++ b/PATH" headers and "@@ -a,b +c,d @@"
 * hunk headers of a unified diff (git format-patch, git diff, diff -u),
 * counted through each hunk. The gate has git apply check the patch
 * first; this only numbers its lines, so that a finding between an old
 * and a new definition can be put on the new one.
 */
#include <stdlib.h>
#include <string.h>

#include "patch_lines.h"

/* "@@ -a[,b] +c[,d] @@": the new side's first line, and both counts. */
static bool hunk_header(const char *p, unsigned long *line,
			unsigned long *old_left, unsigned long *new_left)
{
	char *end;

	if (strncmp(p, "@@ -", 4))
		return false;
	strtoul(p + 4, &end, 10);
	*old_left = *end == ',' ? strtoul(end + 1, &end, 10) : 1;
	if (strncmp(end, " +", 2))
		return false;
	*line = strtoul(end + 2, &end, 10);
	*new_left = *end == ',' ? strtoul(end + 1, &end, 10) : 1;
	return !strncmp(end, " @@", 3);
}

void patch_added_lines(const char *diff, struct strv *out)
{
	unsigned long line = 0, old_left = 0, new_left = 0;
	char *path = NULL;

	for (const char *p = diff; p && *p;) {
		size_t len = strcspn(p, "\n");

		if (old_left || new_left) {
			/* Inside a hunk: ' ', '-', '+' or "\ No newline". */
			if (*p == '+') {
				if (path)
					strv_pushf(out, "%s:%lu", path, line);
				line++;
				new_left--;
			} else if (*p == '-') {
				old_left--;
			} else if (*p != '\\') {
				line++;
				new_left -= new_left > 0;
				old_left -= old_left > 0;
			}
		} else if (!strncmp(p, "+++ ", 4)) {
			free(path);
			path = NULL;
			/* "+++ /dev/null" removes the file: nothing is added. */
			if (len > 6 && !strncmp(p + 4, "b/", 2))
				path = xasprintf("%.*s",
						 (int)strcspn(p + 6, "\t\n"),
						 p + 6);
		} else {
			hunk_header(p, &line, &old_left, &new_left);
		}
		p += len;
		p += *p == '\n';
	}
	free(path);
}

bool patch_line_added(const struct strv *added, const char *rel,
		      unsigned int line)
{
	size_t n = strlen(rel);

	for (int i = 0; added && i < added->n; i++)
		if (!strncmp(added->v[i], rel, n) && added->v[i][n] == ':' &&
		    strtoul(added->v[i] + n + 1, NULL, 10) == line)
			return true;
	return false;
}

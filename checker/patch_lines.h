/* SPDX-License-Identifier: GPL-2.0 */
/* The lines a unified diff adds, in the tree it is applied to. */
#ifndef PTECHECK_PATCH_LINES_H
#define PTECHECK_PATCH_LINES_H

#include <stdbool.h>

#include "util.h"

/*
 * Add "PATH:LINE" to @out for each line @diff (a patch or a mail holding
 * one, already accepted by git apply) adds, PATH relative to the tree as
 * the "+++ b/PATH" header gives it, LINE in the file after the patch.
 */
void patch_added_lines(const char *diff, struct strv *out);
/* Is @rel:@line in @added? */
bool patch_line_added(const struct strv *added, const char *rel,
		      unsigned int line);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* What the gate refuses in a patch before it applies it, read by git. */
#ifndef PTECHECK_PATCH_CHECK_H
#define PTECHECK_PATCH_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Refuse, with one line and exit 2, a patch that cannot be applied to a
 * scratch copy safely: one git apply cannot read, with no file changes,
 * binary, leaving the tree, into .git, creating a symlink or gitlink,
 * changing a mode (a mode change of a hard-linked copy is one of KDIR),
 * and, unless @trust, touching build code that preparing would run.
 * git runs in @work, which also holds its output. Returns true when the
 * patch touches a Kconfig file, so the build is made again.
 */
bool patch_check(const char *patch, const char *work, bool trust);

/*
 * The same decision from what git apply printed: @numstat of --numstat
 * -z (@len bytes), @summary of --summary. Dies naming @patch.
 */
bool patch_check_git_output(const char *patch, const char *numstat, size_t len,
			    const char *summary, bool trust);

/*
 * Does the mail or patch at @path carry a diff? git mailinfo splits it
 * into message and patch in @work; a cover letter or a reply has none.
 */
bool patch_has_diff(const char *path, const char *work);

#endif

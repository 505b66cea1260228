/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the tree's own core mm does around an arch helper: an invariant
 * that depends on core mm's expectations is decided from the callers in
 * that tree, not from a version number.
 */
#ifndef PTECHECK_MM_CALLERS_H
#define PTECHECK_MM_CALLERS_H

#include <stdbool.h>

/*
 * Does @text call a helper ending in _@a directly on the result of one
 * ending in _@b, or the other way round: pte_wrprotect(pte_mkuffd_wp(x)),
 * huge_pte_mkuffd_wp(huge_pte_wrprotect(x))? Comments, strings and
 * character literals are skipped.
 */
bool text_nests_calls(const char *text, const char *a, const char *b);

/* Does a source under KDIR/mm nest the two calls so (text_nests_calls)? */
bool mm_nests_calls(const char *kdir, const char *a, const char *b);

#endif

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A source that does not compile (a half-written patch) is said on stderr
# and checked as far as it parses; one that cannot be read at all makes
# the run an input error (exit 2). Every other TU is still checked.
set -eu
. "$ROOT/tests/lib.sh"

scratch_tree "$TREES/soft-dirty-6.12-unconverted"
kdir=$T/kdir
cat >"$kdir/arch/arm64/mm/ptecheck-half-written.c" <<'C'
#include <linux/pgtable.h>

pte_t half_written(pte_t pte, pte_t other)
{
	if (pte_dirty(other))
		pte = pte_mkdirty(pte);
	return pte +;
}
C
run_cmd "$PTECHECK" check "$kdir"
if [ "$rc" != 1 ]; then
	show_run
	exit 1
fi
grep -q '^ptecheck: arch/arm64/mm/ptecheck-half-written.c: does not compile' "$T/err" || {
	show_run
	exit 1
}
expect_sites "$UNCONVERTED_SITES
arch/arm64/mm/ptecheck-half-written.c:6: error [MKDIRTY_HOUSEKEEPING]" "$T/out"

# A source that cannot be read: exit 2, the rest still reported.
rm "$kdir/arch/arm64/mm/ptecheck-half-written.c"
ln -s /nonexistent/ptecheck.c "$kdir/arch/arm64/mm/ptecheck-dangling.c"
run_cmd "$PTECHECK" check "$kdir"
if [ "$rc" != 2 ]; then
	show_run
	exit 1
fi
grep -q 'ptecheck-dangling.c: cannot read' "$T/err" || { show_run; exit 1; }
expect_sites "$UNCONVERTED_SITES" "$T/out"

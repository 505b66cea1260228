#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A check of an unchanged tree reuses the findings of the last one (same
# ptecheck, configuration, rules), and an edit to anything it read throws
# them away: a parsed source, a header the probe read, a source the
# pre-filter skipped, and a new source.
set -eu
. "$ROOT/tests/lib.sh"

scratch_tree "$TREES/soft-dirty-6.12-unconverted"
own_results
kdir=$T/kdir
mm=arch/arm64/mm

expect_exit 1 "$PTECHECK" check "$kdir" || exit 1
expect_sites "$UNCONVERTED_SITES" "$T/out" || exit 1
cp "$T/out" "$T/first"
expect_exit 1 "$PTECHECK" check "$kdir" || exit 1
cmp "$T/first" "$T/out" || { echo "FAIL: a second run differs"; exit 1; }

without() {
	printf '%s\n' "$UNCONVERTED_SITES" | grep -v "^$1: "
}

# A parsed source.
own_copy "$kdir/$mm/contpte.c"
sed -i '65s/pte_mkdirty(/__pte_mkdirty(/' "$kdir/$mm/contpte.c"
expect_exit 1 "$PTECHECK" check "$kdir" || exit 1
expect_sites "$(without $mm/contpte.c:65)" "$T/out" || exit 1

# A header the probe read.
own_copy "$kdir/arch/arm64/include/asm/pgtable.h"
sed -i '1213s/= pte_mkdirty(pte)/= __pte_mkdirty(pte)/' "$kdir/arch/arm64/include/asm/pgtable.h"
expect_exit 1 "$PTECHECK" check "$kdir" || exit 1
expect_sites "$(without $mm/contpte.c:65 | grep -v pgtable.h:1213)" "$T/out" || exit 1

# A source the pre-filter skipped gains a housekeeping site.
own_copy "$kdir/$mm/ioremap.c"
cat >>"$kdir/$mm/ioremap.c" <<'CODE'

pte_t ptecheck_gather(pte_t orig, pte_t pte)
{
	if (pte_dirty(orig))
		pte = pte_mkdirty(pte);
	return pte;
}
CODE
line=$(($(grep -n '^pte_t ptecheck_gather' "$kdir/$mm/ioremap.c" | cut -d: -f1) + 3))
expect_exit 1 "$PTECHECK" check "$kdir" || exit 1
findings "$T/out" | grep -qx "$mm/ioremap.c:$line: error \[MKDIRTY_HOUSEKEEPING\]" ||
	{ echo "FAIL: the edit to a skipped source is not seen"; show_run; exit 1; }

# A new source.
sed -n '/^pte_t ptecheck_gather/,$p' "$kdir/$mm/ioremap.c" |
	sed 's/ptecheck_gather/ptecheck_gather2/' >"$T/new.c"
{ echo '#include <linux/pgtable.h>'; cat "$T/new.c"; } >"$kdir/$mm/ptecheck-new.c"
expect_exit 1 "$PTECHECK" check "$kdir" || exit 1
findings "$T/out" | grep -qx "$mm/ptecheck-new.c:5: error \[MKDIRTY_HOUSEKEEPING\]" ||
	{ echo "FAIL: the new source is not seen"; show_run; exit 1; }

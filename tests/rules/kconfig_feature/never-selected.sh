#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A feature the arch never selects is checked "what if": the soft-dirty
# port with its helpers under #ifdef CONFIG_HAVE_ARCH_SOFT_DIRTY, no
# 'select HAVE_ARCH_SOFT_DIRTY' anywhere and pte_swp_clear_soft_dirty()
# left out. Its code is never built (PTE_SOFT_DIRTY is 0): KCONFIG_FEATURE
# says so at the first #ifdef of it, and, parsing the headers again with
# the feature's symbols defined, reports the missing helper at the bit's
# definition. Nothing else fires, and the tree compiles (no warning).
set -eu
. "$ROOT/tests/lib.sh"

prot=arch/arm64/include/asm/pgtable-prot.h
scratch_tree "$PRISTINE"
for f in $prot arch/arm64/include/asm/pgtable.h arch/arm64/mm/contpte.c \
	arch/arm64/mm/hugetlbpage.c arch/arm64/mm/fault.c; do
	own_copy "$T/kdir/$f"
done
(cd "$T/kdir" && git apply "$ROOT/kernel/variants/soft-dirty-6.12-never-selected.patch")
expect_exit 1 "$PTECHECK" check "$T/kdir" || exit 1
expect_sites "$prot:37: error [KCONFIG_FEATURE]
$prot:38: error [KCONFIG_FEATURE]" "$T/out" || { show_run; exit 1; }
grep -q "$prot:37:1: error: soft_dirty code under CONFIG_MEM_SOFT_DIRTY, but nothing in arch/arm64/Kconfig selects HAVE_ARCH_SOFT_DIRTY" "$T/out" || { show_run; exit 1; }
grep -q "$prot:38:1: error: as if HAVE_ARCH_SOFT_DIRTY were selected: pte_swp_clear_soft_dirty() is missing" "$T/out" || { show_run; exit 1; }
[ "$(wc -l <"$T/err")" = 1 ] || { echo "FAIL: warnings on stderr"; show_run; exit 1; }

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Must-be-zero bits are what pte_present()/pmd_present() read, not what
# the arch data lists. Each mutant renames the present-invalid / PROT_NONE
# marker to a name the data does not know and moves it into the swap
# offset (6.12: bit 60, evaluated from pte_present(); 6.1: PTE_UXN,
# bit 54, read through '& (PTE_VALID | PTE_NONE_MARK)'), updating the
# swap comment to match: one SWAP_LAYOUT error at __SWP_OFFSET_SHIFT, and
# nothing else from any rule.
set -eu
. "$ROOT/tests/lib.sh"

pgtable=arch/arm64/include/asm/pgtable.h
# case_of VERSION PATCH LINE BIT
case_of() {
	local kdir=$CACHE/linux-source-$1 patch=$ROOT/kernel/variants/$2

	require_tree "$kdir"
	rm -rf "$T/kdir"
	scratch_tree "$kdir"
	own_copy "$T/kdir/$pgtable"
	own_copy "$T/kdir/arch/arm64/include/asm/pgtable-prot.h"
	(cd "$T/kdir" && git apply "$patch")
	expect_exit 1 "$PTECHECK" check "$T/kdir" || return 1
	expect_sites "$pgtable:$3: error [SWAP_LAYOUT]" "$T/out" || { show_run; return 1; }
	[ "$(grep -c '\[SWAP_LAYOUT\]$' "$T/out")" = 1 ] || { show_run; return 1; }
	grep -q "swap-offset uses bit $4, which pte_present() reads" "$T/out" || { show_run; return 1; }
}

case_of 6.12 arm64-6.12-present-invalid-in-offset.patch 1435 60 || exit 1
case_of 6.1 arm64-6.1-prot-none-in-offset.patch 1011 54 || exit 1

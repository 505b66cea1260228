#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The riscv soft-dirty port with its swap twin on bit 1, a _PAGE_LEAF bit
# that pmd_present() reads, fails the gate at 0002 (0001 passes), with one
# SWAP_LAYOUT error at the twin's definition.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
expect_exit 1 "$PTECHECK" gate --arch riscv "$PRISTINE" "$ROOT/kernel/variants/soft-dirty-riscv-6.12-swp-on-leaf" || exit 1
sed -n '/^\[1\/2\]/,/^\[2\/2\]/p' "$T/out" | grep -qx '  verdict: pass' || { cat "$T/out"; exit 1; }
sed -n '/^\[2\/2\]/,$p' "$T/out" >"$T/p2"
grep -q '^    arch/riscv/include/asm/pgtable-bits.h:51:1: error: _PAGE_SWP_SOFT_DIRTY uses bit 1, which must be zero (_PAGE_LEAF) in the pmd-swap state \[SWAP_LAYOUT\]$' "$T/p2" &&
	[ "$(grep -c 'error: .*\[' "$T/p2")" = 1 ] &&
	grep -qx '  verdict: FAIL' "$T/p2" || { cat "$T/out"; exit 1; }

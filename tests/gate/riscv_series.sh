#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The riscv soft-dirty port passes the gate patch by patch: 0001
# (__pte_mkdirty at the three hugetlb sites) changes no bit; 0002 gives
# RSW bit 9 to soft-dirty instead of devmap (Kconfig) and swap bit 4 to its
# twin. KDIR's scratch copy is gone afterwards.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
expect_exit 0 "$PTECHECK" gate --arch riscv "$PRISTINE" "$ROOT/kernel/series/soft-dirty-riscv-6.12" || exit 1
out=$T/out
sed -n '/^\[1\/2\]/,/^\[2\/2\]/p' "$out" >"$T/p1"
grep -qx '  introduces: nothing' "$T/p1" && grep -qx '    no bit changes owner' "$T/p1" &&
	grep -qx '  verdict: pass' "$T/p1" || { cat "$out"; exit 1; }
sed -n '/^\[2\/2\]/,$p' "$out" >"$T/p2"
grep -qx '    valid: bit 9: _PAGE_DEVMAP (sw) -> _PAGE_SOFT_DIRTY (sw)' "$T/p2" &&
	grep -qx '    swap: bit 4: - -> _PAGE_SWP_SOFT_DIRTY (flag)' "$T/p2" &&
	grep -qx '    pmd-swap: bit 4: - -> _PAGE_SWP_SOFT_DIRTY (flag)' "$T/p2" &&
	grep -qx '  verdict: pass' "$T/p2" || { cat "$out"; exit 1; }
grep -q '^gate: 2 patches, 0 introduce errors' "$out" || { cat "$out"; exit 1; }


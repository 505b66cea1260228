#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The project's soft-dirty series passes the gate patch by patch: 0001
# (__pte_mkdirty at the housekeeping sites) changes no bit; 0002 takes
# bit 63, the last free software bit (SWBIT_LAST_FREE, a note), and swap
# bit 4. KDIR is not written; the scratch copy is gone afterwards.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
before=$(tree_checksum "$PRISTINE")
# In the background, to know its scratch directory: $CACHE/gate/PID.
rc=0
"$PTECHECK" gate "$PRISTINE" "$ROOT/kernel/series/soft-dirty-6.12" >"$T/out" 2>"$T/err" &
pid=$!
wait "$pid" || rc=$?
[ "$rc" = 0 ] || { echo "FAIL: gate exit $rc, want 0"; show_run; exit 1; }
out=$T/out
grep -q '^\[1/2\] 0001-arm64-mm-add-__pte_mkdirty-for-dirty-propagation.patch$' "$out"
sed -n '/^\[1\/2\]/,/^\[2\/2\]/p' "$out" >"$T/p1"
grep -qx '  introduces: nothing' "$T/p1" && grep -qx '    no bit changes owner' "$T/p1" &&
	grep -qx '  verdict: pass' "$T/p1" || { cat "$out"; exit 1; }
sed -n '/^\[2\/2\]/,$p' "$out" >"$T/p2"
grep -q '^    arch/arm64/include/asm/pgtable-prot.h:38:1: note: PTE_SOFT_DIRTY takes the last free software bit of the valid state.*\[SWBIT_LAST_FREE\]$' "$T/p2" &&
	grep -qx '    valid: bit 63: - -> PTE_SOFT_DIRTY (sw)' "$T/p2" &&
	grep -qx '    valid: free software bits: 63 -> none (the last taken)' "$T/p2" &&
	grep -qx '    swap: bit 4: - -> PTE_SWP_SOFT_DIRTY (flag)' "$T/p2" &&
	grep -qx '  verdict: pass' "$T/p2" || { cat "$out"; exit 1; }
grep -q '^gate: 2 patches, 0 introduce errors' "$out"
[ "$(tree_checksum "$PRISTINE")" = "$before" ] || { echo "FAIL: KDIR changed"; exit 1; }
[ ! -e "$CACHE/gate/$pid" ] || { echo "FAIL: scratch left: $CACHE/gate/$pid"; exit 1; }

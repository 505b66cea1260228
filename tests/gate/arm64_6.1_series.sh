#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The seed's patches 1 and 2, ported to Debian 6.1, pass the gate: patch 1
# moves PTE_PROT_NONE off software bit 58 onto PTE_UXN (bit 54) and
# PMD_PRESENT_INVALID from 59 to 60, reshuffling the swap layout; patch 2
# puts uffd-wp on the freed bit 58 and its swap twin on bit 3.
set -eu
. "$ROOT/tests/lib.sh"

kdir=$CACHE/linux-source-6.1
require_tree "$kdir"
expect_exit 0 "$PTECHECK" gate "$kdir" "$ROOT/kernel/series/arm64-6.1" || exit 1
sed -n '/^\[1\/2\]/,/^\[2\/2\]/p' "$T/out" >"$T/p1"
sed -n '/^\[2\/2\]/,$p' "$T/out" >"$T/p2"
for want in '    present-invalid: bit 58: PTE_PROT_NONE (marker) -> -' \
	    '    present-invalid: bit 54: PTE_UXN (hw) -> PTE_UXN (hw) + PTE_PROT_NONE (marker)' \
	    '    pmd-swap: bit 60: - -> PMD_PRESENT_INVALID (zero)' \
	    '    pmd-present-invalid: bit 59: PMD_PRESENT_INVALID (marker) -> -' \
	    '  verdict: pass'; do
	grep -qxF -- "$want" "$T/p1" || { echo "patch 1 lacks: $want"; cat "$T/out"; exit 1; }
done
for want in '    valid: bit 58: - -> PTE_UFFD_WP (sw)' \
	    '    swap: bit 3: - -> PTE_SWP_UFFD_WP (flag)' \
	    '  verdict: pass'; do
	grep -qxF -- "$want" "$T/p2" || { echo "patch 2 lacks: $want"; cat "$T/out"; exit 1; }
done

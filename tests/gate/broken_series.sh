#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The project's broken series fail at exactly the patch that breaks, with
# the right rule: a soft-dirty series whose 0001 misses one housekeeping
# site fails at 0002 (when pte_mkdirty starts to set soft-dirty); the 6.1
# PROT_NONE move that leaves the swap type on the new PROT_NONE bit fails
# at 0001.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
expect_exit 1 "$PTECHECK" gate "$PRISTINE" "$ROOT/kernel/variants/soft-dirty-6.12-missed-site" || exit 1
sed -n '/^\[1\/2\]/,/^\[2\/2\]/p' "$T/out" | grep -qx '  verdict: pass' || { cat "$T/out"; exit 1; }
sed -n '/^\[2\/2\]/,$p' "$T/out" >"$T/p2"
grep -q '^    arch/arm64/mm/hugetlbpage.c:443:[0-9]*: error: .*\[MKDIRTY_HOUSEKEEPING\]$' "$T/p2" &&
	[ "$(grep -c '\[MKDIRTY_HOUSEKEEPING\]' "$T/p2")" = 1 ] &&
	grep -qx '  verdict: FAIL' "$T/p2" || { cat "$T/out"; exit 1; }

kdir=$CACHE/linux-source-6.1
require_tree "$kdir"
expect_exit 1 "$PTECHECK" gate "$kdir" "$ROOT/kernel/variants/arm64-6.1-type-on-prot-none" || exit 1
sed -n '/^\[1\/2\]/,/^\[2\/2\]/p' "$T/out" >"$T/p1"
grep -q '^    arch/arm64/include/asm/pgtable.h:1008:1: error: .*\[SWAP_LAYOUT\]$' "$T/p1" &&
	grep -qx '  verdict: FAIL' "$T/p1" || { cat "$T/out"; exit 1; }

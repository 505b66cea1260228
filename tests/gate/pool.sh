#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The gate's copy of KDIR stays in the cache between runs, and nothing in
# it is trusted: each gate first makes it hold what KDIR holds. A copy
# poisoned with the series' first patch, a gate killed half-way, and a
# KDIR that moved on each give what a fresh copy gives.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
scratch_tree "$PRISTINE"
series=$ROOT/kernel/series/soft-dirty-6.12
p1=$series/0001-arm64-mm-add-__pte_mkdirty-for-dirty-propagation.patch
p2=$series/0002-arm64-mm-add-soft-dirty-page-tracking-support.patch
before=$(tree_checksum "$T/kdir")

expect_exit 0 "$PTECHECK" gate "$T/kdir" "$series" || exit 1
cp "$T/out" "$T/first"
pool=$(grep -lx "$T/kdir" "$CACHE"/gate/pool-*/kdir 2>/dev/null | head -n 1)
pool=${pool%/kdir}
[ -n "$pool" ] && [ -d "$pool/tree/arch" ] || { echo "FAIL: no copy of $T/kdir kept"; exit 1; }

# Poison: the copy still holds the series the gate applied, and now a
# file KDIR does not have.
grep -q '__pte_mkdirty' "$pool/tree/arch/arm64/include/asm/pgtable.h" ||
	{ echo "FAIL: the copy does not hold what the gate applied"; exit 1; }
echo poison >"$pool/tree/arch/arm64/mm/poison.c"
expect_exit 0 "$PTECHECK" gate "$T/kdir" "$series" || exit 1
cmp -s "$T/out" "$T/first" || { echo "FAIL: the poisoned copy was trusted"; diff "$T/first" "$T/out"; exit 1; }
[ ! -e "$pool/tree/arch/arm64/mm/poison.c" ] || { echo "FAIL: poison.c left in the copy"; exit 1; }

# Killed while it mends or checks: the next gate is not misled.
"$PTECHECK" gate "$T/kdir" "$series" >/dev/null 2>&1 &
pid=$!
sleep 3
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
expect_exit 0 "$PTECHECK" gate "$T/kdir" "$series" || exit 1
cmp -s "$T/out" "$T/first" || { echo "FAIL: after a killed gate"; diff "$T/first" "$T/out"; exit 1; }
[ "$(tree_checksum "$T/kdir")" = "$before" ] || { echo "FAIL: KDIR changed"; exit 1; }

# KDIR moves on: 0001 is now in it, so only 0002 applies.
git -C "$T/kdir" apply "$p1"
expect_exit 2 "$PTECHECK" gate "$T/kdir" "$series" || exit 1
expect_err_mentions "0001-arm64-mm-add-__pte_mkdirty-for-dirty-propagation.patch does not apply" || exit 1
expect_exit 0 "$PTECHECK" gate "$T/kdir" "$p2" || exit 1
grep -qx '    valid: bit 63: - -> PTE_SOFT_DIRTY (sw)' "$T/out" || { show_run; exit 1; }

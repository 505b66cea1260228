#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The result cache names the files a run read relative to the tree: a
# hard-link copy of a checked tree (what the gate and scratch copies are)
# reuses its entry ("from_cache":1 in the JSON summary), and an edit in the
# copy is still seen, there only.
set -eu
. "$ROOT/tests/lib.sh"

scratch_tree "$TREES/soft-dirty-6.12-unconverted"
own_results

# from_cache KDIR: the check's findings in $T/out, what the cache gave.
from_cache() {
	expect_exit 1 "$PTECHECK" check --format json "$1" || exit 1
	sed -n 's/.*"from_cache":\([0-9]*\).*/\1/p' "$T/out"
}

expect_exit 1 "$PTECHECK" check "$T/kdir" || exit 1
expect_sites "$UNCONVERTED_SITES" "$T/out" || exit 1
cp "$T/out" "$T/first"
[ "$(from_cache "$T/kdir")" = 1 ] || { echo "FAIL: a re-run is not from the cache"; exit 1; }

cp -al "$T/kdir" "$T/copy"
[ "$(from_cache "$T/copy")" = 1 ] ||
	{ echo "FAIL: the copy did not reuse the tree's entry"; exit 1; }
expect_exit 1 "$PTECHECK" check "$T/copy" || exit 1
cmp "$T/first" "$T/out" || { echo "FAIL: the copy's findings differ"; exit 1; }

# An edit in the copy: seen there, not from the cache.
own_copy "$T/copy/arch/arm64/mm/contpte.c"
sed -i '65s/pte_mkdirty(/__pte_mkdirty(/' "$T/copy/arch/arm64/mm/contpte.c"
[ "$(from_cache "$T/copy")" = 0 ] || { echo "FAIL: the edited copy came from the cache"; exit 1; }
expect_exit 1 "$PTECHECK" check "$T/copy" || exit 1
expect_sites "$(printf '%s\n' "$UNCONVERTED_SITES" | grep -v '^arch/arm64/mm/contpte.c:65: ')" "$T/out" || exit 1
# And the tree itself still has its own findings.
expect_exit 1 "$PTECHECK" check "$T/kdir" || exit 1
cmp "$T/first" "$T/out" || { echo "FAIL: the tree's findings changed"; exit 1; }

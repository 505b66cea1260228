#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Features are what the generic helpers do, not the arch data's names:
# rename every arch macro of the soft-dirty port (PTE_SOFT_DIRTY ->
# PTE_SWDIRTY, PTE_SWP_SOFT_DIRTY -> PTE_SWP_SWDIRTY) in a copy of the
# unconverted port, and every finding stays, at the same line, with the
# same rule and message but for the names.
. "$ROOT/tests/lib.sh"

tree=$TREES/soft-dirty-6.12-unconverted
require_tree "$tree"
run_cmd "$PTECHECK" check "$tree"
[ "$rc" = 1 ] || { echo "FAIL: the unconverted port: want exit 1"; show_run; exit 1; }
grep ': \(error\|note\):' "$T/out" | LC_ALL=C sort >"$T/before"
[ "$(wc -l <"$T/before")" -ge 9 ] || { echo "FAIL: want the 8 sites and the note"; show_run; exit 1; }
grep -q PTE_SOFT_DIRTY "$T/before" || { echo "FAIL: no finding names PTE_SOFT_DIRTY"; exit 1; }

scratch_tree "$tree"
cd "$T/kdir"
files=$(grep -rlw -e PTE_SOFT_DIRTY -e PTE_SWP_SOFT_DIRTY arch/arm64)
[ -n "$files" ] || { echo "FAIL: nothing to rename"; exit 1; }
for f in $files; do
	own_copy "$f"
	sed -i -e 's/\bPTE_SOFT_DIRTY\b/PTE_SWDIRTY/g' \
		-e 's/\bPTE_SWP_SOFT_DIRTY\b/PTE_SWP_SWDIRTY/g' "$f"
done
if grep -rnw -e PTE_SOFT_DIRTY -e PTE_SWP_SOFT_DIRTY arch/arm64; then
	echo "FAIL: a name is left"
	exit 1
fi
cd "$T"
run_cmd "$PTECHECK" check "$T/kdir"
[ "$rc" = 1 ] || { echo "FAIL: the renamed port: want exit 1"; show_run; exit 1; }
grep ': \(error\|note\):' "$T/out" | LC_ALL=C sort >"$T/after"
grep -q PTE_SWDIRTY "$T/after" || { echo "FAIL: no finding names PTE_SWDIRTY"; exit 1; }
sed -e 's/\bPTE_SWDIRTY\b/PTE_SOFT_DIRTY/g' -e 's/\bPTE_SWP_SWDIRTY\b/PTE_SWP_SOFT_DIRTY/g' \
	"$T/after" | LC_ALL=C sort >"$T/after.named"
if ! diff -u "$T/before" "$T/after.named"; then
	echo "FAIL: renaming the macros changed the findings (above)"
	exit 1
fi

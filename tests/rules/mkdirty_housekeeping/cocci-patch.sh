#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# cocci/mkdirty_housekeeping.cocci, the rule's Coccinelle twin: report
# mode names the 8 sites with the rule id; patch mode's conversion, applied
# with git apply, leaves a tree that ptecheck finds clean.
set -eu
. "$ROOT/tests/lib.sh"

command -v spatch >/dev/null || skip "spatch is not installed"
scratch_tree "$TREES/soft-dirty-6.12-unconverted"
cocci=$ROOT/cocci/mkdirty_housekeeping.cocci

spatch --sp-file "$cocci" -D report --dir "$T/kdir/arch/arm64" \
	--include-headers --very-quiet >"$T/report" 2>"$T/report.err" || {
	cat "$T/report.err"
	exit 1
}
n=$(grep -c 'WARNING: \[MKDIRTY_HOUSEKEEPING\]' "$T/report" || :)
if [ "$n" != 8 ]; then
	echo "FAIL: report mode found $n sites, want 8"
	cat "$T/report"
	exit 1
fi
for site in include/asm/pgtable.h:1213 include/asm/pgtable.h:1355 \
	    mm/contpte.c:65 mm/contpte.c:173 mm/contpte.c:230 \
	    mm/hugetlbpage.c:137 mm/hugetlbpage.c:170 mm/hugetlbpage.c:443; do
	grep -q "arch/arm64/$site:" "$T/report" || {
		echo "FAIL: report mode misses arch/arm64/$site"
		cat "$T/report"
		exit 1
	}
done

# Patch mode, run from the tree's top so that the diff applies there.
(cd "$T/kdir" && spatch --sp-file "$cocci" -D patch --dir arch/arm64 \
	--patch . --include-headers --very-quiet) >"$T/fix.diff" 2>"$T/fix.err"
files=$(grep -c '^+++ ' "$T/fix.diff" || :)
if [ "$files" != 3 ]; then
	echo "FAIL: patch mode touched $files files, want 3"
	cat "$T/fix.diff" "$T/fix.err"
	exit 1
fi
# git apply replaces the files it changes: the hard links stay intact.
(cd "$T/kdir" && git apply "$T/fix.diff")
expect_exit 0 "$PTECHECK" check "$T/kdir"
expect_sites "$LAST_FREE_NOTE" "$T/out"

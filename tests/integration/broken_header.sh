#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-long
# A half-written patch whose header breaks 'make prepare' (asm-offsets.c
# does not compile) is still checked: the housekeeping sites of the
# unconverted port are reported with one warning that the build is
# incomplete, and KDIR stays byte-identical.
# The incomplete build is reused while the tree stays as it is, and made
# again once the header is mended.
set -eu
. "$ROOT/tests/lib.sh"

scratch_tree "$TREES/soft-dirty-6.12-broken-header"
kdir=$T/kdir
# A cache of its own: in the shared one the port's build (same Kconfig,
# keyed by content) is taken, and 'make prepare' never meets the header.
export PTECHECK_CACHE=$T/cache
before=$(tree_checksum "$kdir")
incomplete="^ptecheck: build is incomplete: 'make prepare' could not make arch/arm64/kernel/asm-offsets.s (arch/arm64/include/asm/pgtable.h:1497:24: error: use of undeclared identifier 'PTE_SWP_SOFT_DIRTY_MASK')"

for run in prepared reused; do
	run_cmd "$PTECHECK" check "$kdir"
	if [ "$rc" != 1 ] || [ "$(grep -c "$incomplete" "$T/err")" != 1 ]; then
		echo "FAIL ($run): want exit 1 and one 'build is incomplete' warning"
		show_run
		exit 1
	fi
	expect_sites "$UNCONVERTED_SITES" "$T/out" || exit 1
done
[ "$(tree_checksum "$kdir")" = "$before" ] || { echo "FAIL: KDIR changed"; exit 1; }
# No half-made build and no scratch beside the one build.
ls "$T/cache/build" | grep -v '^arm64-[0-9a-f]*\(\.lock\|\.prepare\.log\|\.prepare\.log-k\)\?$' &&
	{ echo "FAIL: left in the cache (above)"; exit 1; }

# Mended: the build is made again, complete, with the same findings.
own_copy "$kdir/arch/arm64/include/asm/pgtable.h"
sed -i 's/ & PTE_SWP_SOFT_DIRTY_MASK;/ \& PTE_SWP_SOFT_DIRTY;/' "$kdir/arch/arm64/include/asm/pgtable.h"
run_cmd "$PTECHECK" check "$kdir"
if [ "$rc" != 1 ] || grep -q 'incomplete\|does not compile' "$T/err"; then
	echo "FAIL: the mended tree is still checked on the incomplete build"
	show_run
	exit 1
fi
expect_sites "$UNCONVERTED_SITES" "$T/out" || exit 1

# The gate fails the patch on the same sites, against pristine 6.12. Its
# copy takes the base's complete build (same Kconfig, keyed by content):
# that is the build "from what does build", and the headers are parsed
# from the patched copy, so the warning names the header error itself,
# relative to the tree, not the gate's scratch copy. In the shared cache,
# where the base's build is: a third 'make prepare' here would show
# nothing more.
require_tree "$PRISTINE"
export PTECHECK_CACHE=$CACHE
expect_exit 1 "$PTECHECK" gate "$PRISTINE" \
	"$ROOT/kernel/variants/soft-dirty-6.12-broken-header.patch" || exit 1
grep -q "^ptecheck: the arm64 headers do not compile (1 errors, first: arch/arm64/include/asm/pgtable.h:1497:24: error: use of undeclared identifier 'PTE_SWP_SOFT_DIRTY_MASK'); checked what parsed$" "$T/err" ||
	{ show_run; exit 1; }
grep -qw FAIL "$T/out" || { show_run; exit 1; }
sed 's/^ *//' "$T/out" >"$T/gate"
expect_sites "$UNCONVERTED_SITES" "$T/gate"

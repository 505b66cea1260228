#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-long
# Kbuild mode: make C=2 CHECK=ptecheck over arch/arm64/mm of the
# unconverted port. Kbuild passes $(CHECKFLAGS) $(c_flags) file.c, sparse
# flags included; ptecheck diagnoses on stderr as file:line:col: error:
# msg [ID], and the build goes on (like sparse, it does not fail make).
# It reports what tree mode reports: the header probe's findings (layout
# rules included) come from a cache made once per build, which an edit to
# a header the probe read invalidates.
set -eu
. "$ROOT/tests/lib.sh"

scratch_tree "$TREES/soft-dirty-6.12-unconverted"
kdir=$T/kdir
O=$T/build
configure_build "$kdir" "$O"
run_cmd make -s -C "$kdir" O="$O" ARCH=arm64 LLVM=1 -j2 C=2 \
	CHECK="$PTECHECK" arch/arm64/mm/
if [ "$rc" != 0 ]; then
	echo "FAIL: make C=2 exit $rc"
	show_run
	exit 1
fi
# Every diagnostic is on stderr, in gcc format; stdout has none of them.
if grep -q 'MKDIRTY_HOUSEKEEPING' "$T/out"; then
	echo "FAIL: diagnostics on stdout"
	exit 1
fi
# Header findings show with each file, as a compiler's would.
expect_sites "$UNCONVERTED_SITES" "$T/err"
n=$(grep -c '^arch/arm64/mm/contpte.c:65:10: error: pte_mkdirty() also sets PTE_SOFT_DIRTY.*use __pte_mkdirty() \[MKDIRTY_HOUSEKEEPING\]$' "$T/err" || :)
if [ "$n" != 1 ]; then
	echo "FAIL: contpte.c:65 reported $n times, want once"
	exit 1
fi

# make C=2 checks every file again: an unchanged file's findings come from
# its cache entry, the same; an edit to the file itself is seen.
c=$kdir/arch/arm64/mm/contpte.c
contpte_sites="$LAST_FREE_NOTE
arch/arm64/include/asm/pgtable.h:1213: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/include/asm/pgtable.h:1355: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/contpte.c:173: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/contpte.c:230: error [MKDIRTY_HOUSEKEEPING]"
run_cmd make -s -C "$kdir" O="$O" ARCH=arm64 LLVM=1 C=2 CHECK="$PTECHECK" \
	arch/arm64/mm/contpte.o
expect_sites "$contpte_sites
arch/arm64/mm/contpte.c:65: error [MKDIRTY_HOUSEKEEPING]" "$T/err" || exit 1
own_copy "$c"
cp -p "$c" "$T/contpte.c"
sed -i '65s/pte_mkdirty(/__pte_mkdirty(/' "$c"
run_cmd make -s -C "$kdir" O="$O" ARCH=arm64 LLVM=1 C=2 CHECK="$PTECHECK" \
	arch/arm64/mm/contpte.o
expect_sites "$contpte_sites" "$T/err" || exit 1
cp -p "$T/contpte.c" "$c"

# The same build, as a compilation database for -p: the same findings.
python3 "$kdir/scripts/clang-tools/gen_compile_commands.py" -d "$O" \
	-o "$O/compile_commands.json"
expect_exit 1 "$PTECHECK" check -p "$O" || exit 1
expect_sites "$UNCONVERTED_SITES" "$T/out"
cp "$T/out" "$T/p.out"
expect_exit 1 "$PTECHECK" check -p "$O" "$kdir" || exit 1
cmp "$T/out" "$T/p.out"
# Tree mode agrees with -p mode to the letter.
expect_exit 1 "$PTECHECK" check "$kdir" || exit 1
if ! cmp "$T/out" "$T/p.out"; then
	diff "$T/p.out" "$T/out"
	exit 1
fi

# A file that names nothing the rules look for is not parsed, and still
# reports the header findings; an edit to a header the probe read is seen.
run_cmd make -s -C "$kdir" O="$O" ARCH=arm64 LLVM=1 C=2 CHECK="$PTECHECK" \
	arch/arm64/mm/mmu.o
expect_sites "$LAST_FREE_NOTE
arch/arm64/include/asm/pgtable.h:1213: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/include/asm/pgtable.h:1355: error [MKDIRTY_HOUSEKEEPING]" "$T/err" || exit 1
own_copy "$kdir/arch/arm64/include/asm/pgtable.h"
sed -i '1213s/= pte_mkdirty(pte)/= __pte_mkdirty(pte)/' "$kdir/arch/arm64/include/asm/pgtable.h"
run_cmd make -s -C "$kdir" O="$O" ARCH=arm64 LLVM=1 C=2 CHECK="$PTECHECK" \
	arch/arm64/mm/mmu.o
expect_sites "$LAST_FREE_NOTE
arch/arm64/include/asm/pgtable.h:1355: error [MKDIRTY_HOUSEKEEPING]" "$T/err" || exit 1

# The core mm rules in Kbuild and -p mode: a THP split that drops uffd-wp
# (kernel/variants/core-mm-6.12-split-no-uffd-wp.patch, which the port
# leaves applicable) is reported by the build of mm/huge_memory.o, once,
# at the line tree mode reports, and the file compiles as libclang sees it.
own_copy "$kdir/mm/huge_memory.c"
(cd "$kdir" && git apply "$ROOT/kernel/variants/core-mm-6.12-split-no-uffd-wp.patch")
SPLIT_SITE="mm/huge_memory.c:2909: error [TRACKING_DROPPED]"
run_cmd make -s -C "$kdir" O="$O" ARCH=arm64 LLVM=1 C=2 \
	CHECK="$PTECHECK --enable=all" mm/huge_memory.o
core=$(findings "$T/err" | grep -E '\[(TRACKING_DROPPED|WRONG_STATE_HELPER)\]$' || :)
if [ "$rc" != 0 ] || [ "$core" != "$SPLIT_SITE" ] ||
   [ "$(grep -c 'TRACKING_DROPPED' "$T/err")" != 1 ] ||
   grep -q 'does not compile' "$T/err"; then
	echo "FAIL: make C=2 mm/huge_memory.o: want exit 0 and only $SPLIT_SITE of the core mm rules, once"
	show_run
	exit 1
fi
python3 "$kdir/scripts/clang-tools/gen_compile_commands.py" -d "$O" \
	-o "$O/compile_commands.json"
expect_exit 1 "$PTECHECK" check --enable=all -p "$O" || exit 1
# pgtable.h:1213 was mended above.
expect_sites "$(printf '%s\n' "$UNCONVERTED_SITES" | grep -v 'pgtable.h:1213:')
$SPLIT_SITE" "$T/out" || exit 1
cp "$T/out" "$T/p.out"
expect_exit 1 "$PTECHECK" check --enable=all "$kdir" || exit 1
if ! cmp "$T/out" "$T/p.out"; then
	diff "$T/p.out" "$T/out"
	exit 1
fi

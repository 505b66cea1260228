#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# O= builds are keyed by content, not path: a scratch copy shares its
# tree's build, also after a header edit, and the copy's own headers are
# what is parsed (the shared build's flags are pointed at it); trees whose
# Kconfig differs get builds of their own, trees that agree share one.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$TREES/soft-dirty-6.12-unconverted"
scratch_tree "$PRISTINE"
kdir=$T/kdir

pristine=$(build_of "$PRISTINE")
[ -d "$pristine" ] || { echo "FAIL: no build named for $PRISTINE"; exit 1; }
copy=$(build_of "$kdir")
[ "$copy" = "$pristine" ] || { echo "FAIL: the copy got $copy, not $pristine"; exit 1; }

# A header edit: same build, and the edit is seen. uffd-wp moved onto
# PTE_DIRTY's bit 55 overlaps it.
own_copy "$kdir/arch/arm64/include/asm/pgtable-prot.h"
sed -i '30s/<< 58)/<< 55)/' "$kdir/arch/arm64/include/asm/pgtable-prot.h"
grep -q 'PTE_UFFD_WP.*<< 55)' "$kdir/arch/arm64/include/asm/pgtable-prot.h" ||
	{ echo "FAIL: line 30 is not PTE_UFFD_WP any more"; exit 1; }
expect_exit 1 "$PTECHECK" check --enable=SWBIT_OVERLAP "$kdir" || exit 1
findings "$T/out" | grep -qx 'arch/arm64/include/asm/pgtable-prot.h:30: error \[SWBIT_OVERLAP\]' ||
	{ echo "FAIL: the copy's header edit is not what was parsed"; show_run; exit 1; }
copy=$(build_of "$kdir")
[ "$copy" = "$pristine" ] || { echo "FAIL: a header edit made a new build $copy"; exit 1; }
# The pristine tree, on the same build, still parses its own header.
expect_exit 0 "$PTECHECK" check --enable=SWBIT_OVERLAP "$PRISTINE" || exit 1

# The soft-dirty port selects HAVE_ARCH_SOFT_DIRTY: a build of its own,
# shared by its variants that leave Kconfig as the port has it.
port=$(build_of "$TREES/soft-dirty-6.12")
variant=$(build_of "$TREES/soft-dirty-6.12-unconverted")
[ -d "$port" ] && [ "$port" != "$pristine" ] ||
	{ echo "FAIL: the port's build '$port' is the pristine one"; exit 1; }
[ "$variant" = "$port" ] || { echo "FAIL: the variant got $variant, not $port"; exit 1; }

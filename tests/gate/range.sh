#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# BASE..TIP of a git KDIR: the gate makes the patches with git
# format-patch. The KDIR is a scratch copy whose git tracks only the files
# the soft-dirty series touches (enough for git am and format-patch).
set -eu
. "$ROOT/tests/lib.sh"

scratch_tree "$PRISTINE"
k=$T/kdir
files="arch/arm64/Kconfig arch/arm64/include/asm/pgtable-prot.h
arch/arm64/include/asm/pgtable.h arch/arm64/mm/fault.c
arch/arm64/mm/contpte.c arch/arm64/mm/hugetlbpage.c"
g() { git -C "$k" -c user.name=t -c user.email=t@example.org "$@"; }
g init -q
# shellcheck disable=SC2086 # one word a path
g add -f $files
g commit -qm base
g tag base
g am -q "$ROOT"/kernel/series/soft-dirty-6.12/000[12]-*.patch
expect_exit 0 "$PTECHECK" gate "$k" base..HEAD || exit 1
grep -q '^\[1/2\] 0001-arm64-mm-Add-__pte_mkdirty' "$T/out" || { cat "$T/out"; exit 1; }
grep -qx '    valid: bit 63: - -> PTE_SOFT_DIRTY (sw)' "$T/out" || { cat "$T/out"; exit 1; }
grep -q '^gate: 2 patches, 0 introduce errors' "$T/out"

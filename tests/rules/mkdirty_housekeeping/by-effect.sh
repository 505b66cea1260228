#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Dirtiness tests are bit effects, not names: with no dirty-test list in
# the arch data, the conditions of the eight housekeeping sites still test
# dirtiness (pte_dirty() reads PTE_DIRTY, pte_hw_dirty() PTE_WRITE and
# PTE_RDONLY, through header macros), and all eight are found, once each.
. "$ROOT/tests/lib.sh"

tree=$TREES/soft-dirty-6.12-unconverted
require_tree "$tree"
grep -v '^dirty-test' "$ROOT/checker/arch/arm64.def" >"$T/arm64.def"
grep -q '^dirty-test' "$ROOT/checker/arch/arm64.def" ||
	{ echo "FAIL: arm64.def has no dirty-test line to drop"; exit 1; }
run_cmd "$PTECHECK" check --arch-data "$T/arm64.def" --enable=MKDIRTY_HOUSEKEEPING "$tree"
[ "$rc" = 1 ] || { echo "FAIL: want exit 1"; show_run; exit 1; }
expect_sites "$MKDIRTY_SITES" "$T/out" || { show_run; exit 1; }

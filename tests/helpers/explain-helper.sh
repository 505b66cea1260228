#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# explain-helper on arm64: function and macro helpers, followed through
# nested calls and macros; an unknown helper is an input error.
set -eu
. "$ROOT/tests/lib.sh"

kdir=$TREES/soft-dirty-6.12
require_tree "$kdir"
expect_exit 0 "$PTECHECK" explain-helper pte_mkdirty "$kdir" || exit 1
grep -qx 'sets:   55 (PTE_DIRTY) 63 (PTE_SOFT_DIRTY)' "$T/out" || { cat "$T/out"; exit 1; }
expect_exit 0 "$PTECHECK" explain-helper pmd_mkuffd_wp "$kdir" || exit 1
grep -q '^pmd_mkuffd_wp: macro at arch/arm64/include/asm/pgtable.h:' "$T/out" || { cat "$T/out"; exit 1; }
grep -qx 'clears: 51 (PTE_DBM/PTE_WRITE)' "$T/out" || { cat "$T/out"; exit 1; }
expect_exit 0 "$PTECHECK" explain-helper pmd_swp_soft_dirty --format json "$kdir" || exit 1
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["kind"]=="macro" and d["tests"]==[4], d' "$T/out"
expect_one_line_error "$PTECHECK" explain-helper pte_no_such_helper "$kdir" &&
	expect_err_mentions pte_no_such_helper

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-long
# powerpc (book3s64, ppc64le, LLVM=1) on both pristine trees, each with its
# matrix (4K and 64K pages, and 64K big-endian), one mutant per rule that
# applies:
#  - 6.12 and 6.1 give no error in any configuration, only the note that
#    _PAGE_INVALID (_RPAGE_SW0) takes the last of the software bits
#    _RPAGE_SW0-3. Soft-dirty's swap twin is the same bit
#    (_PAGE_SWP_SOFT_DIRTY is _PAGE_SOFT_DIRTY, book3s64's own design):
#    not an overlap. The helpers write their masks on the big-endian raw
#    entry (cpu_to_be64(X)): read as X's bits, not byte-swapped ones, on
#    little-endian 4k and 64k as on be-64k, where there is no swap.
#  - The 6.12 layout facts, from JSON, per page size: soft-dirty on bit 9
#    in the present and the swap entry, swap type 0-4, offset from
#    PAGE_SHIFT to 52 (PTE_RPN_MASK), _PAGE_PTE marks a swap entry,
#    _PAGE_PRESENT and _PAGE_INVALID are zero in it, no free software bit.
#  - powerpc-mutants/NAME.patch on 6.12, each alone: exactly the findings
#    its "# expect:" lines name, and exit 1. Headers only: the mutants
#    share the pristine tree's O= build.
set -eu
. "$ROOT/tests/lib.sh"

OLD=$CACHE/linux-source-6.1
require_tree "$PRISTINE"
require_tree "$OLD"

for tree in "$PRISTINE" "$OLD"; do
	expect_exit 0 "$PTECHECK" check --arch powerpc --matrix "$tree" || exit 1
	grep -v 'note: .*\[SWBIT_LAST_FREE\]$' "$T/out" | grep . && { echo "FAIL: findings on pristine powerpc $tree"; exit 1; }
	line=$(grep -n '^#define _PAGE_INVALID' "$tree/arch/powerpc/include/asm/book3s/64/pgtable.h" | cut -d: -f1)
	grep -q "^arch/powerpc/include/asm/book3s/64/pgtable.h:$line:1: note: _PAGE_INVALID takes the last free software bit of the valid state .*(in 4k; 64k; be-64k) \[SWBIT_LAST_FREE\]$" "$T/out" ||
		{ show_run; exit 1; }
	grep -q ' 0 errors, 0 warnings, 1 notes .*matrix of 3$' "$T/err" || { show_run; exit 1; }
done

expect_exit 0 "$PTECHECK" layout --arch powerpc --matrix --format json "$PRISTINE" || exit 1
! grep -q '\[SWBIT_OVERLAP\]\|\[SWAP_LAYOUT\]' "$T/err" || { show_run; exit 1; }
python3 - "$T/out" <<'PY'
import json, sys
docs = json.load(open(sys.argv[1]))
assert [d["arch"] for d in docs] == ["powerpc"] * 3, docs
by = {d["config"].split()[2]: d for d in docs}
assert set(by) == {"4k", "64k", "be-64k"}, [d["config"] for d in docs]
# The byte order moves no macro's bit (the helpers' bits agree too: the
# silent SWAP_MIRROR above, which reads them, in both orders).
assert by["be-64k"]["states"] == by["64k"]["states"]
for name, doc in by.items():
    shift = 12 if name == "4k" else 16
    assert "MEM_SOFT_DIRTY=y" in doc["config"], doc["config"]
    st = {s["name"]: s for s in doc["states"]}
    def owners(state, bit):
        return {(o["name"], o["role"]) for o in st[state]["bits"][bit]["owners"]}
    def bits_of(state, macro):
        return [b["bit"] for b in st[state]["bits"]
                if any(o["name"] == macro for o in b["owners"])]
    for s in ("valid", "present-invalid", "pmd-valid"):
        assert owners(s, 9) == {("_PAGE_SOFT_DIRTY", "sw")}, (name, s, owners(s, 9))
    for s in ("swap", "pmd-swap"):
        assert owners(s, 9) == {("_PAGE_SWP_SOFT_DIRTY", "flag")}, (name, s)
        assert bits_of(s, "swap-type") == list(range(0, 5)), (name, s)
        assert bits_of(s, "swap-offset") == list(range(shift, 53)), (name, s)
        assert owners(s, 5) == {("_PAGE_SWP_EXCLUSIVE", "flag")}
        assert owners(s, 62) == {("_PAGE_PTE", "marker")}
        assert owners(s, 63) == {("_PAGE_PRESENT", "zero")}
        assert owners(s, 61) == {("_PAGE_INVALID", "zero")}
    assert owners("present-invalid", 61) == {("_PAGE_INVALID", "marker")}
    assert owners("present-invalid", 63) == {("_PAGE_PRESENT", "zero")}
    assert bits_of("valid", "PTE_RPN_MASK") == list(range(shift, 53)), name
    assert bits_of("valid", "_PAGE_SPECIAL") == [10]
    assert bits_of("valid", "_PAGE_DEVMAP") == [11]
    assert st["valid"]["sw_mask"] == [9, 10, 11, 61], st["valid"]["sw_mask"]
    assert st["valid"]["free_sw"] == [], st["valid"]["free_sw"]
    assert doc["dynamic"] == [], doc["dynamic"]
    # Hash's own bits move with the page size: 4K keeps the HPTE slot
    # above the address (53-56), 64K a combo bit below it (12).
    hpte = [6, 53, 54, 55, 56, 60] if name == "4k" else [6, 12, 55]
    assert bits_of("valid", "_PAGE_HPTEFLAGS") == hpte, (name, bits_of("valid", "_PAGE_HPTEFLAGS"))
    assert bits_of("swap", "_PAGE_HPTEFLAGS") == hpte, name
PY

scratch_tree "$PRISTINE"
own_copy "$T/kdir/arch/powerpc/include/asm/book3s/64/pgtable.h"
check_mutants powerpc "$ROOT/tests/arch/powerpc-mutants" || exit 1

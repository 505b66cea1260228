#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# riscv on the pristine Debian 6.12 tree, its whole matrix in one case (the
# builds are shared by check and layout): no error in rv64 or rv32, only
# the note that the RSW bits 8-9 are both taken (_PAGE_SPECIAL,
# _PAGE_DEVMAP); and the layout facts, from JSON: no soft-dirty or uffd-wp
# bit, _PAGE_SWP_EXCLUSIVE is _PAGE_ACCESSED (bit 6), swap type 7-11 and
# an offset that runs to XLEN-1 (63 on rv64, 31 on rv32).
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
expect_exit 0 "$PTECHECK" check --arch riscv --matrix "$PRISTINE" || exit 1
grep -v 'note: .*\[SWBIT_LAST_FREE\]$' "$T/out" | grep . && { echo "FAIL: findings on pristine riscv"; exit 1; }
grep -q '^arch/riscv/include/asm/pgtable-bits.h:22:1: note: _PAGE_DEVMAP takes the last free software bit of the valid state .*(in rv64-sv57; rv32-sv32) \[SWBIT_LAST_FREE\]$' "$T/out" ||
	{ show_run; exit 1; }
grep -q ' 0 errors, 0 warnings' "$T/err" || { show_run; exit 1; }

expect_exit 0 "$PTECHECK" layout --arch riscv --matrix --format json "$PRISTINE" || exit 1
python3 - "$T/out" <<'PY'
import json, sys
docs = json.load(open(sys.argv[1]))
assert [d["arch"] for d in docs] == ["riscv", "riscv"], docs
by = {("rv32" if "rv32-sv32" in d["config"] else "rv64"): d for d in docs}
assert set(by) == {"rv64", "rv32"}, [d["config"] for d in docs]
for name, doc in by.items():
    top = 63 if name == "rv64" else 31
    st = {s["name"]: s for s in doc["states"]}
    def bits_of(state, macro):
        return [b["bit"] for b in st[state]["bits"]
                if any(o["name"] == macro for o in b["owners"])]
    def owners(state, bit):
        return {(o["name"], o["role"]) for o in st[state]["bits"][bit]["owners"]}
    assert "USERFAULTFD=y" in doc["config"], doc["config"]
    for macro in ("_PAGE_SOFT_DIRTY", "_PAGE_UFFD_WP"):
        assert bits_of("valid", macro) == [], (name, macro)
    for macro in ("_PAGE_SWP_SOFT_DIRTY", "_PAGE_SWP_UFFD_WP"):
        assert bits_of("swap", macro) == [], (name, macro)
    assert owners("swap", 6) == {("_PAGE_SWP_EXCLUSIVE", "flag")}, owners("swap", 6)
    assert owners("valid", 6) == {("_PAGE_ACCESSED", "hw")}
    assert bits_of("swap", "swap-type") == list(range(7, 12))
    assert bits_of("swap", "swap-offset") == list(range(12, top + 1)), (name, bits_of("swap", "swap-offset"))
    assert bits_of("pmd-swap", "swap-offset") == list(range(12, top + 1))
    assert owners("swap", 0) == {("_PAGE_PRESENT", "zero")}
    assert owners("swap", 5) == {("_PAGE_PROT_NONE", "zero")}
    assert bits_of("pmd-swap", "_PAGE_LEAF") == [1, 2, 3]
    assert owners("present-invalid", 5) == {("_PAGE_PROT_NONE", "marker")}
    assert bits_of("valid", "_PAGE_PFN_MASK") == list(range(10, 54 if top == 63 else 32))
    assert st["valid"]["sw_mask"] == [8, 9], st["valid"]["sw_mask"]
    assert st["valid"]["free_sw"] == [], st["valid"]["free_sw"]
    assert bits_of("valid", "_PAGE_SPECIAL") == [8]
    assert bits_of("valid", "_PAGE_DEVMAP") == [9]
    if name == "rv64":
        assert bits_of("valid", "_PAGE_NAPOT") == [63]
        assert bits_of("valid", "_PAGE_MTMASK_SVPBMT") == [61, 62]
        # Svpbmt or T-Head's memory types: chosen at boot, not constant.
        assert "_PAGE_MTMASK" in doc["dynamic"], doc["dynamic"]
PY

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# riscv on the pristine Debian 6.1 tree, its whole matrix in one case: the
# note that the one RSW bit (8) is taken by _PAGE_SPECIAL, and one real
# error of the tree, once per XLEN (the line claims bits to 63 or to 31):
# its swap layout comment says "bits 6 to 10: swap type" and "bits 10 to
# XLEN-1: swap offset", but __SWP_OFFSET_SHIFT is 6+5 = 11 (6.12 rewrote
# the comment right); then the layout facts, from JSON: one
# software bit, no _PAGE_DEVMAP and no swap exclusive marker yet (both came
# in 6.2/6.3), swap type 6-10, offset 11 to XLEN-1.
set -eu
. "$ROOT/tests/lib.sh"

OLD=$CACHE/linux-source-6.1
require_tree "$OLD"
expect_exit 1 "$PTECHECK" check --arch riscv --matrix "$OLD" || exit 1
[ "$(grep -c . "$T/out")" = 3 ] || { echo "FAIL: not three findings"; show_run; exit 1; }
grep -q '^arch/riscv/include/asm/pgtable-bits.h:[0-9]*:1: note: _PAGE_SPECIAL takes the last free software bit of the valid state .*(in rv64-sv57; rv32-sv32) \[SWBIT_LAST_FREE\]$' "$T/out" ||
	{ show_run; exit 1; }
# The line's claim differs by XLEN: one finding each, naming its own.
grep -q "^arch/riscv/include/asm/pgtable.h:736:1: error: the swap layout comment gives bits 10-63 to 'swap offset'; the macros do not (in rv64-sv57) \[SWAP_LAYOUT\]$" "$T/out" ||
	{ show_run; exit 1; }
grep -q "^arch/riscv/include/asm/pgtable.h:736:1: error: the swap layout comment gives bits 10-31 to 'swap offset'; the macros do not (in rv32-sv32) \[SWAP_LAYOUT\]$" "$T/out" ||
	{ show_run; exit 1; }
grep -q ' 2 errors, 0 warnings' "$T/err" || { show_run; exit 1; }

expect_exit 0 "$PTECHECK" layout --arch riscv --matrix --format json "$OLD" || exit 1
python3 - "$T/out" <<'PY'
import json, sys
docs = json.load(open(sys.argv[1]))
by = {("rv32" if "rv32-sv32" in d["config"] else "rv64"): d for d in docs}
assert set(by) == {"rv64", "rv32"}, [d["config"] for d in docs]
for name, doc in by.items():
    top = 63 if name == "rv64" else 31
    st = {s["name"]: s for s in doc["states"]}
    def bits_of(state, macro):
        return [b["bit"] for b in st[state]["bits"]
                if any(o["name"] == macro for o in b["owners"])]
    assert st["valid"]["sw_mask"] == [8], st["valid"]["sw_mask"]
    assert st["valid"]["free_sw"] == []
    assert bits_of("valid", "_PAGE_SPECIAL") == [8]
    assert bits_of("valid", "_PAGE_DEVMAP") == []
    assert bits_of("swap", "_PAGE_SWP_EXCLUSIVE") == []
    assert bits_of("swap", "swap-type") == list(range(6, 11))
    assert bits_of("swap", "swap-offset") == list(range(11, top + 1)), (name, bits_of("swap", "swap-offset"))
    assert bits_of("swap", "_PAGE_PROT_NONE") == [5]
PY

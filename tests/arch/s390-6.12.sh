#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# s390 through Debian's cross gcc (toolchain CROSS_COMPILE=s390x-linux-gnu-,
# its c_flags translated for libclang), from the pending arch data: the
# pristine 6.12 layout facts, from JSON. Soft-dirty sits on bit 1 in both
# the present and the swap entry (s390's own design: not an overlap);
# swap type 2-6, offset 12-63, _PAGE_PROTECT and _PAGE_INVALID mark a swap
# entry, _PAGE_SWP_EXCLUSIVE is _PAGE_LARGE (11).
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
command -v s390x-linux-gnu-gcc >/dev/null || skip "no s390x-linux-gnu-gcc (make deps)"
expect_exit 0 "$PTECHECK" layout --arch-data "$ROOT/checker/arch/pending/s390.def" --format json "$PRISTINE" || exit 1
! grep -q '\[SWBIT_OVERLAP\]\|\[SWAP_LAYOUT\]' "$T/err" || { show_run; exit 1; }
python3 - "$T/out" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["arch"] == "s390" and "MEM_SOFT_DIRTY=y" in doc["config"], doc["config"]
st = {s["name"]: s for s in doc["states"]}
def owners(state, bit):
    return {(o["name"], o["role"]) for o in st[state]["bits"][bit]["owners"]}
def bits_of(state, name):
    return [b["bit"] for b in st[state]["bits"]
            if any(o["name"] == name for o in b["owners"])]
assert owners("valid", 1) == {("_PAGE_SOFT_DIRTY", "sw")}
assert owners("swap", 1) == {("_PAGE_SOFT_DIRTY", "flag")}
assert bits_of("swap", "swap-type") == list(range(2, 7))
assert bits_of("swap", "swap-offset") == list(range(12, 64))
assert owners("swap", 0) == {("_PAGE_PRESENT", "zero")}
assert owners("swap", 9) == {("_PAGE_PROTECT", "marker")}
assert owners("swap", 10) == {("_PAGE_INVALID", "marker")}
assert owners("swap", 11) == {("_PAGE_SWP_EXCLUSIVE", "flag")}
assert st["valid"]["sw_mask"] == list(range(8)), st["valid"]["sw_mask"]
assert bits_of("valid", "PAGE_MASK") == list(range(12, 64))
PY

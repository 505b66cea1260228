#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# s390 through Debian's cross gcc (toolchain CROSS_COMPILE=s390x-linux-gnu-,
# its c_flags translated for libclang), on both pristine trees and one
# mutant:
#  - 6.12 and 6.1 give no error. 6.12's note: _PAGE_UNUSED takes the last
#    of the software bits 0-7 (_PAGE_SW_BITS; 6.1 has no such macro, so no
#    note). s390's mk_pte() marks the pte dirty when PageDirty(page):
#    that tests the page, not an entry, so it is no housekeeping site.
#    A segment (pmd) entry keeps soft-dirty on _SEGMENT_ENTRY_SOFT_DIRTY
#    ('tracking-pmd' in the data), not on the pte's bit.
#  - The 6.12 layout facts, from JSON. Soft-dirty sits on bit 1 in both
#    the present and the swap entry (s390's own design: not an overlap);
#    swap type 2-6, offset 12-63, _PAGE_PROTECT and _PAGE_INVALID mark a
#    swap entry, _PAGE_SWP_EXCLUSIVE is _PAGE_LARGE (11).
#  - pmd_mksoft_dirty() made to set the pte's bit: SWAP_MIRROR, once, at
#    the helper.
set -eu
. "$ROOT/tests/lib.sh"

OLD=$CACHE/linux-source-6.1
require_tree "$PRISTINE"
require_tree "$OLD"
command -v s390x-linux-gnu-gcc >/dev/null || skip "no s390x-linux-gnu-gcc (make deps)"
expect_exit 0 "$PTECHECK" check --arch s390 "$OLD" || exit 1
[ ! -s "$T/out" ] || { echo "FAIL: findings on pristine s390 6.1"; show_run; exit 1; }
expect_exit 0 "$PTECHECK" check --arch s390 "$PRISTINE" || exit 1
expect_sites "arch/s390/include/asm/pgtable.h:192: note [SWBIT_LAST_FREE]" "$T/out" || exit 1

expect_exit 0 "$PTECHECK" layout --arch s390 --format json "$PRISTINE" || exit 1
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

scratch_tree "$PRISTINE"
h=$T/kdir/arch/s390/include/asm/pgtable.h
own_copy "$h"
line=$(grep -n '^static inline pmd_t pmd_mksoft_dirty' "$h" | cut -d: -f1)
sed -i "$((line + 2))s/_SEGMENT_ENTRY_SOFT_DIRTY/_PAGE_SOFT_DIRTY/" "$h"
grep -q "set_pmd_bit(pmd, __pgprot(_PAGE_SOFT_DIRTY))" "$h" || { echo "FAIL: the mutant did not apply"; exit 1; }
expect_exit 1 "$PTECHECK" check --arch s390 --enable=SWAP_MIRROR "$T/kdir" || exit 1
expect_sites "arch/s390/include/asm/pgtable.h:$line: error [SWAP_MIRROR]" "$T/out" || exit 1
grep -q 'pmd_mksoft_dirty() .*_SEGMENT_ENTRY_SOFT_DIRTY' "$T/out" || { show_run; exit 1; }

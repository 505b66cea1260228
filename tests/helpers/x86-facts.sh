#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The 6.12 x86 facts, from JSON: pte_mkdirty() sets x86's soft-dirty bit
# (read from its body), and the swap twins are where x86 defines them
# (_PAGE_SWP_SOFT_DIRTY is _PAGE_RW, _PAGE_SWP_UFFD_WP is _PAGE_USER).
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
expect_exit 0 "$PTECHECK" layout --arch x86 --format json "$PRISTINE" || exit 1
cp "$T/out" "$T/layout.json"
expect_exit 0 "$PTECHECK" explain-helper pte_mkdirty --arch x86 --format json "$PRISTINE" || exit 1
cp "$T/out" "$T/mkdirty.json"
expect_exit 0 "$PTECHECK" explain-helper pte_swp_clear_soft_dirty --arch x86 --format json "$PRISTINE" || exit 1
python3 - "$T/layout.json" "$T/mkdirty.json" "$T/out" <<'PY'
import json, sys
layout = json.load(open(sys.argv[1]))
st = {s["name"]: s for s in layout["states"]}
def bits_of(state, name):
    return [b["bit"] for b in st[state]["bits"]
            if any(o["name"] == name for o in b["owners"])]
sd = bits_of("valid", "_PAGE_SOFT_DIRTY")
assert sd == [11], sd
assert bits_of("swap", "_PAGE_SWP_SOFT_DIRTY") == [1]
assert bits_of("swap", "_PAGE_SWP_UFFD_WP") == [2]
assert bits_of("valid", "_PAGE_UFFD_WP") == [10]
mk = json.load(open(sys.argv[2]))
assert mk["kind"] == "function" and mk["file"] == "arch/x86/include/asm/pgtable.h", mk
assert set(sd) <= set(mk["sets"]) and 6 in mk["sets"], mk
clear = json.load(open(sys.argv[3]))
assert clear["clears"] == [1] and clear["sets"] == [], clear
PY

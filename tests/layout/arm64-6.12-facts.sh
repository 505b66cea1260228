#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# ptecheck layout --format json states the facts of the pristine Debian
# 6.12 arm64 tree (defconfig + USERFAULTFD): uffd-wp is bit 58 and swap
# bit 3; swap type 6-10, present-invalid 11, offset 12-61; bit 63 is the
# valid state's free software bit. Text and SVG render the same layout.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
expect_exit 0 "$PTECHECK" layout --format json "$PRISTINE" || exit 1
python3 - "$T/out" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == 1 and doc["arch"] == "arm64", doc.keys()
assert "USERFAULTFD=y" in doc["config"], doc["config"]
st = {s["name"]: s for s in doc["states"]}
assert set(st) >= {"valid", "present-invalid", "swap", "pmd-valid",
                   "pmd-present-invalid", "pmd-swap"}, set(st)

def owners(state, bit):
    return {(o["name"], o["role"]) for o in st[state]["bits"][bit]["owners"]}

def bits_of(state, name):
    return [b["bit"] for b in st[state]["bits"]
            if any(o["name"] == name for o in b["owners"])]

assert all(len(s["bits"]) == 64 for s in doc["states"])
assert owners("valid", 58) == {("PTE_UFFD_WP", "sw")}, owners("valid", 58)
assert owners("swap", 3) == {("PTE_SWP_UFFD_WP", "flag")}, owners("swap", 3)
assert bits_of("swap", "swap-type") == list(range(6, 11))
assert owners("swap", 11) == {("PTE_PRESENT_INVALID", "zero")}
assert bits_of("swap", "swap-offset") == list(range(12, 62))
assert st["valid"]["sw_mask"] == [55, 56, 57, 58, 63], st["valid"]["sw_mask"]
assert st["valid"]["free_sw"] == [63], st["valid"]["free_sw"]
assert owners("present-invalid", 11) == {("PTE_PRESENT_INVALID", "marker")}
assert bits_of("valid", "PTE_SOFT_DIRTY") == []
# Chosen at boot, so not constant: said, never guessed.
assert "PTE_MAYBE_NG" in doc["dynamic"], doc["dynamic"]
assert bits_of("valid", "PTE_MAYBE_NG") == []
PY

expect_exit 0 "$PTECHECK" layout "$PRISTINE" || exit 1
grep -q '^  free software bits: 63$' "$T/out" || { cat "$T/out"; exit 1; }
grep -Eq '^  12-61 +swap-offset \(field\)$' "$T/out" || { cat "$T/out"; exit 1; }
expect_exit 0 "$PTECHECK" layout --format svg "$PRISTINE" || exit 1
python3 -c 'import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); assert d.documentElement.tagName == "svg"' "$T/out"
grep -q 'PTE_UFFD_WP' "$T/out"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# layout --diff: the soft-dirty series against pristine 6.12 takes bit 63
# (the last free software bit) and swap bit 4, and nothing else.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$TREES/soft-dirty-6.12"
expect_exit 0 "$PTECHECK" layout --diff "$PRISTINE" "$TREES/soft-dirty-6.12" || exit 1
grep -qx 'valid: bit 63: - -> PTE_SOFT_DIRTY (sw)' "$T/out" || { cat "$T/out"; exit 1; }
grep -qx 'valid: free software bits: 63 -> none (the last taken)' "$T/out" || { cat "$T/out"; exit 1; }
grep -qx 'swap: bit 4: - -> PTE_SWP_SOFT_DIRTY (flag)' "$T/out" || { cat "$T/out"; exit 1; }

expect_exit 0 "$PTECHECK" layout --diff "$PRISTINE" --format json "$TREES/soft-dirty-6.12" || exit 1
python3 - "$T/out" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
st = {s["name"]: s for s in doc["states"]}
assert [c["bit"] for c in st["valid"]["changed"]] == [63], st["valid"]
assert st["valid"]["changed"][0]["before"] == []
assert st["valid"]["changed"][0]["after"] == [{"name": "PTE_SOFT_DIRTY", "role": "sw"}]
assert st["valid"]["free_sw_before"] == [63] and st["valid"]["free_sw_after"] == []
assert [c["bit"] for c in st["swap"]["changed"]] == [4], st["swap"]
PY

# A tree against itself: nothing changes.
expect_exit 0 "$PTECHECK" layout --diff "$PRISTINE" "$PRISTINE" || exit 1
grep -qx 'no bit changes owner' "$T/out"

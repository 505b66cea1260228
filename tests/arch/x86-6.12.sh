#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# x86 on the pristine Debian 6.12 tree, 4- and 5-level paging in one case
# (check and layout share the builds): no finding; and the swap fields
# from JSON: the type in the top five bits (59-63), the offset (stored
# inverted) from bit 9, above _PAGE_PROTNONE, up to 58; the swap flags on
# 1-3. No bit moves between 4 and 5 levels.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
expect_exit 0 "$PTECHECK" check --arch x86 --matrix "$PRISTINE" || exit 1
[ ! -s "$T/out" ] || { show_run; exit 1; }
grep -q '0 errors, 0 warnings, 0 notes.*matrix of 2' "$T/err" || { show_run; exit 1; }

expect_exit 0 "$PTECHECK" layout --arch x86 --matrix --format json "$PRISTINE" || exit 1
python3 - "$T/out" <<'PY'
import json, sys
docs = json.load(open(sys.argv[1]))
assert len(docs) == 2, [d["config"] for d in docs]
assert any("4-level" in d["config"] for d in docs) and any("5-level" in d["config"] for d in docs)
layouts = []
for doc in docs:
    st = {s["name"]: s for s in doc["states"]}
    def bits_of(state, name):
        return [b["bit"] for b in st[state]["bits"]
                if any(o["name"] == name for o in b["owners"])]
    assert bits_of("swap", "swap-type") == list(range(59, 64)), bits_of("swap", "swap-type")
    assert bits_of("swap", "swap-offset") == list(range(9, 59)), bits_of("swap", "swap-offset")
    assert bits_of("swap", "_PAGE_PROTNONE") == [8]
    assert bits_of("swap", "_PAGE_PRESENT") == [0]
    assert bits_of("swap", "_PAGE_SWP_SOFT_DIRTY") == [1]
    assert bits_of("swap", "_PAGE_SWP_UFFD_WP") == [2]
    assert bits_of("swap", "_PAGE_SWP_EXCLUSIVE") == [3]
    layouts.append(doc["states"])
assert layouts[0] == layouts[1]
PY

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Before the thread's patch 1, PTE_PROT_NONE sat on software bit 58 (only
# when !PTE_VALID): the 6.1 layout shows it there, as the present-invalid
# marker, and bit 58 is no free software bit of the valid state.
set -eu
. "$ROOT/tests/lib.sh"

kdir=$CACHE/linux-source-6.1
require_tree "$kdir"
expect_exit 0 "$PTECHECK" layout --format json "$kdir" || exit 1
python3 - "$T/out" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
st = {s["name"]: s for s in doc["states"]}
own = lambda s, b: {(o["name"], o["role"]) for o in st[s]["bits"][b]["owners"]}
assert ("PTE_PROT_NONE", "marker") in own("present-invalid", 58), own("present-invalid", 58)
assert ("PTE_PROT_NONE", "zero") in own("swap", 58), own("swap", 58)
assert not any(o["name"] == "PTE_UFFD_WP" for b in st["valid"]["bits"] for o in b["owners"])
PY

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# --format json: the contract's shape, paths relative to KDIR, and the
# configuration every finding was made under.
set -eu
. "$ROOT/tests/lib.sh"

kdir=$TREES/soft-dirty-6.12-unconverted
require_tree "$kdir"
expect_exit 1 "$PTECHECK" check --format json "$kdir" || exit 1
python3 - "$T/out" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == 1, doc
f = [x for x in doc["findings"] if x["rule"] == "MKDIRTY_HOUSEKEEPING"]
assert len(f) == 8, f
notes = [x for x in doc["findings"] if x["rule"] != "MKDIRTY_HOUSEKEEPING"]
assert [(x["rule"], x["severity"], x["file"], x["line"]) for x in notes] == [
    ("SWBIT_LAST_FREE", "note", "arch/arm64/include/asm/pgtable-prot.h", 38)], notes
for x in f:
    assert set(x) == {"rule", "severity", "file", "line", "column",
                      "message", "config"}, x
    assert x["rule"] == "MKDIRTY_HOUSEKEEPING" and x["severity"] == "error"
    assert not x["file"].startswith("/"), x
    assert "MEM_SOFT_DIRTY=y" in x["config"], x
    assert "USERFAULTFD=y" in x["config"], x
assert {(x["file"], x["line"]) for x in f} == {
    ("arch/arm64/include/asm/pgtable.h", 1213),
    ("arch/arm64/include/asm/pgtable.h", 1355),
    ("arch/arm64/mm/contpte.c", 65), ("arch/arm64/mm/contpte.c", 173),
    ("arch/arm64/mm/contpte.c", 230), ("arch/arm64/mm/hugetlbpage.c", 137),
    ("arch/arm64/mm/hugetlbpage.c", 170),
    ("arch/arm64/mm/hugetlbpage.c", 443)}, f
s = doc["summary"]
assert s["errors"] == 8 and s["warnings"] == 0 and s["notes"] == 1, s
PY
# Nothing but the document on stdout, when piped.
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/out"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# --format b4: the JSON array b4's per-patch check command reads, one
# {"tool","status","summary","details"} a finding (errors fail, the rest
# warn), and exactly [] when clean.
set -eu
. "$ROOT/tests/lib.sh"

kdir=$TREES/soft-dirty-6.12-unconverted
require_tree "$kdir"
require_tree "$PRISTINE"

expect_exit 1 "$PTECHECK" check --format b4 "$kdir" || exit 1
python3 - "$T/out" "$UNCONVERTED_SITES" <<'PY'
import json, re, sys
doc = json.load(open(sys.argv[1]))
sites = {s for s in sys.argv[2].split("\n") if s}
assert isinstance(doc, list) and len(doc) == 9, doc
got = set()
for x in doc:
    assert set(x) == {"tool", "status", "summary", "details"}, x
    assert x["tool"] == "ptecheck", x
    assert x["status"] in ("pass", "warn", "fail"), x
    m = re.match(r"([A-Z][A-Z0-9_]*): \S", x["summary"])
    assert m, x
    rule = m.group(1)
    want = "fail" if rule == "MKDIRTY_HOUSEKEEPING" else "warn"
    assert x["status"] == want, x
    d = re.fullmatch(r"([^ :]+):([0-9]+):[0-9]+", x["details"])
    assert d, x
    sev = "error" if x["status"] == "fail" else "note"
    got.add(f"{d.group(1)}:{d.group(2)}: {sev} [{rule}]")
assert [x["status"] for x in doc].count("fail") == 8, doc
assert [x["status"] for x in doc].count("warn") == 1, doc
assert any(x["summary"].startswith("SWBIT_LAST_FREE: ") for x in doc), doc
assert got == sites, (sorted(got - sites), sorted(sites - got))
assert any(x["details"].startswith("arch/arm64/mm/contpte.c:65:") and
           x["summary"].startswith("MKDIRTY_HOUSEKEEPING: pte_mkdirty()")
           for x in doc), doc
PY

# Clean: exactly [], and nothing else on stdout.
expect_exit 0 "$PTECHECK" check --format b4 "$PRISTINE" || exit 1
if [ "$(cat "$T/out")" != "[]" ]; then
	echo "FAIL: clean run: want exactly []"
	show_run
	exit 1
fi

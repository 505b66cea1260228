#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# gate --format json and sarif (b4: see below), and the gate's progress line.
# JSON, on the broken series soft-dirty-6.12-missed-site (kernel/variants/
# README): 0001 (one housekeeping site missed) introduces nothing and moves
# no bit; 0002 introduces MKDIRTY_HOUSEKEEPING at hugetlbpage.c:443 and
# the SWBIT_LAST_FREE note at pgtable-prot.h:38, takes valid bit 63 (the
# last free software bit) and swap bit 4, and fails; so does the series.
# The run is on a pseudo-terminal (script) with stdout to a file, so it
# also shows the "patch k/n" progress line, erased at the end.
# SARIF, on one patch by mail on stdin to the correct series' tree:
# pte_mkuffd_wp() without pte_wrprotect() (the uffd-wp-writable variant,
# as a diff of the two laid trees) introduces UFFD_WP_WRITABLE at
# pgtable.h:310; SARIF is valid by the OASIS schema, one run, one result
# naming the patch. b4's array is the same findings through report.c's
# writer (tests/output/b4.sh; per patch in tests/unit/test_gate_report.c):
# no third gate run, each costs a prepare.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
require_tree "$TREES/soft-dirty-6.12"
require_tree "$TREES/soft-dirty-6.12-uffd-wp-writable"
command -v script >/dev/null || skip "script (util-linux) is not installed"
python3 -c 'import jsonschema' 2>/dev/null ||
	skip "python3 jsonschema is not installed (apt-get install python3-jsonschema)"

series=$ROOT/kernel/variants/soft-dirty-6.12-missed-site
rc=0
script -qec "'$PTECHECK' gate --format json '$PRISTINE' '$series' >'$T/gate.json'" \
	/dev/null </dev/null >"$T/tty" || rc=$?
[ "$rc" = 1 ] || { echo "FAIL: json: want exit 1, got $rc"; cat "$T/tty" "$T/gate.json"; exit 1; }
python3 - "$T/gate.json" "$T/tty" <<'PY'
import json, re, sys
doc = json.load(open(sys.argv[1]))
assert set(doc) == {"version", "config", "patches", "summary"}, doc.keys()
assert doc["version"] == 1 and doc["config"].startswith("arm64 defconfig"), doc
p1, p2 = doc["patches"]

def sites(findings):
    for f in findings:
        assert set(f) == {"rule", "severity", "file", "line", "column",
                          "message", "config"}, f
        assert f["config"] == doc["config"] and f["message"], f
    return sorted(f'{f["file"]}:{f["line"]}: {f["severity"]} [{f["rule"]}]'
                  for f in findings)

def layout(p):
    return {s["name"]: s for s in p["layout"]}

assert p1["index"] == 1, p1
assert p1["subject"] == "arm64/mm: Add __pte_mkdirty() for dirty propagation, one site missed", p1
assert p1["file"] == "0001-arm64-mm-add-__pte_mkdirty-for-dirty-propagation-one-site-missed.patch", p1
assert p1["introduces"] == [] and p1["fixes"] == [], p1
assert p1["verdict"] == "pass", p1
for s in p1["layout"]:
    assert s["changed"] == s["takes"] == s["frees"] == [], s
    assert s["free_sw_before"] == s["free_sw_after"], s
assert layout(p1)["valid"]["free_sw_after"] == [63], layout(p1)["valid"]

assert p2["index"] == 2, p2
assert p2["subject"] == "arm64/mm: Add soft-dirty page tracking support", p2
assert sites(p2["introduces"]) == [
    "arch/arm64/include/asm/pgtable-prot.h:38: note [SWBIT_LAST_FREE]",
    "arch/arm64/mm/hugetlbpage.c:443: error [MKDIRTY_HOUSEKEEPING]"], p2
assert p2["fixes"] == [], p2
assert p2["verdict"] == "fail", p2
valid, swap = layout(p2)["valid"], layout(p2)["swap"]
assert valid["takes"] == [63] and valid["frees"] == [], valid
assert valid["changed"] == [{"bit": 63, "before": [],
    "after": [{"name": "PTE_SOFT_DIRTY", "role": "sw"}]}], valid
assert valid["free_sw_before"] == [63] and valid["free_sw_after"] == [], valid
assert swap["takes"] == [4] and swap["frees"] == [], swap
assert swap["changed"][0]["after"] == [{"name": "PTE_SWP_SOFT_DIRTY", "role": "flag"}], swap

assert doc["summary"] == {"patches": 2, "failed": 1, "errors": 1,
                          "warnings": 0, "notes": 1, "verdict": "fail"}, doc["summary"]

# stderr on the terminal: one progress line, "patch k/n", erased at the end.
tty = open(sys.argv[2], "rb").read().decode()
erase = "\r\x1b[K"
line, _, rest = tty.rpartition(erase)
assert "\n" not in line and rest == "", repr(tty[-300:])
shown = [s for s in line.split(erase) if s]
for want in ("ptecheck: patch 0/2: checking the base tree",
             "ptecheck: patch 1/2: applying 0001-",
             "ptecheck: patch 2/2: checking 0002-"):
    assert any(s.startswith(want) for s in shown), (want, shown)
PY

# One patch, as a mail on stdin (b4 and send-email hooks gate this way).
trees=$TREES
{
	printf 'From: T <t@example.org>\nSubject: [PATCH] arm64/mm: pte_mkuffd_wp() keeps the entry writable\n\n---\n'
	diff -u --label a/arch/arm64/include/asm/pgtable.h \
		--label b/arch/arm64/include/asm/pgtable.h \
		"$trees/soft-dirty-6.12/arch/arm64/include/asm/pgtable.h" \
		"$trees/soft-dirty-6.12-uffd-wp-writable/arch/arm64/include/asm/pgtable.h" || :
} >"$T/uffd.eml"
grep -q '^+	return set_pte_bit(pte, __pgprot(PTE_UFFD_WP));' "$T/uffd.eml"
kdir=$(realpath "$TREES/soft-dirty-6.12")

expect_exit 1 "$PTECHECK" gate --format sarif "$kdir" - <"$T/uffd.eml" || exit 1
cp "$T/out" "$T/gate.sarif"

python3 - "$ROOT/tests/data/sarif-schema-2.1.0.json" "$T/gate.sarif" "$kdir" <<'PY'
import json, sys
import jsonschema
schema_file, sarif, kdir = sys.argv[1:]
schema = json.load(open(schema_file))
jsonschema.Draft4Validator.check_schema(schema)
doc = json.load(open(sarif))
errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
assert not errors, [e.message[:200] for e in errors[:5]]
assert len(doc["runs"]) == 1, doc
run = doc["runs"][0]
assert run["originalUriBaseIds"]["KDIR"]["uri"] == "file://" + kdir + "/", run
rules = run["tool"]["driver"]["rules"]
(res,) = run["results"]
assert res["ruleId"] == "UFFD_WP_WRITABLE" and res["level"] == "error", res
assert rules[res["ruleIndex"]]["id"] == "UFFD_WP_WRITABLE", res
loc = res["locations"][0]["physicalLocation"]
assert loc["artifactLocation"] == {"uri": "arch/arm64/include/asm/pgtable.h",
                                   "uriBaseId": "KDIR"}, loc
assert loc["region"]["startLine"] == 310, loc
assert res["properties"]["patch"] == "arm64/mm: pte_mkuffd_wp() keeps the entry writable", res
PY

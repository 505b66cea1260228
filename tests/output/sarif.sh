#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# --format sarif: valid SARIF 2.1.0 by the OASIS schema itself
# (tests/data/sarif-schema-2.1.0.json, draft-04), one result a finding
# with its rule, level and place relative to KDIR, and every rule of
# `ptecheck rules` described in tool.driver.rules.
set -eu
. "$ROOT/tests/lib.sh"

kdir=$TREES/soft-dirty-6.12-unconverted
require_tree "$kdir"
require_tree "$PRISTINE"
python3 -c 'import jsonschema' 2>/dev/null ||
	skip "python3 jsonschema is not installed (apt-get install python3-jsonschema)"

expect_exit 0 "$PTECHECK" rules || exit 1
cp "$T/out" "$T/rules"
expect_exit 1 "$PTECHECK" check --format sarif "$kdir" || exit 1
cp "$T/out" "$T/unconverted.sarif"
expect_exit 0 "$PTECHECK" check --format sarif "$PRISTINE" || exit 1
cp "$T/out" "$T/pristine.sarif"

python3 - "$ROOT/tests/data/sarif-schema-2.1.0.json" "$T/rules" \
	"$T/unconverted.sarif" "$(realpath "$kdir")" \
	"$T/pristine.sarif" "$(realpath "$PRISTINE")" "$UNCONVERTED_SITES" <<'PY'
import copy, json, re, sys
from urllib.parse import urlsplit
import jsonschema

schema_file, rules_file, sarif, kdir, clean, clean_kdir, sites = sys.argv[1:]
schema = json.load(open(schema_file))
assert schema["title"] == \
    "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
jsonschema.Draft4Validator.check_schema(schema)

# Draft-04's format checks, and "uri"/"uri-reference" (RFC 3986), which
# jsonschema only checks with rfc3987 installed: without them a URI with
# a space or a bare "%" would pass.
base = getattr(jsonschema.Draft4Validator, "FORMAT_CHECKER", None) or \
    jsonschema.draft4_format_checker
formats = jsonschema.FormatChecker(formats=list(base.checkers))
uri_chars = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
def uri_reference(s):
    return (not isinstance(s, str) or
            (uri_chars.fullmatch(s) is not None and
             re.search(r"%(?![0-9A-Fa-f]{2})", s) is None))
def uri(s):
    return (not isinstance(s, str) or
            (uri_reference(s) and re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", s)))
formats.checks("uri")(uri)
formats.checks("uri-reference")(uri_reference)
validator = jsonschema.Draft4Validator(schema, format_checker=formats)

def valid(doc, what):
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:10]:
        print(f"{what}: {'/'.join(map(str, e.path))}: {e.message[:300]}")
    assert not errors, f"{what}: {len(errors)} schema errors"

# The validator does find faults, formats included.
bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
       "results": [{"message": {"text": "m"}, "level": "fatal",
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": "a b"}}}]}]}]}
assert len(list(validator.iter_errors(bad))) == 2, \
    list(validator.iter_errors(bad))

# `ptecheck rules`: "ID  level" lines.
table = {}
for line in open(rules_file):
    rid, level = line.split()
    table[rid] = level
assert "MKDIRTY_HOUSEKEEPING" in table and "SWBIT_LAST_FREE" in table, table

def check_run(doc, root, what):
    valid(doc, what)
    assert doc["version"] == "2.1.0", doc["version"]
    assert len(doc["runs"]) == 1, what
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "ptecheck", driver["name"]
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert sorted(ids) == sorted(table), (ids, table)
    for r in rules:
        assert r["defaultConfiguration"]["level"] == table[r["id"]], r["id"]
        assert r["shortDescription"]["text"], r["id"]
        assert r["fullDescription"]["text"], r["id"]
    # Locations are relative to KDIR, which is an absolute file URI
    # ending in "/" (SARIF 3.14.14).
    bases = run["originalUriBaseIds"]
    assert urlsplit(bases["KDIR"]["uri"]).scheme == "file", bases
    assert bases["KDIR"]["uri"] == "file://" + root + "/", (bases, root)
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"], res
        assert res["level"] == table[res["ruleId"]], res
        assert len(res["locations"]) == 1, res
        phys = res["locations"][0]["physicalLocation"]
        art = phys["artifactLocation"]
        assert art["uriBaseId"] in bases, res
        assert not art["uri"].startswith("/"), res
        assert urlsplit(art["uri"]).scheme == "", res
        assert phys["region"]["startLine"] >= 1, res
    return run["results"]

results = check_run(json.load(open(sarif)), kdir, "unconverted")
assert len(results) == 9, len(results)
assert sorted(r["ruleId"] for r in results) == \
    ["MKDIRTY_HOUSEKEEPING"] * 8 + ["SWBIT_LAST_FREE"], results
for r in results:
    assert r["level"] == ("error" if r["ruleId"] == "MKDIRTY_HOUSEKEEPING"
                          else "note"), r
got = set()
for r in results:
    loc = r["locations"][0]["physicalLocation"]
    got.add(f'{loc["artifactLocation"]["uri"]}:{loc["region"]["startLine"]}: '
            f'{r["level"]} [{r["ruleId"]}]')
want = {s for s in sites.split("\n") if s}
assert got == want, (sorted(got - want), sorted(want - got))
c65 = [r for r in results
       if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
       "arch/arm64/mm/contpte.c" and
       r["locations"][0]["physicalLocation"]["region"]["startLine"] == 65]
assert len(c65) == 1 and c65[0]["ruleId"] == "MKDIRTY_HOUSEKEEPING", c65
assert c65[0]["message"]["text"].startswith("pte_mkdirty() also sets PTE_SOFT_DIRTY"), c65

assert check_run(json.load(open(clean)), clean_kdir, "pristine") == []
PY

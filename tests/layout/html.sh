#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# layout --format html, as Debian's headless Chromium renders it: on
# pristine 6.12 arm64 each bit cell names the owners that the JSON layout
# gives (bit 58 PTE_UFFD_WP in valid, swap bit 3, swap type 6-10, offset
# 12-61), free software bits are marked (63 in valid), a --matrix page
# switches between one section per configuration, --diff against the
# soft-dirty series marks exactly the bits that change owner, a tree path
# full of markup stays text, and the file names no http(s) URL.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
command -v chromium >/dev/null || skip "chromium is not installed (make deps)"

# no_network PAGE: nothing in the file can make the browser fetch.
no_network() {
	if grep -Eiq 'https?://|//[a-z0-9.-]+\.[a-z]{2,}/' "$1"; then
		echo "FAIL: $1 names a URL:"
		grep -Eio '.{20}https?://.{20}' "$1" | head -n 3
		return 1
	fi
}

expect_exit 0 "$PTECHECK" layout --format json "$PRISTINE" || exit 1
mv "$T/out" "$T/layout.json"
expect_exit 0 "$PTECHECK" layout --format html "$PRISTINE" || exit 1
mv "$T/out" "$T/layout.html"
no_network "$T/layout.html"
dump_dom "$T/layout.html" "$T/layout.dom"
python3 - "$T/layout.dom" "$T/layout.json" <<'PY'
import json, os, sys
sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests"))
from dom import parse, find, text

root = parse(sys.argv[1])
doc = json.load(open(sys.argv[2]))
sections = find(root, "section", "config")
assert len(sections) == 1, sections
assert sections[0].attrs["data-config"] == doc["config"], sections[0].attrs
assert not find(root, "nav", id="switcher"), "one configuration, no switcher"
# Nothing the page loads: no element with a source or a stylesheet link.
for el in find(root):
    assert "src" not in el.attrs and el.tag not in ("link", "iframe", "img"), el
    assert el.attrs.get("href", "").endswith(".html") or "href" not in el.attrs, el

states = {s.attrs["data-state"]: s for s in find(root, "div", "state")}
assert set(states) == {s["name"] for s in doc["states"]}, set(states)

def cell(state, bit):
    got = find(states[state], "td", "bit", data_bit=str(bit))
    assert len(got) == 1, (state, bit, got)
    return got[0]

# Every bit cell of every state agrees with the JSON layout.
for st in doc["states"]:
    assert len(find(states[st["name"]], "td", "bit")) == 64, st["name"]
    for b in st["bits"]:
        c = cell(st["name"], b["bit"])
        names = [o["name"] for o in b["owners"]]
        assert c.attrs["data-owners"].split() == names, (st["name"], b, c)
        for o in b["owners"]:
            assert "%s (%s)" % (o["name"], o["role"]) in c.attrs["title"], c
        assert ("free" in c.classes()) == (b["bit"] in st["free_sw"]), c

# The facts, as a person hovering over the cell reads them.
assert cell("valid", 58).attrs["title"] == "bit 58: PTE_UFFD_WP (sw)"
assert "role-sw" in cell("valid", 58).classes()
assert cell("swap", 3).attrs["title"] == "bit 3: PTE_SWP_UFFD_WP (flag)"
assert cell("swap", 11).attrs["title"] == "bit 11: PTE_PRESENT_INVALID (zero)"
assert all(cell("swap", b).attrs["data-owners"] == "swap-type" for b in range(6, 11))
assert all(cell("swap", b).attrs["data-owners"] == "swap-offset" for b in range(12, 62))
assert cell("valid", 63).attrs["title"] == "bit 63: free software bit"
free = [c.attrs["data-bit"] for c in find(states["valid"], "td", "free")
        if "bit" in c.classes()]
assert free == ["63"], free
assert "free software bits: 63" in text(find(states["valid"], "h3")[0])
assert "PTE_MAYBE_NG" in text(root)
PY

# --matrix: one section and one switcher button per configuration, in
# the order of the JSON array; after the script, one section shows.
expect_exit 0 "$PTECHECK" layout --matrix --format json "$PRISTINE" || exit 1
mv "$T/out" "$T/matrix.json"
expect_exit 0 "$PTECHECK" layout --matrix --format html "$PRISTINE" || exit 1
mv "$T/out" "$T/matrix.html"
no_network "$T/matrix.html"
dump_dom "$T/matrix.html" "$T/matrix.dom"
python3 - "$T/matrix.dom" "$T/matrix.json" <<'PY'
import json, os, sys
sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests"))
from dom import parse, find, text

root = parse(sys.argv[1])
configs = [d["config"] for d in json.load(open(sys.argv[2]))]
assert len(configs) > 1, configs
sections = find(root, "section", "config")
assert [s.attrs["data-config"] for s in sections] == configs, sections
nav = find(root, "nav", id="switcher")
assert len(nav) == 1, nav
buttons = find(nav[0], "button")
assert [text(b) for b in buttons] == configs, [text(b) for b in buttons]
shown = [s for s in sections if "hidden" not in s.attrs]
assert shown == sections[:1], "the script shows the first only: %r" % shown
assert [b.attrs["aria-pressed"] for b in buttons] == \
    ["true"] + ["false"] * (len(buttons) - 1)
PY

# --diff: the soft-dirty series takes bit 63 and swap bit 4; the cells
# marked changed, in both rows, are exactly the JSON diff's bits.
if [ -d "$TREES/soft-dirty-6.12" ]; then
	expect_exit 0 "$PTECHECK" layout --diff "$PRISTINE" --format json "$TREES/soft-dirty-6.12" || exit 1
	mv "$T/out" "$T/diff.json"
	expect_exit 0 "$PTECHECK" layout --diff "$PRISTINE" --format html "$TREES/soft-dirty-6.12" || exit 1
	mv "$T/out" "$T/diff.html"
	no_network "$T/diff.html"
	dump_dom "$T/diff.html" "$T/diff.dom"
	python3 - "$T/diff.dom" "$T/diff.json" <<'PY'
import json, os, sys
sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests"))
from dom import parse, find, text

root = parse(sys.argv[1])
doc = json.load(open(sys.argv[2]))
diff = find(root, "section", id="diff")
assert len(diff) == 1, diff
states = {s.attrs["data-state"]: s for s in find(diff[0], "div", "state")}
total = 0
for st in doc["states"]:
    want = sorted(c["bit"] for c in st["changed"])
    total += len(want)
    for row in ("before", "after"):
        tr = find(states[st["name"]], "tr", row)
        assert len(tr) == 1, (st["name"], row)
        got = sorted(int(c.attrs["data-bit"]) for c in find(tr[0], "td", "changed"))
        assert got == want, (st["name"], row, got, want)
    items = [text(li) for li in find(states[st["name"]], "li", "change")]
    assert len(items) == len(want), items
valid = {int(c.attrs["data-bit"]): c for c in find(find(states["valid"], "tr", "after")[0], "td", "bit")}
assert valid[63].attrs["title"] == "bit 63: PTE_SOFT_DIRTY (sw)", valid[63].attrs
assert "free" not in valid[63].classes()
before = find(find(states["valid"], "tr", "before")[0], "td", "bit", data_bit="63")[0]
assert "free" in before.classes() and "changed" in before.classes(), before
assert [text(li) for li in find(states["swap"], "li", "change")] == \
    ["bit 4: - \u2192 PTE_SWP_SOFT_DIRTY (flag)"]
assert "63 \u2192 none (the last taken)" in text(find(states["valid"], "p", "free-change")[0])
assert find(root, "p", "summary")[0].attrs["data-changes"] == str(total)
PY
fi

# Markup in a string from outside (here the tree's path) stays text.
odd="$T/k<b>&amp;x"
cp -al "$(realpath "$PRISTINE")" "$odd"
expect_exit 0 "$PTECHECK" layout --format html "$odd" || exit 1
mv "$T/out" "$T/odd.html"
dump_dom "$T/odd.html" "$T/odd.dom"
python3 - "$T/odd.dom" "$odd" <<'PY'
import os, sys
sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests"))
from dom import parse, find, text

root = parse(sys.argv[1])
assert not find(root, "b"), "the path became markup"
assert sys.argv[2] in text(root), "the path is not shown as written"
PY

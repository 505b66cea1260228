#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# gate --html DIR: on the soft-dirty series that misses a housekeeping
# site (0002 fails), DIR/index.html links one page per patch with its
# verdict; as Chromium renders them, 0001's page marks no bit and 0002's
# marks the bits the JSON layout diff gives (valid 63, swap 4) and lists
# the findings the text report gives it (the missed hugetlbpage.c:443
# MKDIRTY_HOUSEKEEPING error among them). The exit
# status and the text report are those of a gate without --html. A DIR
# that cannot be made is refused before anything is copied.
set -eu
. "$ROOT/tests/lib.sh"

series=$ROOT/kernel/variants/soft-dirty-6.12-missed-site
require_tree "$PRISTINE"
require_tree "$TREES/soft-dirty-6.12"
command -v chromium >/dev/null || skip "chromium is not installed (make deps)"

: >"$T/file"
expect_one_line_error "$PTECHECK" gate --html "$T/file/report" "$PRISTINE" "$series" &&
	expect_err_mentions "$T/file/report" || exit 1

expect_exit 1 "$PTECHECK" gate --html "$T/report" "$PRISTINE" "$series" || exit 1
grep -qx '  verdict: FAIL' "$T/out" || { cat "$T/out"; exit 1; }
# The findings the text report lists for 0002, as FILE:LINE:COL [RULE].
sed -n '/^\[2\/2\]/,$p' "$T/out" |
	sed -nE 's/^ +([^ :]+:[0-9]+:[0-9]+): (error|warning|note): .*\[([A-Z0-9_]+)\]$/\1 [\3]/p' |
	LC_ALL=C sort >"$T/p2.findings"
grep -q '^arch/arm64/mm/hugetlbpage.c:443:[0-9]* \[MKDIRTY_HOUSEKEEPING\]$' "$T/p2.findings" ||
	{ cat "$T/out"; exit 1; }
if grep -Eiq 'https?://' "$T"/report/*.html; then
	echo "FAIL: a page names a URL"
	exit 1
fi
expect_exit 0 "$PTECHECK" layout --diff "$PRISTINE" --format json "$TREES/soft-dirty-6.12" || exit 1
mv "$T/out" "$T/diff.json"
for page in index 0001 0002; do
	dump_dom "$T/report/$page.html" "$T/$page.dom" || exit 1
done
python3 - "$T" "$series" <<'PY'
import json, os, sys
sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests"))
from dom import parse, find, text

t, series = sys.argv[1], sys.argv[2]
patches = sorted(p for p in os.listdir(series)
                 if p.endswith(".patch") and "cover-letter" not in p)
assert len(patches) == 2, patches
index = parse(t + "/index.dom")
links = find(find(index, "ol", "patches")[0], "a")
assert [a.attrs["href"] for a in links] == ["0001.html", "0002.html"], links
assert [text(a) for a in links] == patches, [text(a) for a in links]
assert [text(v) for v in find(index, "span", "verdict")] == ["pass", "FAIL"]
assert set(os.listdir(t + "/report")) == {"index.html", "0001.html", "0002.html"}

def changed(page):
    root = parse("%s/%s.dom" % (t, page))
    out = {}
    for st in find(find(root, "section", id="diff")[0], "div", "state"):
        after = find(st, "tr", "after")[0]
        out[st.attrs["data-state"]] = sorted(
            int(c.attrs["data-bit"]) for c in find(after, "td", "changed"))
    verdict = find(root, "p", "verdict")[0].attrs["data-verdict"]
    return out, verdict

one, verdict = changed("0001")
assert verdict == "pass" and not any(one.values()), (verdict, one)
two, verdict = changed("0002")
want = {s["name"]: sorted(c["bit"] for c in s["changed"])
        for s in json.load(open(t + "/diff.json"))["states"]}
assert verdict == "FAIL" and two == want, (verdict, two, want)
assert two["valid"] == [63] and two["swap"] == [4], two

import re
page = parse(t + "/0002.dom")
got = sorted(re.sub(r": (error|warning|note): .* \[", " [", text(li))
             for li in find(page, "li", "finding"))
assert got == open(t + "/p2.findings").read().split("\n")[:-1], got
bad = [li for li in find(find(page, "ul", "introduced")[0], "li", "error")]
assert [li.attrs["data-rule"] for li in bad] == ["MKDIRTY_HOUSEKEEPING"], bad
PY

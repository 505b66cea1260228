#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# --format checkpatch: checkpatch's own layout, which people and bots
# parse: "LEVEL:TYPE: msg", "#NN: FILE: path:NN:", "+" and the source
# line, a blank line, then the total; --terse: one "path:NN: LEVEL:TYPE:
# msg" line a finding and no total; a clean run still says its total.
set -eu
. "$ROOT/tests/lib.sh"

kdir=$TREES/soft-dirty-6.12-unconverted
require_tree "$kdir"
require_tree "$PRISTINE"

# checkpatch lines cut down to lib.sh's "FILE:LINE: SEVERITY [RULE_ID]".
cp_sites() {
	sed -nE -e 's/^([^ :]+):([0-9]+): ERROR:([A-Z0-9_]+): .*/\1:\2: error [\3]/p' \
		-e 's/^([^ :]+):([0-9]+): WARNING:([A-Z0-9_]+): .*/\1:\2: warning [\3]/p' \
		-e 's/^([^ :]+):([0-9]+): CHECK:([A-Z0-9_]+): .*/\1:\2: note [\3]/p' "$1" |
		LC_ALL=C sort -u
}

expect_cp_sites() {
	if ! diff -u --label want --label got \
		<(printf "%s\n" "$1" | sed "/^$/d" | LC_ALL=C sort -u) \
		<(cp_sites "$2"); then
		echo "FAIL: checkpatch findings differ (above)"
		return 1
	fi
}

# The full layout, on the unconverted port: 8 errors and 1 note.
expect_exit 1 "$PTECHECK" check --format checkpatch "$kdir" || exit 1
cp "$T/out" "$T/checkpatch"

# The block of contpte.c:65, with the line as it is in the tree.
src=$(sed -n 65p "$kdir/arch/arm64/mm/contpte.c")
if [ "$src" != "$(printf '\t\t\tpte = pte_mkdirty(pte);')" ]; then
	echo "FAIL: contpte.c:65 in the tree is not the site: '$src'"
	exit 1
fi
python3 - "$T/checkpatch" "$kdir" <<'PY'
import re, sys
out = open(sys.argv[1]).read()
kdir = sys.argv[2]
want = ("ERROR:MKDIRTY_HOUSEKEEPING: pte_mkdirty() also sets PTE_SOFT_DIRTY; "
        "this path only propagates dirtiness: use __pte_mkdirty()\n"
        "#65: FILE: arch/arm64/mm/contpte.c:65:\n"
        "+\t\t\tpte = pte_mkdirty(pte);\n")
assert out.endswith("\n"), repr(out[-80:])
*blocks, total = out[:-1].split("\n\n")
assert len(blocks) == 9, (len(blocks), out)
assert want[:-1] in blocks, ("no contpte.c:65 block", out)
# Every block: the three lines, its "#NN" and "path:NN:" agreeing, and
# "+" followed by the real source line.
head = re.compile(r"^(ERROR|WARNING|CHECK):([A-Z][A-Z0-9_]*): (\S.*)$")
where = re.compile(r"^#([0-9]+): FILE: ([^ :]+):([0-9]+):$")
for b in blocks:
    lines = b.split("\n")
    assert len(lines) == 3, b
    assert head.match(lines[0]), b
    m = where.match(lines[1])
    assert m and m.group(1) == m.group(3), b
    path, n = m.group(2), int(m.group(1))
    with open(f"{kdir}/{path}") as f:
        src = f.read().split("\n")[n - 1]
    assert lines[2] == "+" + src, (b, src)
assert sum(b.startswith("ERROR:MKDIRTY_HOUSEKEEPING: ") for b in blocks) == 8
assert sum(b.startswith("CHECK:SWBIT_LAST_FREE: ") for b in blocks) == 1
# The note is counted as a check, in checkpatch's --strict wording.
assert re.fullmatch(r"total: 8 errors, 0 warnings, 1 checks, [1-9][0-9]* lines checked",
                    total), total
PY

# --terse: the same 9 findings, one line each, no total.
expect_exit 1 "$PTECHECK" check --format checkpatch --terse "$kdir" || exit 1
if [ "$(wc -l <"$T/out")" != 9 ]; then
	echo "FAIL: --terse: want 9 lines"
	cat "$T/out"
	exit 1
fi
if grep -v -E '^[^ :]+:[0-9]+: (ERROR|WARNING|CHECK):[A-Z][A-Z0-9_]*: ' "$T/out"; then
	echo "FAIL: --terse: lines above are not 'path:NN: LEVEL:TYPE: msg'"
	exit 1
fi
grep -qxF 'arch/arm64/mm/contpte.c:65: ERROR:MKDIRTY_HOUSEKEEPING: pte_mkdirty() also sets PTE_SOFT_DIRTY; this path only propagates dirtiness: use __pte_mkdirty()' "$T/out" ||
	{ echo "FAIL: --terse: no contpte.c:65 line"; exit 1; }
expect_cp_sites "$UNCONVERTED_SITES" "$T/out" || exit 1

# Clean: checkpatch still prints its total, without "checks" (no notes).
expect_exit 0 "$PTECHECK" check --format checkpatch "$PRISTINE" || exit 1
if [ "$(wc -l <"$T/out")" != 1 ] ||
   ! grep -qxE 'total: 0 errors, 0 warnings, [0-9]+ lines checked' "$T/out"; then
	echo "FAIL: clean run: want only 'total: 0 errors, 0 warnings, N lines checked'"
	show_run
	exit 1
fi
# --terse on a clean tree: nothing at all.
expect_exit 0 "$PTECHECK" check --format checkpatch --terse "$PRISTINE" || exit 1
if [ -s "$T/out" ]; then
	echo "FAIL: clean --terse run printed something"
	show_run
	exit 1
fi

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-long
# Suppression comments ("ptecheck-ignore: RULE_ID[, RULE_ID]" on the
# finding's line or the line above) and baselines (--write-baseline
# accepts a run's findings; --baseline drops those, matched by rule, file
# and message, not line, so only new findings are left to fail a run).
# On a scratch copy of the unconverted port; its first run prepares a
# build (about 30 s).
set -eu
. "$ROOT/tests/lib.sh"

scratch_tree "$TREES/soft-dirty-6.12-unconverted"
kdir=$T/kdir
contpte=$kdir/arch/arm64/mm/contpte.c
huge=$kdir/arch/arm64/mm/hugetlbpage.c
own_copy "$contpte"
own_copy "$huge"

# check [OPTIONS...]: gcc format on the scratch tree, exit in $rc.
check() {
	run_cmd "$PTECHECK" check "$@" "$kdir"
}

fail() {
	echo "FAIL: $*"
	show_run
	exit 1
}

if [ "$(sed -n 65p "$contpte")" != "$(printf '\t\t\tpte = pte_mkdirty(pte);')" ]; then
	echo "FAIL: contpte.c:65 is not the site"
	exit 1
fi

# 1. The comment on the line above drops that site; the line it takes
# moves the file's later sites down by one.
sed -i '65i\\t\t\t/* ptecheck-ignore: MKDIRTY_HOUSEKEEPING */' "$contpte"
shifted=$(printf '%s\n' "$UNCONVERTED_SITES" | sed \
	-e '\|^arch/arm64/mm/contpte.c:65: |d' \
	-e 's|^arch/arm64/mm/contpte.c:173: |arch/arm64/mm/contpte.c:174: |' \
	-e 's|^arch/arm64/mm/contpte.c:230: |arch/arm64/mm/contpte.c:231: |')
check
[ "$rc" = 1 ] || fail "ignore comment: want exit 1 (7 errors left)"
expect_sites "$shifted" "$T/out" || exit 1

# 2. A comment naming another rule does not drop it.
sed -i '65s/ptecheck-ignore: MKDIRTY_HOUSEKEEPING/ptecheck-ignore: SWBIT_OVERLAP/' "$contpte"
grep -q 'ptecheck-ignore: SWBIT_OVERLAP \*/$' <(sed -n 65p "$contpte") ||
	{ echo "FAIL: the comment was not rewritten"; exit 1; }
all_shifted="$shifted
arch/arm64/mm/contpte.c:66: error [MKDIRTY_HOUSEKEEPING]"
check
[ "$rc" = 1 ] || fail "other rule's comment: want exit 1"
expect_sites "$all_shifted" "$T/out" || exit 1

# 3. Several ids, comma-separated; and a comment on the finding's own line.
sed -i '65s/ptecheck-ignore: SWBIT_OVERLAP/ptecheck-ignore: SWBIT_OVERLAP, MKDIRTY_HOUSEKEEPING/' "$contpte"
sed -i '443s|$| /* ptecheck-ignore: MKDIRTY_HOUSEKEEPING */|' "$huge"
check
[ "$rc" = 1 ] || fail "comma list: want exit 1"
expect_sites "$(printf '%s\n' "$shifted" |
	sed '\|^arch/arm64/mm/hugetlbpage.c:443: |d')" "$T/out" || exit 1

# Back to all 9 findings: the other rule's comment, hugetlbpage.c as it was.
sed -i '65s/ptecheck-ignore: SWBIT_OVERLAP, MKDIRTY_HOUSEKEEPING/ptecheck-ignore: SWBIT_OVERLAP/' "$contpte"
cp "$TREES/soft-dirty-6.12-unconverted/arch/arm64/mm/hugetlbpage.c" "$huge"

# 4. --write-baseline: the 9 findings accepted, nothing reported, exit 0.
check --write-baseline "$T/base"
[ "$rc" = 0 ] || fail "--write-baseline: want exit 0"
[ -z "$(findings "$T/out")" ] || fail "--write-baseline reported findings"
[ -s "$T/base" ] || fail "--write-baseline: $T/base not written"
if [ "$(grep -cv -e '^#' -e '^$' "$T/base")" != 9 ]; then
	echo "FAIL: want 9 accepted findings in the baseline"
	cat "$T/base"
	exit 1
fi

# 5. --baseline: nothing new, exit 0.
check --baseline "$T/base"
[ "$rc" = 0 ] || fail "--baseline: want exit 0"
expect_sites "" "$T/out" || exit 1

# 6. A line at the top of hugetlbpage.c moves its 3 sites; still accepted.
sed -i '1i /* a line that moves the rest of the file down */' "$huge"
check
expect_sites "$(printf '%s\n' "$all_shifted" | sed \
	-e 's|^arch/arm64/mm/hugetlbpage.c:137: |arch/arm64/mm/hugetlbpage.c:138: |' \
	-e 's|^arch/arm64/mm/hugetlbpage.c:170: |arch/arm64/mm/hugetlbpage.c:171: |' \
	-e 's|^arch/arm64/mm/hugetlbpage.c:443: |arch/arm64/mm/hugetlbpage.c:444: |')" \
	"$T/out" || exit 1
check --baseline "$T/base"
[ "$rc" = 0 ] || fail "--baseline after a line shift: want exit 0"
expect_sites "" "$T/out" || exit 1

# 7. A new housekeeping site: exactly that one finding, exit 1.
cat >>"$contpte" <<'EOF'

pte_t ptecheck_test_new_site(pte_t a, pte_t b)
{
	if (pte_dirty(a))
		b = pte_mkdirty(b);
	return b;
}
EOF
new=$(grep -n '^		b = pte_mkdirty(b);$' "$contpte" | cut -d: -f1)
check --baseline "$T/base"
[ "$rc" = 1 ] || fail "--baseline with a new site: want exit 1"
expect_sites "arch/arm64/mm/contpte.c:$new: error [MKDIRTY_HOUSEKEEPING]" \
	"$T/out" || exit 1

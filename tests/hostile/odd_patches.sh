#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-long
# Patches that are odd but not hostile get a correct result: one with
# Latin-1 (not UTF-8) bytes in its message and code, and one of 10 MB (a
# new source of 190000 functions, parsed, as it names pte_mkdirty) pass;
# a CRLF-mangled copy of the soft-dirty port does not apply and is named
# with its failing hunk in one line, exit 2. KDIR stays byte-identical
# and the scratch copy is gone.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
export PTECHECK_CACHE=$T/cache
before=$(tree_checksum "$PRISTINE")

# Made with git diff against the pristine file, so the context is right.
git init -q "$T/repo"
mkdir -p "$T/repo/arch/arm64/mm"
cp "$PRISTINE/arch/arm64/mm/fault.c" "$T/repo/arch/arm64/mm/"
git -C "$T/repo" add -A
git -C "$T/repo" -c user.name=t -c user.email=t@example.org commit -qm base
sed -i '1a /* Fran\xe7ois G\xe9rard: comment in Latin-1, not UTF-8 */' "$T/repo/arch/arm64/mm/fault.c"
{
	printf 'From: Fran\xe7ois <f@example.org>\nSubject: [PATCH] arm64/mm: a Latin-1 comment\n\nSigned-off-by: Fran\xe7ois <f@example.org>\n---\n'
	git -C "$T/repo" diff
} >"$T/latin1.patch"
if iconv -f UTF-8 -t UTF-8 "$T/latin1.patch" >/dev/null 2>&1; then
	echo "FAIL: the Latin-1 patch is valid UTF-8"
	exit 1
fi

awk 'BEGIN {
	print "diff --git a/arch/arm64/mm/ptecheck-big.c b/arch/arm64/mm/ptecheck-big.c"
	print "new file mode 100644"
	print "--- /dev/null"
	n = 190000
	print "+++ b/arch/arm64/mm/ptecheck-big.c"
	print "@@ -0,0 +1," n + 1 " @@"
	print "+#include <linux/pgtable.h>"
	for (i = 1; i < n; i++)
		printf "+pte_t big_%d(pte_t p) { return pte_mkdirty(p); }\n", i
	print "+int big_end;"
}' >"$T/big.patch"
size=$(stat -c %s "$T/big.patch")
[ "$size" -ge 10000000 ] || { echo "FAIL: big.patch is $size bytes"; exit 1; }

sed 's/$/\r/' "$ROOT"/kernel/series/soft-dirty-6.12/0001-*.patch >"$T/crlf.patch"

expect_one_line_error "$PTECHECK" gate "$PRISTINE" "$T/latin1.patch" \
	"$T/big.patch" "$T/crlf.patch" || exit 1
expect_err_mentions "crlf.patch does not apply: patch failed: arch/arm64/" || exit 1
for p in latin1.patch big.patch; do
	grep -q "$p" "$T/out" || { echo "FAIL: $p not reported"; show_run; exit 1; }
done
if grep -q 'FAIL\|error' "$T/out"; then
	echo "FAIL: an odd patch was said to introduce an error"
	show_run
	exit 1
fi
if [ -n "$(gate_leftovers "$T/cache")" ]; then
	echo "FAIL: left behind: $(gate_leftovers "$T/cache")"
	exit 1
fi
[ "$(tree_checksum "$PRISTINE")" = "$before" ] || { echo "FAIL: KDIR changed"; exit 1; }

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# kernel/b4/ptecheck-perpatch as b4 0.14+ runs a prep-perpatch-check-cmd:
# one patch email on stdin, from the top level of a git repository,
# failing the patch for each stdout line with "ERROR:". Debian 12's b4
# (0.12) predates the key, so the patch files (git format-patch output)
# are piped in directly: the unconverted variant as written, 0001 of the
# series without its mbox "From <sha>" line, as b4 writes a message.
# Bad: 8 terse ERROR:MKDIRTY_HOUSEKEEPING lines, exit nonzero. Good: no
# output at all (b4 counts any line), exit 0.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
cmd=$ROOT/kernel/b4/ptecheck-perpatch
good=$(echo "$ROOT"/kernel/series/soft-dirty-6.12/0001-*.patch)
bad=$ROOT/kernel/variants/soft-dirty-6.12-unconverted.patch

top=$T/repo
git init -q "$top"
export PTECHECK PTECHECK_KDIR=$PRISTINE

# perpatch FILE: run the check on FILE's email, status in $rc.
perpatch() {
	rc=0
	(cd "$top" && "$cmd") <"$1" >"$T/out" 2>"$T/err" || rc=$?
}

sed 1d "$good" >"$T/good.eml"
grep -q '^From: ' "$T/good.eml"

perpatch "$bad"
if [ "$rc" = 0 ] || [ -s "$T/err" ]; then
	echo "FAIL: bad patch: want a nonzero exit and nothing on stderr"
	show_run
	exit 1
fi
n=$(grep -c 'ERROR:' "$T/out" || :)
m=$(grep -c '^arch/arm64/[^ ]*:[0-9]*: ERROR:MKDIRTY_HOUSEKEEPING: pte_mkdirty() also sets PTE_SOFT_DIRTY' "$T/out" || :)
if [ "$n" != 8 ] || [ "$m" != 8 ]; then
	echo "FAIL: bad patch: want 8 ERROR: lines, all MKDIRTY_HOUSEKEEPING; got $n ($m)"
	show_run
	exit 1
fi
# The same sites as tree mode finds, one terse line each.
sed -nE 's/^([^ :]+):([0-9]+): ERROR:([A-Z0-9_]+): .*/\1:\2: error [\3]/p' "$T/out" |
	LC_ALL=C sort >"$T/sites"
if ! diff -u <(printf '%s\n' "$MKDIRTY_SITES" | LC_ALL=C sort) "$T/sites"; then
	echo "FAIL: bad patch: sites differ (above)"
	exit 1
fi
grep -q '^arch/arm64/mm/contpte.c:65: ERROR:MKDIRTY_HOUSEKEEPING: ' "$T/out"

perpatch "$T/good.eml"
if [ "$rc" != 0 ] || [ -s "$T/out" ] || [ -s "$T/err" ]; then
	echo "FAIL: good patch: want exit 0 and no output"
	show_run
	exit 1
fi

# Not gated: no PTECHECK_KDIR, or a patch the gate refuses (one to the
# top Makefile, which preparing a build would run): one failing ERROR:
# line saying why.
(
	unset PTECHECK_KDIR
	perpatch "$good"
	if [ "$rc" = 0 ] || ! grep -q '^ERROR:PTECHECK_KDIR: ' "$T/out"; then
		echo "FAIL: no PTECHECK_KDIR: want an ERROR:PTECHECK_KDIR line"
		show_run
		exit 1
	fi
)
{
	printf 'Subject: [PATCH] kbuild: touch the Makefile\n\n---\n'
	printf 'diff --git a/Makefile b/Makefile\n--- a/Makefile\n+++ b/Makefile\n'
	printf '@@ -1 +1,2 @@\n %s\n+# touched\n' "$(head -n 1 "$PRISTINE/Makefile")"
} >"$T/makefile.eml"
perpatch "$T/makefile.eml"
if [ "$rc" != 2 ] || [ "$(grep -c 'ERROR:' "$T/out")" != 1 ] ||
   ! grep -q '^ERROR:PTECHECK_GATE: .*touches Makefile' "$T/out"; then
	echo "FAIL: a Makefile patch: want exit 2 and one ERROR:PTECHECK_GATE line"
	show_run
	exit 1
fi

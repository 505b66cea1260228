#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Hostile patches are refused by the gate before anything is copied or
# built, each with exit 2 and one line naming what is wrong: symlinks and
# submodules, renames and copies leaving the tree (either side), a path
# into .git, a mode change (it would reach KDIR through the hard-linked
# copy), malformed headers and hunks, a patch that changes nothing, NUL
# bytes, and mboxes of 1000 messages with no diff, or one bad patch among
# replies. KDIR stays byte-identical and nothing is left in the cache.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
export PTECHECK_CACHE=$T/cache
data=$ROOT/tests/hostile/data
before=$(tree_checksum "$PRISTINE")
fail=0 tried=0

refused() {
	local patch=$1 says=$2

	tried=$((tried + 1))
	expect_one_line_error "$PTECHECK" gate "$PRISTINE" "$patch" &&
		expect_err_mentions "$says" || fail=1
}

refused "$data/symlink.patch" "creates a symbolic link, arch/arm64/mm/evil.c"
refused "$data/gitlink.patch" "creates a submodule, arch/arm64/mm/sub"
refused "$data/rename-out.patch" "../fault.c is outside the tree"
refused "$data/rename-in.patch" "../../etc/passwd is outside the tree"
refused "$data/copy-out.patch" "arch/arm64/../../../tmp/fault.c is outside the tree"
refused "$data/git-hook.patch" ".git/hooks/post-checkout is inside git's own data"
refused "$data/mode.patch" "changes a file mode (100644 => 100755 arch/arm64/mm/fault.c)"
refused "$data/truncated.patch" "corrupt patch at line 6"
refused "$data/bad-header.patch" "lacks filename information"
refused "$data/bad-hunk.patch" "no file changes"
refused "$data/no-diff.patch" "No valid patches"
refused "$data/nul.patch" "nul.patch: not a patch git apply can read"

# A mailing-list archive of 1000 replies: no patch in it.
for i in $(seq 1000); do
	printf 'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n'
	printf 'From: Reviewer %d <r%d@example.org>\nSubject: Re: [PATCH] arm64/mm: soft-dirty\n\nLooks fine.\n\n' "$i" "$i"
done >"$T/replies.mbx"
refused "$T/replies.mbx" "no patches in this mbox (1000 messages, none with a diff)"

# The same with a symlink patch as message 500: found among them.
{
	head -n $((499 * 6)) "$T/replies.mbx"
	printf 'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n'
	printf 'From: Mallory <m@example.org>\nSubject: [PATCH] arm64/mm: a link\n\n---\n'
	cat "$data/symlink.patch"
	printf '\n'
	tail -n $((500 * 6)) "$T/replies.mbx"
} >"$T/thread.mbx"
[ "$(grep -c '^From 0000' "$T/thread.mbx")" = 1000 ] || { echo "FAIL: not 1000 messages"; exit 1; }
refused "$T/thread.mbx" "creates a symbolic link, arch/arm64/mm/evil.c"

echo "hostile patches tried: $tried"
if [ -n "$(gate_leftovers "$T/cache")" ]; then
	echo "FAIL: left behind in the cache: $(gate_leftovers "$T/cache")"
	fail=1
fi
[ "$(tree_checksum "$PRISTINE")" = "$before" ] || { echo "FAIL: KDIR changed"; fail=1; }
exit "$fail"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The gate refuses, with exit 2 and one line naming the input, before it
# builds anything: an empty mbox, a patch whose paths leave the tree, a
# binary patch, a patch for another tree (naming the patch and the hunk),
# build code without --trust, and a range of a KDIR that is not git.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
fail=0
: >"$T/empty.mbox"
expect_one_line_error "$PTECHECK" gate "$PRISTINE" "$T/empty.mbox" &&
	expect_err_mentions empty.mbox || fail=1

printf 'diff --git a/../evil.c b/../evil.c\nnew file mode 100644\n--- /dev/null\n+++ b/../evil.c\n@@ -0,0 +1 @@\n+x\n' >"$T/escape.patch"
expect_one_line_error "$PTECHECK" gate "$PRISTINE" "$T/escape.patch" &&
	expect_err_mentions "../evil.c" || fail=1

# A real binary patch, made by git.
git init -q "$T/bin"
(cd "$T/bin" && printf '\0\1\2' >blob && git add blob &&
	git -c user.name=t -c user.email=t@example.org commit -qm blob &&
	printf '\3\4\5' >blob &&
	git diff --binary) >"$T/binary.patch"
expect_one_line_error "$PTECHECK" gate "$PRISTINE" "$T/binary.patch" &&
	expect_err_mentions binary || fail=1

# A patch for 6.1 (PROT_NONE on bit 58) does not apply to 6.12.
if [ -d "$ROOT/kernel/series/arm64-6.1" ]; then
	p61=$(ls "$ROOT"/kernel/series/arm64-6.1/0001-*.patch)
	expect_one_line_error "$PTECHECK" gate "$PRISTINE" "$p61" &&
		expect_err_mentions "does not apply: patch failed: arch/arm64/" || fail=1
fi

# Build code runs when the gate prepares a build: refused unless trusted.
printf 'diff --git a/Makefile b/Makefile\n--- a/Makefile\n+++ b/Makefile\n@@ -1,2 +1,3 @@\n # SPDX-License-Identifier: GPL-2.0\n+$(shell touch /tmp/ptecheck-pwned)\n VERSION = 6\n' >"$T/makefile.patch"
expect_one_line_error "$PTECHECK" gate "$PRISTINE" "$T/makefile.patch" &&
	expect_err_mentions -- --trust || fail=1

# A range needs git.
expect_one_line_error "$PTECHECK" gate "$PRISTINE" v6.11..v6.12 &&
	expect_err_mentions "git repository" || fail=1
exit "$fail"

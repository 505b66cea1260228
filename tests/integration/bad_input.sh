#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Input that is not what ptecheck expects is refused with exit 2 and one
# line on stderr that names it, before any work, and nothing is written.
set -eu
. "$ROOT/tests/lib.sh"

fail=0

# KDIR missing.
expect_one_line_error "$PTECHECK" check /nonexistent &&
	expect_err_mentions /nonexistent || fail=1

# KDIR not a kernel tree; it stays empty.
mkdir "$T/empty"
expect_one_line_error "$PTECHECK" check "$T/empty" &&
	expect_err_mentions "$T/empty" || fail=1
if [ -n "$(ls -A "$T/empty")" ]; then
	echo "FAIL: ptecheck wrote into the KDIR it refused: $(ls -A "$T/empty")"
	fail=1
fi

# Kbuild mode, a source that cannot be read.
expect_one_line_error "$PTECHECK" -D__KERNEL__ /nonexistent/foo.c &&
	expect_err_mentions /nonexistent/foo.c || fail=1

# The rest need a real tree, so that the tree is not what is wrong.
if [ ! -d "$PRISTINE" ]; then
	echo "skip: $PRISTINE missing, --arch and -p cases not run"
	exit $((fail ? 1 : 77))
fi

# An architecture ptecheck has no data for.
expect_one_line_error "$PTECHECK" check --arch sparc64 "$PRISTINE" &&
	expect_err_mentions sparc64 || fail=1

# A tree whose path holds a quote (clang would make -include's path an
# #include "..." it breaks) or a colon (Kbuild refuses it): refused, not
# parsed into wrong findings. A symlink to the tree under such a name is
# fine: the real path is what counts.
# (The path is refused before the tree is read: empty directories do.)
for name in 'q"uote' 'co:lon' 'back\\slash'; do
	mkdir -p "$T/$name/kdir"
	expect_one_line_error "$PTECHECK" check "$T/$name/kdir" &&
		expect_err_mentions "quote or backslash in the tree's path" || fail=1
done
ln -s "$PRISTINE" "$T/q\"link"
expect_exit 0 "$PTECHECK" check --quiet "$T/q\"link" || fail=1

# A compilation database that is not JSON.
mkdir "$T/bdir"
echo '{not json' >"$T/bdir/compile_commands.json"
expect_one_line_error "$PTECHECK" check -p "$T/bdir" "$PRISTINE" &&
	expect_err_mentions "$T/bdir" || fail=1

exit "$fail"

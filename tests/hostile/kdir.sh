#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-long
# KDIR on another file system (a tmpfs), mounted read-only, and reached
# through a symlink: check gives the pristine tree's result through the
# link and directly (one build, reused). The tree stays byte-identical
# (kdir_gate.sh gates a patch on such a KDIR). Skips where
# this machine refuses a tmpfs mount (not root, or a sandbox).
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
export PTECHECK_CACHE=$T/cache
fs=$T/fs
mkdir -p "$fs"
mount -t tmpfs -o size=3g tmpfs "$fs" 2>/dev/null ||
	skip "mount -t tmpfs is refused here"
trap 'umount "$fs" 2>/dev/null || umount -l "$fs"' EXIT
trap 'exit 143' TERM
cp -a "$PRISTINE" "$fs/linux"
mount -o remount,ro "$fs" || skip "a tmpfs cannot be made read-only here"
touch "$fs/linux/ptecheck-probe" 2>/dev/null && { echo "FAIL: not read-only"; exit 1; }
ln -s "$fs/linux" "$T/link"
# Directory sizes differ between file systems: the copy is its own reference.
before=$(tree_checksum "$fs/linux")

expect_exit 0 "$PTECHECK" check "$T/link" || exit 1
grep -q "config: arm64 defconfig" "$T/err" || { show_run; exit 1; }
expect_exit 0 "$PTECHECK" check "$fs/linux" || exit 1
[ "$(ls -d "$T"/cache/build/arm64-*[0-9a-f] | wc -l)" = 1 ] ||
	{ echo "FAIL: the link and the tree did not share one build"; ls "$T/cache/build"; exit 1; }

[ "$(tree_checksum "$fs/linux")" = "$before" ] || { echo "FAIL: KDIR changed"; exit 1; }

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The gate on a KDIR on another file system (a tmpfs), mounted read-only,
# reached through a symlink: its hard-link copy cannot cross file
# systems, so it copies the tree, and it finds what a patch introduces.
# The tree stays byte-identical and the scratch is gone. Skips where
# this machine refuses a tmpfs mount (not root, or a sandbox).
# The tmpfs holds the 6.12 tree without the sources of drivers/, sound/
# and Documentation/ (two thirds of its bytes): their Kconfig and
# Makefiles stay, so it is the pristine tree to Kbuild and to the build
# cache, whose build it shares; an arm64 check reads none of the rest.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
fs=$T/fs
mkdir -p "$fs"
mount -t tmpfs -o size=3g tmpfs "$fs" 2>/dev/null ||
	skip "mount -t tmpfs is refused here"
trap 'umount "$fs" 2>/dev/null || umount -l "$fs"' EXIT
trap 'exit 143' TERM
mkdir "$fs/linux"
leaves='drivers sound Documentation'
# shellcheck disable=SC2086
tar -C "$PRISTINE" $(printf -- '--exclude=./%s ' $leaves) -cf - . | tar -C "$fs/linux" -xpf -
# shellcheck disable=SC2086
(cd "$PRISTINE" && find $leaves \( -type d -o -name 'Kconfig*' -o -name 'Makefile*' -o -name 'Kbuild*' \) -print0 |
	tar --null --no-recursion -T - -cf -) | tar -C "$fs/linux" -xpf -
mount -o remount,ro "$fs" || skip "a tmpfs cannot be made read-only here"
touch "$fs/linux/ptecheck-probe" 2>/dev/null && { echo "FAIL: not read-only"; exit 1; }
ln -s "$fs/linux" "$T/link"
# Directory sizes differ between file systems: the copy is its own reference.
before=$(tree_checksum "$fs/linux")

# The gate copies across file systems and gates the uffd-wp mutant's
# kind of patch: one that changes code only (no new build).
git init -q "$T/repo"
mkdir -p "$T/repo/arch/arm64/include/asm"
cp "$PRISTINE/arch/arm64/include/asm/pgtable.h" "$T/repo/arch/arm64/include/asm/"
git -C "$T/repo" add -A
git -C "$T/repo" -c user.name=t -c user.email=t@example.org commit -qm base
sed -i '/^static inline pte_t pte_mkuffd_wp(pte_t pte)$/,/^}$/s/return pte_wrprotect(set_pte_bit(pte, __pgprot(PTE_UFFD_WP)));/return set_pte_bit(pte, __pgprot(PTE_UFFD_WP));/' \
	"$T/repo/arch/arm64/include/asm/pgtable.h"
git -C "$T/repo" diff >"$T/uffd.patch"
[ -s "$T/uffd.patch" ] || { echo "FAIL: the test patch is empty"; exit 1; }
# In the background, to know its scratch directory: $CACHE/gate/PID.
rc=0
"$PTECHECK" gate "$T/link" "$T/uffd.patch" >"$T/out" 2>"$T/err" &
pid=$!
wait "$pid" || rc=$?
[ "$rc" = 1 ] || { echo "FAIL: gate exit $rc, want 1"; show_run; exit 1; }
grep -q '\[UFFD_WP_WRITABLE\]' "$T/out" || { show_run; exit 1; }
grep -q 'the arm64 headers do not compile\|build is incomplete' "$T/err" && { show_run; exit 1; }

[ "$(tree_checksum "$fs/linux")" = "$before" ] || { echo "FAIL: KDIR changed"; exit 1; }
[ ! -e "$CACHE/gate/$pid" ] || { echo "FAIL: scratch left: $CACHE/gate/$pid"; exit 1; }
# No copy kept: it could never be linked to the tmpfs.
if grep -lx "$fs/linux" "$CACHE"/gate/pool-*/kdir 2>/dev/null; then
	echo "FAIL: a copy of the tmpfs tree is kept (above)"
	exit 1
fi

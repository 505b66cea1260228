#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# UFFD_WP_WRITABLE is decided from the tree's own mm/ callers, not from
# its version: on a copy of the 6.1 tree whose mm/ no longer wraps
# *_mkuffd_wp() in *_wrprotect() (what 6.3 did), 6.1 x86's
# pte_mkuffd_wp(), which only sets _PAGE_UFFD_WP, is reported, once; the
# pristine 6.1 tree is silent (x86-6.1-silent.t).
. "$ROOT/tests/lib.sh"

scratch_tree "$CACHE/linux-source-6.1"
cd "$T/kdir/mm"
files=$(grep -l -E '_wrprotect\([a-z_]*_mkuffd_wp\(|_mkuffd_wp\([a-z_]*_wrprotect\(' -- *.c)
[ -n "$files" ] || { echo "FAIL: 6.1's mm/ has no wrapped *_mkuffd_wp() call"; exit 1; }
for f in $files; do
	own_copy "$f"
	sed -i -E -e 's/([a-z_]*)_wrprotect\(([a-z_]*_mkuffd_wp\([^()]*\))\)/\2/g' \
		-e 's/([a-z_]*_mkuffd_wp)\([a-z_]*_wrprotect\(([^()]*)\)\)/\1(\2)/g' "$f"
done
if grep -n -E '_wrprotect\([a-z_]*_mkuffd_wp\(|_mkuffd_wp\([a-z_]*_wrprotect\(' -- *.c; then
	echo "FAIL: a wrapped call is left"
	exit 1
fi
cd "$T"
run_cmd "$PTECHECK" check --arch x86 --disable=SWBIT_LAST_FREE "$T/kdir"
expect_sites "arch/x86/include/asm/pgtable.h:298: error [UFFD_WP_WRITABLE]" "$T/out" || { show_run; exit 1; }
[ "$rc" = 1 ] || { echo "FAIL: want exit 1"; show_run; exit 1; }

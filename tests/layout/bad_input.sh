#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Bad layout input is refused with exit 2 and one line that names it: an
# arch data file with an unknown macro or an unknown state, a .config of
# another arch, a tree whose headers lack the swap macros the data names.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
data=$ROOT/checker/arch/arm64.def
fail=0

# A macro the tree does not define, not marked optional.
{ cat "$data"; echo 'bit PTE_NO_SUCH_BIT valid:sw'; } >"$T/unknown-macro.def"
expect_one_line_error "$PTECHECK" layout --arch-data "$T/unknown-macro.def" "$PRISTINE" &&
	expect_err_mentions PTE_NO_SUCH_BIT || fail=1

# A state the data file never declared.
{ cat "$data"; echo 'bit PTE_DIRTY bogus-state:sw'; } >"$T/bad-state.def"
expect_one_line_error "$PTECHECK" check --arch-data "$T/bad-state.def" "$PRISTINE" &&
	expect_err_mentions bogus-state || fail=1

# An x86 .config given to the arm64 check.
printf 'CONFIG_X86_64=y\nCONFIG_X86=y\nCONFIG_64BIT=y\n' >"$T/x86.config"
expect_one_line_error "$PTECHECK" layout --config "$T/x86.config" "$PRISTINE" &&
	expect_err_mentions CONFIG_ARM64 || fail=1

# A tree whose swap macros have other names: the data's are not there.
scratch_tree "$PRISTINE"
h=$T/kdir/arch/arm64/include/asm/pgtable.h
own_copy "$h"
sed -i 's/__SWP_TYPE_SHIFT/__SWP_KIND_SHIFT/g' "$h"
expect_one_line_error "$PTECHECK" layout "$T/kdir" &&
	expect_err_mentions __SWP_TYPE_SHIFT || fail=1
exit "$fail"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# An mbox of the series (as a mailing-list archive or b4 gives it): split
# by git mailsplit, gated patch by patch like the files themselves.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
cat "$ROOT"/kernel/series/soft-dirty-6.12/000[12]-*.patch >"$T/series.mbx"
expect_exit 0 "$PTECHECK" gate "$PRISTINE" "$T/series.mbx" || exit 1
grep -q '^\[2/2\] ' "$T/out" &&
	grep -qx '    valid: bit 63: - -> PTE_SOFT_DIRTY (sw)' "$T/out" &&
	grep -q '^gate: 2 patches, 0 introduce errors' "$T/out" || { cat "$T/out"; exit 1; }

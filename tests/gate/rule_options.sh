#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The gate checks each step with the rules it was given: the unconverted
# port fails on its housekeeping sites, passes with --disable of that rule,
# and --enable of another rule alone passes it too (the steps are checked
# by a child ptecheck, which gets the gate's rule set and -j).
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
patch=$ROOT/kernel/variants/soft-dirty-6.12-unconverted.patch
expect_exit 1 "$PTECHECK" gate -j 1 "$PRISTINE" "$patch" || exit 1
grep -q '\[MKDIRTY_HOUSEKEEPING\]$' "$T/out" || { show_run; exit 1; }
expect_exit 0 "$PTECHECK" gate --disable=MKDIRTY_HOUSEKEEPING "$PRISTINE" "$patch" || exit 1
grep -q 'MKDIRTY_HOUSEKEEPING' "$T/out" && { show_run; exit 1; }
expect_exit 0 "$PTECHECK" gate --enable=SWAP_LAYOUT "$PRISTINE" "$patch" || exit 1
grep -qx '  verdict: pass' "$T/out" || { show_run; exit 1; }

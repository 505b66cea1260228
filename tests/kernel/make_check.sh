#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# `make check KDIR=... [ARCH=...]` in this repository: tree mode on KDIR.
# On the unconverted port it prints the 8 housekeeping sites (and the
# last-free-bit note) and make fails; on the pristine tree it is clean
# and make succeeds. CACHE (set by tests/run) keeps the prepared builds.
set -eu
. "$ROOT/tests/lib.sh"

bad=$TREES/soft-dirty-6.12-unconverted
require_tree "$bad"
require_tree "$PRISTINE"

run_cmd make -s -C "$ROOT" check KDIR="$bad" ARCH=arm64
if [ "$rc" = 0 ]; then
	echo "FAIL: make check on $bad: want a nonzero exit"
	show_run
	exit 1
fi
expect_sites "$UNCONVERTED_SITES" "$T/out"
grep -q '^arch/arm64/mm/contpte.c:65:10: error: .*\[MKDIRTY_HOUSEKEEPING\]$' "$T/out"

run_cmd make -s -C "$ROOT" check KDIR="$PRISTINE" ARCH=arm64
if [ "$rc" != 0 ]; then
	echo "FAIL: make check on $PRISTINE: want exit 0"
	show_run
	exit 1
fi
expect_sites "" "$T/out"

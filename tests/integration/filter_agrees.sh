#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-long
# The pre-filter (parse only the sources that mention a helper that sets
# soft-dirty) finds exactly what parsing every source under arch/arm64
# finds. --all-files is slow (every TU, about 2 minutes): that is the point.
set -eu
. "$ROOT/tests/lib.sh"

kdir=$TREES/soft-dirty-6.12-unconverted
require_tree "$kdir"
expect_exit 1 "$PTECHECK" check "$kdir" || exit 1
cp "$T/out" "$T/filtered"
# Files the template flags cannot compile (kvm/hyp with their own -I)
# are said on stderr; the findings must not change.
run_cmd "$PTECHECK" check --all-files "$kdir"
if [ "$rc" != 1 ]; then
	show_run
	exit 1
fi
if ! cmp "$T/filtered" "$T/out"; then
	diff "$T/filtered" "$T/out"
	exit 1
fi
expect_sites "$UNCONVERTED_SITES" "$T/out"
filtered=$(grep -o 'in [0-9]* files checked' "$T/err")
echo "all files: $filtered"

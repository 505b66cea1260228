#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# --help names every command and format; CMD --help gives only the
# options CMD takes; both come from one table, so they agree.
set -eu
. "$ROOT/tests/lib.sh"

expect_exit 0 "$PTECHECK" --help || exit 1
for w in "ptecheck gate " "ptecheck layout " "ptecheck explain-helper " \
	"gcc, json, checkpatch, sarif, b4" "text, json, svg" "--trust"; do
	grep -qF -- "$w" "$T/out" || { echo "FAIL: --help lacks '$w'"; exit 1; }
done
expect_exit 0 "$PTECHECK" gate --help || exit 1
grep -q -- '^  --trust ' "$T/out" || { echo "FAIL: gate --help lacks --trust"; exit 1; }
if grep -q -- '--all-files\|--baseline' "$T/out"; then
	echo "FAIL: gate --help lists check-only options"; cat "$T/out"; exit 1
fi
expect_exit 0 "$PTECHECK" check --help || exit 1
grep -q -- '^  --all-files ' "$T/out" || { echo "FAIL: check --help lacks --all-files"; exit 1; }
grep -q -- '--trust' "$T/out" && { echo "FAIL: check --help lists --trust"; exit 1; }
# Still a usage error, not help, for a bad option.
expect_exit 2 "$PTECHECK" check --bogus || exit 1

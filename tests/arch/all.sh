#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check --arch all runs every arch the data knows on one tree, each under
# its own default configuration, one summary each; the exit status is the
# worst of theirs. One JSON document cannot hold several reports: refused.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
expect_exit 0 "$PTECHECK" check --arch all "$PRISTINE" || exit 1
for a in $(sed -n 's/^arch[[:space:]]*//p' "$ROOT"/checker/arch/*.def); do
	grep -q "^ptecheck: 0 errors, .*config: $a " "$T/err" || { echo "FAIL: no clean summary for $a"; show_run; exit 1; }
done
[ "$(grep -c '^ptecheck: .* errors, ' "$T/err")" = "$(ls "$ROOT"/checker/arch/*.def | wc -l)" ] || { show_run; exit 1; }

expect_one_line_error "$PTECHECK" check --arch all --format json "$PRISTINE" || exit 1
expect_err_mentions '--arch all' || exit 1
# The built-in data of every arch, or one file: not both.
expect_one_line_error "$PTECHECK" check --arch all --arch-data /dev/null "$PRISTINE" || exit 1

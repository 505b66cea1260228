#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tests/run itself: a .t command ending in "| grep" keeps ptecheck's exit
# status, and a run whose every case skipped fails.
set -eu
. "$ROOT/tests/lib.sh"

mkdir "$T/cases"
cat >"$T/cases/pipe.t" <<'CASE'
# check-name: a refused tree is exit 2 through a grep
# check-command: ptecheck check /nonexistent/kdir 2>&1 | grep -q ptecheck
# check-exit: 2
CASE
cat >"$T/cases/skip.t" <<'CASE'
# check-name: a tree that is not laid
# check-tree: no-such-tree
# check-command: ptecheck check $KDIR
CASE

expect_exit 0 "$ROOT/tests/run" "$T/cases/pipe.t" || exit 1
grep -q '^PASS: .*pipe.t' "$T/out" || { show_run; exit 1; }
expect_exit 1 "$ROOT/tests/run" "$T/cases/skip.t" || exit 1
grep -qx 'every case was skipped' "$T/out" || { show_run; exit 1; }
# One pass among skips is a pass.
expect_exit 0 "$ROOT/tests/run" "$T/cases" || exit 1

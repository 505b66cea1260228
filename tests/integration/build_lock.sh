#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make -jN C=2 CHECK=ptecheck starts many ptecheck processes on one O=
# build: one prepares it under BUILD.lock, the others wait for the lock and
# then reuse the build. Here the lock is held from outside for 3 s; the run
# waits for it, then gives the same findings as a run without the wait.
set -eu
. "$ROOT/tests/lib.sh"

[ -d "$PRISTINE" ] || skip "$PRISTINE is not laid (make trees)"
expect_exit 0 "$PTECHECK" check --format gcc "$PRISTINE" || exit 1
cp "$T/out" "$T/first"
build=$(build_of "$PRISTINE")
[ -f "$build/ptecheck.stamp" ] || { echo "FAIL: no stamp in the pristine build '$build'"; exit 1; }
lock=$build.lock
[ -f "$lock" ] || { echo "FAIL: $lock was not made"; exit 1; }

flock -x "$lock" sleep 3 &
holder=$!
sleep 0.5
start=$(date +%s%N)
expect_exit 0 "$PTECHECK" check --format gcc "$PRISTINE" || exit 1
waited=$((($(date +%s%N) - start) / 1000000))
wait "$holder"
if [ "$waited" -lt 2400 ]; then
	echo "FAIL: the run took $waited ms: it did not wait for $lock"
	exit 1
fi
cmp "$T/first" "$T/out" || { echo "FAIL: findings differ after the wait"; exit 1; }

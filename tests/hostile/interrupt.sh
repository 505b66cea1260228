#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Ctrl-C (SIGINT to ptecheck alone, as kill sends it) at each phase, and two
# runs on one cache at once (as make -jN C=2 starts them):
#  - while preparing: the half-made BUILD.tmp-PID is removed, no build is
#    left that a later run would trust;
#  - two checks at once on the fresh cache: one prepares, the other waits,
#    both give the same result, and there is one build;
#  - while parsing: no worker is left running and nothing is added to the
#    cache; the next run gives the same result;
#  - the gate while it splits a 1000-message mbox: its scratch is gone.
# KDIR is byte-identical at the end.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
export PTECHECK_CACHE=$T/cache
before=$(tree_checksum "$PRISTINE")
fail=0

# wait_for GLOB: up to 5 minutes (a loaded machine) for a path to match.
wait_for() {
	for _ in $(seq 3000); do
		compgen -G "$1" >/dev/null && return 0
		sleep 0.1
	done
	echo "FAIL: $1 never appeared"
	return 1
}

# interrupt PID: SIGINT, then its exit status in $rc (not 0: it was cut).
interrupt() {
	kill -INT "$1"
	rc=0
	wait "$1" || rc=$?
	if [ "$rc" = 0 ]; then
		echo "FAIL: the run finished before it was interrupted"
		return 1
	fi
}

pid=
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; wait' EXIT
"$PTECHECK" check "$PRISTINE" >"$T/out1" 2>&1 &
pid=$!
wait_for "$T/cache/build/arm64-*.tmp-$pid" || exit 1
sleep 2
interrupt "$pid" || exit 1
pid=
left=$(ls -A "$T/cache/build" | grep -v '\.lock$\|\.prepare\.log' || true)
[ -z "$left" ] || { echo "FAIL: prepare interrupted, left: $left"; fail=1; }

"$PTECHECK" check "$PRISTINE" >"$T/a.out" 2>"$T/a.err" &
a=$!
"$PTECHECK" check "$PRISTINE" >"$T/b.out" 2>"$T/b.err" &
b=$!
rc_a=0 rc_b=0
wait "$a" || rc_a=$?
wait "$b" || rc_b=$?
if [ "$rc_a" != 0 ] || [ "$rc_b" != 0 ] || ! cmp -s "$T/a.out" "$T/b.out" ||
   ! cmp -s "$T/a.err" "$T/b.err"; then
	echo "FAIL: two runs at once: exit $rc_a and $rc_b"
	diff "$T/a.err" "$T/b.err" || true
	fail=1
fi
builds=$(ls -A "$T/cache/build" | grep -v '\.lock$\|\.prepare\.log')
[ "$(echo "$builds" | wc -l)" = 1 ] || { echo "FAIL: builds: $builds"; fail=1; }
listing=$(ls -AR "$T/cache")

# Parsing (-j2, two workers): wait for a worker, then interrupt the run.
# A background job of a script starts with SIGINT ignored (bash does that
# without job control); a terminal's Ctrl-C finds it at its default.
(trap - INT; exec "$PTECHECK" check -j2 --all-files --no-cache "$PRISTINE") >"$T/out2" 2>&1 &
pid=$!
for _ in $(seq 3000); do
	workers=$(pgrep -P "$pid" -x ptecheck || true)
	[ -n "$workers" ] && break
	sleep 0.1
done
[ -n "$workers" ] || { echo "FAIL: no worker was seen"; exit 1; }
interrupt "$pid" || exit 1
pid=
sleep 1
# A dead worker whose parent is gone waits for PID 1 to reap it, and a
# container's PID 1 may never do that: a zombie (Z) is not running.
for w in $workers; do
	state=$(ps -o stat= -p "$w" 2>/dev/null || true)
	if [ -n "$state" ] && [ "${state#Z}" = "$state" ]; then
		echo "FAIL: worker $w still runs after the run was interrupted"
		fail=1
	fi
done
[ "$(ls -AR "$T/cache")" = "$listing" ] || { echo "FAIL: the cache changed"; fail=1; }
expect_exit 0 "$PTECHECK" check "$PRISTINE" && cmp -s "$T/out" "$T/a.out" || fail=1

# The gate, splitting and reading a 1000-message mbox.
for i in $(seq 1000); do
	printf 'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n'
	printf 'From: R %d <r@example.org>\nSubject: Re: [PATCH] x\n\nFine.\n\n' "$i"
done >"$T/replies.mbx"
"$PTECHECK" gate "$PRISTINE" "$T/replies.mbx" >"$T/out3" 2>&1 &
pid=$!
wait_for "$T/cache/gate/$pid/mbox-*/0500" || exit 1
interrupt "$pid" || exit 1
pid=
if [ -n "$(gate_leftovers "$T/cache")" ]; then
	echo "FAIL: gate interrupted, left: $(gate_leftovers "$T/cache")"
	fail=1
fi

[ "$(tree_checksum "$PRISTINE")" = "$before" ] || { echo "FAIL: KDIR changed"; fail=1; }
exit "$fail"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# SIGINT in the middle of a gate (while it prepares or checks): KDIR is
# byte-identical, and the run's scratch directory with its builds is gone
# (the copy of KDIR it worked on stays for the next gate: gate/pool.sh).
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
export PTECHECK_CACHE=$T/cache
before=$(tree_checksum "$PRISTINE")
"$PTECHECK" gate "$PRISTINE" "$ROOT/kernel/series/soft-dirty-6.12" >"$T/out" 2>&1 &
pid=$!
# Wait until the copy of KDIR is there and work on it has begun.
for _ in $(seq 100); do
	compgen -G "$T/cache/gate/pool-*/tree/arch" >/dev/null && break
	sleep 0.2
done
sleep 5
kill -INT "$pid"
rc=0
wait "$pid" || rc=$?
if [ "$rc" = 0 ]; then
	echo "FAIL: the gate finished before it was interrupted"
	exit 1
fi
if [ -n "$(gate_leftovers "$T/cache")" ]; then
	echo "FAIL: left behind: $(gate_leftovers "$T/cache")"
	exit 1
fi
[ "$(tree_checksum "$PRISTINE")" = "$before" ] || { echo "FAIL: KDIR changed"; exit 1; }

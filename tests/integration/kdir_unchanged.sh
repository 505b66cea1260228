#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-long
# KDIR is never written: byte-identical (checksum of every entry and of the
# content of arch/, include/, mm/) after tree mode, a fresh O= preparation,
# -p mode, Kbuild mode and an interrupted preparation.
set -eu
. "$ROOT/tests/lib.sh"

scratch_tree "$TREES/soft-dirty-6.12-unconverted"
kdir=$T/kdir
before=$(tree_checksum "$kdir")

# Tree mode, on the build it shares with the tree it was copied from.
expect_exit 1 "$PTECHECK" check "$kdir" || exit 1
# JSON, a second run on the cached build.
expect_exit 1 "$PTECHECK" check --format json "$kdir" || exit 1

# Kbuild and -p modes, in an O= of their own (make writes into it).
O=$T/o
configure_build "$kdir" "$O"
make -s -C "$kdir" O="$O" ARCH=arm64 LLVM=1 -j2 C=2 CHECK="$PTECHECK" \
	arch/arm64/mm/contpte.o >/dev/null 2>&1
python3 "$kdir/scripts/clang-tools/gen_compile_commands.py" -d "$O" \
	-o "$O/compile_commands.json"
expect_exit 1 "$PTECHECK" check -p "$O" "$kdir" || exit 1

# Ctrl-C while preparing a new build: nothing half-made is left behind.
PTECHECK_CACHE=$T/cache2 "$PTECHECK" check "$kdir" >/dev/null 2>&1 &
pid=$!
sleep 4
kill -INT "$pid"
wait "$pid" || :
if ls "$T"/cache2/build/arm64-*/ 2>/dev/null | grep -q .; then
	echo "FAIL: an interrupted preparation left $(ls -d "$T"/cache2/build/*/)"
	exit 1
fi

after=$(tree_checksum "$kdir")
if [ "$before" != "$after" ]; then
	echo "FAIL: KDIR changed"
	exit 1
fi

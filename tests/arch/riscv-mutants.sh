#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# One mutant per rule that applies on riscv, each on the project's riscv
# soft-dirty port (kernel/series/soft-dirty-riscv-6.12): the port itself is
# silent but for the note that soft-dirty takes the last RSW bit; each
# riscv-mutants/NAME.patch, applied on it alone, makes exactly the
# findings its "# expect:" lines name (file:line: severity [RULE]), and
# the exit status 1. The mutants change headers and sources only, so one
# O= build of the scratch tree serves them all.
set -eu
. "$ROOT/tests/lib.sh"

series=$ROOT/kernel/series/soft-dirty-riscv-6.12
scratch_tree "$PRISTINE"
for p in "$series"/000[1-9]-*.patch; do
	(cd "$T/kdir" && git apply "$p")
done

expect_exit 0 "$PTECHECK" check --arch riscv "$T/kdir" || exit 1
expect_sites "arch/riscv/include/asm/pgtable-bits.h:34: note [SWBIT_LAST_FREE]" "$T/out" || exit 1

for m in "$ROOT"/tests/arch/riscv-mutants/*.patch; do
	name=$(basename "$m" .patch)
	(cd "$T/kdir" && git apply "$m")
	want=$(sed -n 's/^# expect: //p' "$m")
	# Only the rules the mutant is for: a knock-on finding of another
	# rule (soft-dirty on _PAGE_SPECIAL's bit) is not this test's.
	ids=$(printf '%s\n' "$want" | sed -n 's/.*\[\([A-Z0-9_]*\)\]$/\1/p' | sort -u | paste -sd,)
	run_cmd "$PTECHECK" check --arch riscv --enable="$ids" "$T/kdir"
	if [ "$rc" != 1 ] || ! expect_sites "$want" "$T/out"; then
		echo "FAIL: mutant $name (want exit 1)"
		show_run
		exit 1
	fi
	(cd "$T/kdir" && git apply -R "$m")
done

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

check_mutants riscv "$ROOT/tests/arch/riscv-mutants" || exit 1

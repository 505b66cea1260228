#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-long
# kernel/check, the CHECK= program that runs sparse and ptecheck: one
# `make C=2` pass over arch/arm64/mm of a scratch copy of the unconverted
# port puts both tools' diagnostics on stderr: ptecheck's 8 housekeeping
# sites ([MKDIRTY_HOUSEKEEPING]) and sparse's own warnings on 6.12, which
# no ptecheck rule makes (pageattr.c: rodata_full not declared; fault.c:
# show_pte's context imbalance). Like sparse alone, the build succeeds.
# First, with stand-ins for both tools: each gets Kbuild's arguments as
# they are, both run, and the status is nonzero if either fails.
set -eu
. "$ROOT/tests/lib.sh"

check=$ROOT/kernel/check

# A stand-in that logs its name and arguments, then exits with $2.
stub() {
	printf '#!/bin/sh\necho "%s $*" >>"%s/calls"\nexit %s\n' "$1" "$T" "$2" >"$T/$1"
	chmod +x "$T/$1"
}
stub sparse-ok 0
stub sparse-bad 1
stub ptecheck-ok 0
stub ptecheck-bad 1
for s in ok bad; do
	for p in ok bad; do
		rm -f "$T/calls"
		rc=0
		PTECHECK_SPARSE="$T/sparse-$s -Wsparse-all" PTECHECK=$T/ptecheck-$p \
			"$check" -D__linux__ -Wbitwise 'a b.c' || rc=$?
		want=1
		[ "$s$p" = okok ] && want=0
		if [ "$rc" != "$want" ] ||
		   [ "$(cat "$T/calls")" != "sparse-$s -Wsparse-all -D__linux__ -Wbitwise a b.c
ptecheck-$p -D__linux__ -Wbitwise a b.c" ]; then
			echo "FAIL: sparse $s, ptecheck $p: exit $rc (want $want), calls:"
			cat "$T/calls"
			exit 1
		fi
	done
done

scratch_tree "$TREES/soft-dirty-6.12-unconverted"
kdir=$T/kdir
O=$T/o
configure_build "$kdir" "$O"

# PTECHECK from the environment, as tests/run sets it; the wrapper's
# default is the same binary (build/ptecheck next to kernel/).
run_cmd make -s -C "$kdir" O="$O" ARCH=arm64 LLVM=1 -j2 C=2 \
	CHECK="$check" arch/arm64/mm/
if [ "$rc" != 0 ]; then
	echo "FAIL: make C=2 CHECK=kernel/check: exit $rc"
	show_run
	exit 1
fi

# ptecheck: what tree mode reports (every housekeeping site, the header
# probe's note), contpte.c:65 with its column.
expect_sites "$UNCONVERTED_SITES" "$T/err"
if ! grep -q '^arch/arm64/mm/contpte.c:65:10: error: pte_mkdirty() also sets PTE_SOFT_DIRTY.* \[MKDIRTY_HOUSEKEEPING\]$' "$T/err"; then
	echo "FAIL: no ptecheck diagnostic for contpte.c:65:10"
	show_run
	exit 1
fi

# sparse: its warnings, file:line:col as sparse prints them (the source
# path as Kbuild gave it), with no rule id.
for want in \
	"arch/arm64/mm/pageattr.c:21:6: warning: symbol 'rodata_full' was not declared. Should it be static?" \
	"arch/arm64/mm/fault.c:[0-9]*:[0-9]*: warning: context imbalance in 'show_pte' - unexpected unlock"; do
	if ! grep -q "^\(.*/\)\?$want\$" "$T/err"; then
		echo "FAIL: no sparse diagnostic: $want"
		grep -v '\[[A-Z0-9_]*\]$' "$T/err" | sed 's/^/  other stderr: /' | head -n 20
		exit 1
	fi
done
if grep -E 'MKDIRTY_HOUSEKEEPING|: warning: ' "$T/out"; then
	echo "FAIL: diagnostics on stdout (make -s hides it)"
	exit 1
fi

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A pte_mkdirty() on a real write path in arch code is not housekeeping:
# added to a copy of the unconverted port, it is not reported, while the
# 8 housekeeping sites still are.
set -eu
. "$ROOT/tests/lib.sh"

scratch_tree "$TREES/soft-dirty-6.12-unconverted"
f=$T/kdir/arch/arm64/mm/contpte.c
own_copy "$f"
cat >>"$f" <<'C'

pte_t ptecheck_test_write_fault(pte_t pte, bool write);
pte_t ptecheck_test_write_fault(pte_t pte, bool write)
{
	pte = pte_mkyoung(pte);
	if (write)
		pte = pte_mkdirty(pte);
	return pte_mkdirty(pte_mkwrite_novma(pte));
}
C
run_cmd "$PTECHECK" check "$T/kdir"
[ "$rc" = 1 ] || { show_run; exit 1; }
expect_sites "$UNCONVERTED_SITES" "$T/out"

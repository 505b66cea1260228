#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-long
# --matrix names every configuration a finding holds in: a site in a .c
# file or a header that all six compile lists all six, and an overlap that
# only some configurations have lists exactly those, whole labels only
# ("4k-48" is not inside "64k-48"), once per text.
set -eu
. "$ROOT/tests/lib.sh"
require_tree "$TREES/soft-dirty-6.12-unconverted"
require_tree "$TREES/soft-dirty-6.12-swbit-on-lpa-addr"

all="(in 4k-48; 4k-52; 16k-48; 16k-52; 64k-48; 64k-52)"
expect_exit 1 "$PTECHECK" check --matrix "$TREES/soft-dirty-6.12-unconverted"
for site in arch/arm64/mm/contpte.c:65: arch/arm64/mm/hugetlbpage.c:137: \
	    arch/arm64/include/asm/pgtable.h:1213:; do
	if ! grep "^$site" "$T/out" | grep -qF "$all [MKDIRTY_HOUSEKEEPING]"; then
		echo "FAIL: $site does not name all six configurations"
		show_run
		exit 1
	fi
done

# Bit 12 is an address bit in 4k-48, 4k-52 and 64k-52, but not the same
# one: PTE_ADDR_LOW with 4K pages, PTE_ADDR_HIGH (PA bits 48-51) with 64K
# pages and 52-bit PAs. A site whose text differs by configuration is one
# finding per text, each naming its own configurations.
expect_exit 1 "$PTECHECK" check --matrix "$TREES/soft-dirty-6.12-swbit-on-lpa-addr"
if [ "$(grep -c . "$T/out")" != 2 ] ||
   ! grep -qF "shares bit 12 with PTE_ADDR_LOW (addr) in the valid state (in 4k-48; 4k-52) [SWBIT_OVERLAP]" "$T/out" ||
   ! grep -qF "shares bit 12 with PTE_ADDR_HIGH (addr) in the valid state (in 64k-52) [SWBIT_OVERLAP]" "$T/out"; then
	echo "FAIL: the overlap does not name exactly 4k-48 and 4k-52 (PTE_ADDR_LOW), 64k-52 (PTE_ADDR_HIGH)"
	show_run
	exit 1
fi

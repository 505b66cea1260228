#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Two definitions on one bit are reported at the one a reader must change.
# The mutants put PTE_SOFT_DIRTY on bit 58 ABOVE the older definition of
# that bit (6.12: PTE_UFFD_WP, 6.1: PTE_PROT_NONE). A plain check of the
# patched tree reports the later line (the older macro); the gate, and
# check --added-by PATCH, report the #define the patch adds, once, with
# rule SWBIT_OVERLAP.
set -eu
. "$ROOT/tests/lib.sh"

prot=arch/arm64/include/asm/pgtable-prot.h
# case VERSION PATCH ADDED_LINE OLDER_LINE
case_of() {
	local kdir=$CACHE/linux-source-$1 patch=$ROOT/kernel/variants/$2
	local added="$prot:$3: error [SWBIT_OVERLAP]"

	require_tree "$kdir"
	rm -rf "$T/kdir"
	scratch_tree "$kdir"
	own_copy "$T/kdir/$prot"
	(cd "$T/kdir" && git apply "$patch")
	expect_exit 1 "$PTECHECK" check --enable=SWBIT_OVERLAP "$T/kdir" || return 1
	expect_sites "$prot:$4: error [SWBIT_OVERLAP]" "$T/out" || { show_run; return 1; }
	expect_exit 1 "$PTECHECK" check --enable=SWBIT_OVERLAP --added-by "$patch" "$T/kdir" || return 1
	expect_sites "$added" "$T/out" || { show_run; return 1; }
	[ "$(grep -c 'SWBIT_OVERLAP\]$' "$T/out")" = 1 ] || { show_run; return 1; }
	expect_exit 1 "$PTECHECK" gate --enable=SWBIT_OVERLAP --format json "$kdir" "$patch" || return 1
	python3 - "$T/out" "$prot" "$3" <<'PY' || { show_run; return 1; }
import json, sys
doc = json.load(open(sys.argv[1]))
got = [(f["rule"], f["file"], f["line"]) for f in doc["patches"][0]["introduces"]]
want = [("SWBIT_OVERLAP", sys.argv[2], int(sys.argv[3]))]
if got != want:
    sys.exit("gate introduces %s, want %s" % (got, want))
PY
}

case_of 6.12 arm64-6.12-sw-bit-above-uffd-wp.patch 21 31 || exit 1
case_of 6.1 arm64-6.1-sw-bit-above-prot-none.patch 21 22 || exit 1

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-long
# The core mm rules (opt-in: --enable=all) look at the core mm files the
# configuration builds, as Kbuild says. x86_64_defconfig has no THP and no KSM: mm/huge_memory.c,
# mm/khugepaged.c and mm/ksm.c are not built, so they are not parsed (they
# do not compile there), and the check of the pristine tree warns about
# nothing. arm64 defconfig builds them: the split mutants in
# mm/huge_memory.c are found there (tests/rules/tracking_dropped/).
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
for arch in x86 arm64; do
	expect_exit 0 "$PTECHECK" check --no-cache --enable=all --arch $arch "$PRISTINE" || exit 1
	if grep -v '^ptecheck: 0 errors, 0 warnings, 0 notes in [0-9]* files checked; config: ' "$T/err"; then
		echo "FAIL: $arch: stderr has more than the summary (above)"
		exit 1
	fi
	if [ -s "$T/out" ]; then
		echo "FAIL: $arch: findings on the pristine tree"
		show_run
		exit 1
	fi
done

# A build Kbuild cannot answer for (no include/config/auto.conf): every
# core mm file is parsed, and the run says so, once.
o=$(build_of "$PRISTINE")
[ -n "$o" ] || { echo "FAIL: no build for $PRISTINE"; exit 1; }
cp -a "$o" "$T/o"
rm "$T/o/include/config/auto.conf"
expect_exit 0 "$PTECHECK" check --no-cache --enable=all --build "$T/o" "$PRISTINE" || exit 1
n=$(grep -c "^ptecheck: $T/o: Kbuild does not say which mm/ files it builds; checking every one$" "$T/err" || :)
if [ "$n" != 1 ]; then
	echo "FAIL: the fallback is said $n times, want once"
	show_run
	exit 1
fi

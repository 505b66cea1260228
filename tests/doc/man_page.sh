#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# ptecheck(1) renders without a groff warning, and names every rule of
# `ptecheck rules`, every option of `ptecheck --help`, and every command.
set -eu
. "$ROOT/tests/lib.sh"

man=$ROOT/build/ptecheck.1
make -s -C "$ROOT" SAN= build/ptecheck.1 >/dev/null || { echo "FAIL: make build/ptecheck.1"; exit 1; }
groff -ww -man -Tutf8 "$man" >"$T/page" 2>"$T/warnings"
if [ -s "$T/warnings" ]; then
	echo "FAIL: groff warns:"; cat "$T/warnings"; exit 1
fi
# The rendered text, without overstrike and hyphenation at line ends.
sed 's/.\x08//g' "$T/page" | tr -s ' \n' ' ' | sed 's/‐ //g' >"$T/text"

ok=0
for id in $("$PTECHECK" rules | cut -d' ' -f1); do
	grep -q -- "$id" "$T/text" || { echo "FAIL: rule $id not in the page"; ok=1; }
done
opts=$("$PTECHECK" --help | sed -n 's/^  \(-[-a-z]*\).*/\1/p')
[ -n "$opts" ] || { echo "FAIL: no options in --help"; exit 1; }
for o in $opts; do
	grep -q -- "$o" "$T/text" || { echo "FAIL: option $o not in the page"; ok=1; }
done
for c in check layout explain-helper gate rules explain --version --help \
	PTECHECK_CACHE XDG_CACHE_HOME sarif checkpatch b4 "EXIT STATUS"; do
	grep -q -- "$c" "$T/text" || { echo "FAIL: $c not in the page"; ok=1; }
done
exit $ok

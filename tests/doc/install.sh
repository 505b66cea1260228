#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make install DESTDIR=... PREFIX=/usr lays the binary, the man page and
# the completion, and the installed binary runs.
set -eu
. "$ROOT/tests/lib.sh"

root=$T/root
make -s -C "$ROOT" SAN= install DESTDIR="$root" PREFIX=/usr >"$T/make.log" 2>&1 ||
	{ echo "FAIL: make install"; cat "$T/make.log"; exit 1; }
for f in bin/ptecheck share/man/man1/ptecheck.1 \
	share/bash-completion/completions/ptecheck; do
	[ -s "$root/usr/$f" ] || { echo "FAIL: /usr/$f not installed"; exit 1; }
done
expect_exit 0 "$root/usr/bin/ptecheck" --version || exit 1
grep -q '^ptecheck ' "$T/out" || { echo "FAIL: --version says: $(cat "$T/out")"; exit 1; }

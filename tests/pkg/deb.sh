#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The Debian package (make deb; reused while newer than every tracked
# file): lintian finds no error; unpacked into a scratch root with dpkg -x,
# its binary runs against Debian's libclang (a dependency dpkg-shlibdeps
# found, no rpath) and gives the pristine tree's layout, and its man page,
# completion, cocci script and kernel hooks are there, the CHECK wrapper
# running the packaged binary.
set -eu
. "$ROOT/tests/lib.sh"

for tool in dpkg-buildpackage dh lintian readelf; do
	command -v "$tool" >/dev/null || skip "$tool is not installed (make deps)"
done

find_deb() {
	local debs=("$ROOT"/build/ptecheck_*.deb)

	deb=${debs[0]}
	[ -f "$deb" ]
}
# The last change to a tracked file, in seconds.
sources_mtime() {
	(cd "$ROOT" && git ls-files -z | xargs -0 stat -c %Y 2>/dev/null) |
		sort -n | tail -n 1
}
if ! find_deb || [ "$(sources_mtime)" -gt "$(stat -c %Y "$deb")" ]; then
	make -s -C "$ROOT" SAN= deb >"$T/make.log" 2>&1 || { cat "$T/make.log"; exit 1; }
	find_deb || { echo "FAIL: make deb made no .deb"; exit 1; }
fi

lintian --fail-on error "$deb" >"$T/lintian" 2>&1 || {
	echo "FAIL: lintian reports errors"; cat "$T/lintian"; exit 1; }
dpkg-deb -f "$deb" Depends | grep -q 'libclang1-14' || {
	echo "FAIL: no libclang dependency: $(dpkg-deb -f "$deb" Depends)"; exit 1; }

dest=$T/root
dpkg -x "$deb" "$dest"
if readelf -d "$dest/usr/bin/ptecheck" | grep -Eq 'RPATH|RUNPATH'; then
	echo "FAIL: the packaged binary carries an rpath"
	exit 1
fi
expect_exit 0 "$dest/usr/bin/ptecheck" --version || exit 1
grep -Eqx 'ptecheck [0-9a-z.+~-]+' "$T/out" || { cat "$T/out"; exit 1; }
version=$(cat "$T/out")

for f in usr/share/man/man1/ptecheck.1.gz \
	 usr/share/bash-completion/completions/ptecheck \
	 usr/share/ptecheck/cocci/mkdirty_housekeeping.cocci \
	 usr/share/doc/ptecheck/README.b4 usr/share/doc/ptecheck/copyright; do
	[ -f "$dest/$f" ] || { echo "FAIL: $f is not in the package"; exit 1; }
done
for f in usr/share/ptecheck/check usr/share/ptecheck/hooks/sendemail-validate \
	 usr/share/ptecheck/b4/ptecheck-perpatch; do
	[ -x "$dest/$f" ] || { echo "FAIL: $f is not an executable in the package"; exit 1; }
done
zcat "$dest/usr/share/man/man1/ptecheck.1.gz" | grep -q '^\.TH PTECHECK 1' || {
	echo "FAIL: the man page has no .TH PTECHECK 1"; exit 1; }

# Installed, the Kbuild CHECK wrapper runs the ptecheck in PATH.
PATH=$dest/usr/bin:$PATH PTECHECK_SPARSE=true \
	expect_exit 0 env -u PTECHECK "$dest/usr/share/ptecheck/check" --version || exit 1
[ "$(cat "$T/out")" = "$version" ] || { echo "FAIL: check ran $(cat "$T/out")"; exit 1; }

# It does its work: libclang and its headers come from Debian.
require_tree "$PRISTINE"
expect_exit 0 "$dest/usr/bin/ptecheck" layout --format json "$PRISTINE" || exit 1
python3 - "$T/out" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
valid = {s["name"]: s for s in doc["states"]}["valid"]
assert valid["bits"][58]["owners"] == [{"name": "PTE_UFFD_WP", "role": "sw"}], valid["bits"][58]
PY

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install from Debian 12 what ptecheck, its tests and an arm64 LLVM=1
# Kbuild need, and only what is missing: a machine that has it all prints
# nothing and touches neither apt nor the network.
set -eu

# package	why
pkgs="
	libclang-dev		libclang, the checker's parser
	llvm			llvm-config, llvm-ar/nm/objcopy for LLVM=1
	clang			LLVM=1 compiler, -fsyntax-only baseline
	lld			LLVM=1 linker
	coccinelle		spatch for cocci/*.cocci
	sparse			C=2 CHECK=sparse baseline
	flex			Kbuild host tools (kconfig, dtc)
	bison			Kbuild host tools
	bc			Kbuild: timeconst.h
	libssl-dev		Kbuild host tools: sign-file, extract-cert
	libelf-dev		Kbuild host tools: objtool, resolve_btfids
	xz-utils		unpacking /usr/src/linux-source-*.tar.xz
	git			git apply for the patched trees, ptecheck gate
	git-email		git send-email validate hook
	libmailtools-perl	git send-email: Mail::Address (a Recommends of git-email)
	libclang-rt-14-dev	make SAN=1, make fuzz: ASan/UBSan runtimes, libFuzzer
	linux-source-6.12	the kernel tree every test runs on
	linux-source-6.1	the older tree: PROT_NONE still SW bit 58, no uffd-wp
	libcmocka-dev		unit tests
	python3			Kbuild scripts, gen_compile_commands.py
	python3-jsonschema	tests: --format json against its schema
	python3-yaml		tests: the CI templates of kernel/ci/ are read as YAML
	make			everything
	gcc			builds ptecheck
	libc6-dev		headers for ptecheck and Kbuild host tools
	perl			checkpatch.pl, Kbuild scripts
	kmod			Kbuild: depmod
	cpio			Kbuild: kheaders
	time			bench: /usr/bin/time for max RSS
	clang-format		make style: the kernel's .clang-format
	groff-base		man page: build/ptecheck.1 renders without warnings (tests)
	chromium		tests: layout --format html / gate --html as a browser renders them
	debhelper		make deb: dh and debhelper-compat 13
	dpkg-dev		make deb: dpkg-buildpackage, dpkg-shlibdeps; readelf (binutils)
	build-essential		make deb: dpkg-checkbuilddeps requires it of every build
	lintian			tests: the package has no lintian error
"

missing=
for p in $(printf '%s\n' "$pkgs" | awk 'NF { print $1 }'); do
	# db:Status-Abbrev is "ii " for an installed package.
	if [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null)" != "ii " ]; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "deps: missing:$missing; run 'make deps' as root" >&2
	exit 2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive

run() {
	if ! "$@" >"$log" 2>&1; then
		tail -n 20 "$log" >&2
		echo "deps: failed: $*" >&2
		exit 2
	fi
}

echo "deps: apt-get update"
run apt-get update
echo "deps: apt-get install$missing"
# shellcheck disable=SC2086 # one word per package
run apt-get install -y --no-install-recommends $missing

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Check that each tool the tests call runs, before any test does: a
# missing one is named with its Debian package in one line, exit 2.
set -u

# package	command that must succeed
checks=(
	"coccinelle	spatch --version"
	"sparse	sparse --version"
	"clang	clang-14 --version"
	"lld	ld.lld --version"
	"llvm	llvm-config-14 --libdir"
	"libclang-dev	test -e $(llvm-config-14 --libdir 2>/dev/null)/libclang.so"
	"git	git --version"
	"git-email	git send-email --help"
	"libmailtools-perl	perl -MMail::Address -e1"
	"libcmocka-dev	test -e /usr/include/cmocka.h"
	"python3-jsonschema	python3 -c import\ jsonschema"
	"make	make --version"
	"gcc	gcc --version"
	"xz-utils	xz --version"
	"time	test -x /usr/bin/time"
	"flex	flex --version"
	"bison	bison --version"
	"bc	bc --version"
	"groff-base	groff --version"
)

for c in "${checks[@]}"; do
	pkg=${c%%	*}
	cmd=${c#*	}
	# shellcheck disable=SC2086 # the command is words
	if ! eval "$cmd" >/dev/null 2>&1 </dev/null; then
		echo "check-tools: '$cmd' fails: install Debian package $pkg (make deps)" >&2
		exit 2
	fi
done

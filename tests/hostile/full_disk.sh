#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The cache's file system fills up while a build is prepared (a 2 MB
# tmpfs; a prepared arm64 build takes some 4 MB): one line, exit 2, and
# no build, half-made or not, is left for a later run to trust. Skips
# where this machine refuses a tmpfs mount.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
cache=$T/cache
mkdir -p "$cache"
mount -t tmpfs -o size=2m tmpfs "$cache" 2>/dev/null ||
	skip "mount -t tmpfs is refused here"
trap 'umount "$cache" 2>/dev/null || umount -l "$cache"' EXIT
trap 'exit 143' TERM
export PTECHECK_CACHE=$cache
before=$(tree_checksum "$PRISTINE")

expect_one_line_error "$PTECHECK" check "$PRISTINE" || exit 1
expect_err_mentions "preparing the arm64 build failed" || exit 1
left=$(ls -A "$cache/build" | grep -v '\.lock$\|\.prepare\.log' || true)
[ -z "$left" ] || { echo "FAIL: left in the full cache: $left"; exit 1; }
[ "$(tree_checksum "$PRISTINE")" = "$before" ] || { echo "FAIL: KDIR changed"; exit 1; }

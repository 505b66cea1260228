# SPDX-License-Identifier: GPL-2.0
# Helpers for tests/**/*.sh, sourced, not run. tests/run sets ROOT, CACHE,
# PTECHECK, PRISTINE, TREES and a scratch dir T that it removes afterwards.
# A helper that finds a fault says what and returns 1; exit 77 skips.

: "${ROOT:?run through tests/run}" "${PTECHECK:?}" "${T:?}"

skip() {
	echo "skip: $*"
	exit 77
}

# require_tree DIR: skip unless `make trees` has laid DIR.
require_tree() {
	[ -d "$1" ] || skip "$1 is not built (make trees; its patches may not exist yet)"
}

# tree_checksum DIR: one line that changes when anything under DIR does.
# Path, type, size, mtime, mode and link target of every entry catch any
# write, including one through a hard link, which moves the mtime (0.5 s
# for the 1.4 GB tree); the content of arch/, include/ and mm/, where the
# patches land and what ptecheck parses, also catches a write that puts
# the mtime back (1 s). Hashing all 1.4 GB would take 6 to 16 s a call.
tree_checksum() {
	(
		cd "$1" &&
		find . -printf '%p %y %s %T@ %m %l\n' | LC_ALL=C sort &&
		find arch include mm -type f -print0 2>/dev/null |
			LC_ALL=C sort -z | xargs -0 -r sha256sum
	) | sha256sum | cut -d' ' -f1
}

# run_cmd CMD...: run, keeping status in $rc, stdout in $T/out and
# stderr in $T/err.
run_cmd() {
	rc=0
	"$@" >"$T/out" 2>"$T/err" || rc=$?
}

# show_run: what the last run_cmd printed, for a failure report.
show_run() {
	echo "  exit $rc"
	sed 's/^/  stdout: /' "$T/out" | tail -n 10
	sed 's/^/  stderr: /' "$T/err" | tail -n 10
}

# expect_exit N CMD...: CMD exits with N.
expect_exit() {
	local want=$1
	shift
	run_cmd "$@"
	if [ "$rc" != "$want" ]; then
		echo "FAIL: $*: want exit $want"
		show_run
		return 1
	fi
}

# expect_one_line_error CMD...: CMD is refused as an input or usage error:
# exit 2, and stderr is exactly one line, "ptecheck: reason".
expect_one_line_error() {
	run_cmd "$@"
	if [ "$rc" != 2 ] || [ "$(wc -l <"$T/err")" != 1 ] ||
	   ! grep -q '^ptecheck: ' "$T/err"; then
		echo "FAIL: $*: want exit 2 and one 'ptecheck: ' line on stderr"
		show_run
		return 1
	fi
}

# expect_err_mentions WORD: the last error line names WORD, so that a
# person can tell what was wrong with the input.
expect_err_mentions() {
	if ! grep -qF -- "$1" "$T/err"; then
		echo "FAIL: the error does not name '$1': $(cat "$T/err")"
		return 1
	fi
}

# gate_leftovers CACHE_DIR: what gates left in CACHE_DIR/gate beside the
# copies of KDIR kept for the next gate (pool-*, mended before each use).
gate_leftovers() {
	ls -A "$1/gate" 2>/dev/null | grep -v '^pool-' || true
}

# check_mutants ARCH DIR: apply each DIR/*.patch to $T/kdir in turn and
# check it with only the rules its "# expect: " lines name (a knock-on
# finding of another rule is not the mutant's); each must exit 1 with
# exactly those sites. Each is taken off again before the next.
check_mutants() {
	local arch=$1 dir=$2 m name want ids
	for m in "$dir"/*.patch; do
		name=$(basename "$m" .patch)
		(cd "$T/kdir" && git apply "$m")
		want=$(sed -n 's/^# expect: //p' "$m")
		ids=$(printf '%s\n' "$want" | sed -n 's/.*\[\([A-Z0-9_]*\)\]$/\1/p' | sort -u | paste -sd,)
		run_cmd "$PTECHECK" check --arch "$arch" --enable="$ids" "$T/kdir"
		if [ "$rc" != 1 ] || ! expect_sites "$want" "$T/out"; then
			echo "FAIL: mutant $name (want exit 1)"
			show_run
			return 1
		fi
		(cd "$T/kdir" && git apply -R "$m")
	done
}

# scratch_tree SRC: a copy of the kernel tree SRC at $T/kdir, made of hard
# links (1.4 GB in 2 s); edit files in it only through own_copy. Builds
# are keyed by content, so the copy shares SRC's O= build in the cache
# until an edit touches a Kconfig, Makefile or prepare input.
scratch_tree() {
	require_tree "$1"
	cp -al "$(realpath "$1")" "$T/kdir"
}

# own_results: give $T/kdir result cache entries of its own. Every copy of
# a tree shares one entry (the key has no path), so two cases that check
# copies with different edits at once replace each other's entry. An
# empty source of this case's name changes the key (it hashes the arch's
# source names) and nothing else: it names no helper, so it is not parsed.
own_results() {
	: >"$T/kdir/arch/arm64/ptecheck-case-$(basename "$T").c"
}

# build_of ARGS...: the O= directory `ptecheck check ARGS` works in (from
# its JSON summary), after that check.
build_of() {
	"$PTECHECK" check --format json "$@" 2>/dev/null |
		sed -n 's/.*"build":"\([^"]*\)".*/\1/p'
}

# configure_build KDIR O: an arm64 O= directory configured as ptecheck's
# default (defconfig with the tracking features on), for Kbuild's own runs.
configure_build() {
	mkdir -p "$2"
	make -s -C "$1" O="$2" ARCH=arm64 LLVM=1 defconfig >"$T/make.log" 2>&1
	"$1/scripts/config" --file "$2/.config" -e USERFAULTFD -e CHECKPOINT_RESTORE -e MEM_SOFT_DIRTY
	make -s -C "$1" O="$2" ARCH=arm64 LLVM=1 olddefconfig >>"$T/make.log" 2>&1
}

# own_copy FILE: break FILE's hard link before it is edited in place.
own_copy() {
	cp -p "$1" "$1.own" && mv "$1.own" "$1"
}

# findings FILE: the rule findings of gcc-format output, cut down to
# "FILE:LINE: SEVERITY [RULE_ID]", sorted and unique.
findings() {
	sed -nE 's/^([^ :]+):([0-9]+):[0-9]+: (error|warning|note): .*\[([A-Z0-9_]+)\]$/\1:\2: \3 [\4]/p' "$1" |
		LC_ALL=C sort -u
}

# The 8 housekeeping sites of kernel/variants/soft-dirty-6.12-unconverted.patch
# (all Kbuild mode sees), and the note that soft-dirty takes bit 63, the
# last free software bit (tree and -p modes, from the header probe).
LAST_FREE_NOTE="arch/arm64/include/asm/pgtable-prot.h:38: note [SWBIT_LAST_FREE]"
MKDIRTY_SITES="arch/arm64/include/asm/pgtable.h:1213: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/include/asm/pgtable.h:1355: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/contpte.c:173: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/contpte.c:230: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/contpte.c:65: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/hugetlbpage.c:137: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/hugetlbpage.c:170: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/hugetlbpage.c:443: error [MKDIRTY_HOUSEKEEPING]"
UNCONVERTED_SITES="$MKDIRTY_SITES
$LAST_FREE_NOTE"

# expect_sites WANT FILE: the findings in FILE are exactly WANT.
expect_sites() {
	if ! diff -u --label want --label got <(printf "%s\n" "$1" | sed "/^$/d" | LC_ALL=C sort -u) \
		<(findings "$2"); then
		echo "FAIL: findings differ (above)"
		return 1
	fi
}

# dump_dom PAGE OUT: the DOM Debian's headless Chromium makes of PAGE once
# its scripts have run, into OUT (tests/dom.py reads it). Skips without
# chromium. Its own profile in $T; no network, no GPU, no sandbox (root).
dump_dom() {
	command -v chromium >/dev/null || skip "chromium is not installed (make deps)"
	mkdir -p "$T/chromium"
	if ! chromium --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$T/chromium" --virtual-time-budget=2000 \
		--dump-dom "file://$(realpath "$1")" >"$2" 2>"$T/chromium.log" ||
	   ! [ -s "$2" ]; then
		echo "FAIL: chromium could not render $1"
		tail -n 5 "$T/chromium.log"
		return 1
	fi
}

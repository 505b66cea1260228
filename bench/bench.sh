#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Time ptecheck against what a kernel developer runs anyway, on one
# prepared tree, in one run, on this machine: sparse through Kbuild, clang
# -fsyntax-only on the same TUs, and the rule's spatch script. Each is
# timed 3 times after an untimed warm-up; the table holds the median time
# and the largest max RSS of the 3 (of the biggest single process: that is
# what GNU time reports for a process tree). Written to build/bench.txt.
#
#   bench/bench.sh [KDIR]	default: $CACHE/trees/soft-dirty-6.12-unconverted
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${CACHE:-}" ]; then
	CACHE=${PTECHECK_CACHE:-${XDG_CACHE_HOME:+$XDG_CACHE_HOME/ptecheck}}
	CACHE=${CACHE:-$HOME/.cache/ptecheck}
fi
kdir=${1:-$CACHE/trees/soft-dirty-6.12-unconverted}
if [ $# = 0 ] && [ ! -d "$kdir" ]; then
	echo "bench: $kdir not built (its patch is not in kernel/ yet), using the pristine tree"
	kdir=$CACHE/linux-source-6.12
fi
[ -f "$kdir/Makefile" ] || { echo "bench: $kdir: no kernel tree (make trees)" >&2; exit 2; }
kdir=$(cd "$kdir" && pwd)
o=$CACHE/bench-build/$(basename "$kdir")
ptecheck=$root/build/ptecheck
cocci=$root/cocci/mkdirty_housekeeping.cocci
out=$root/build/bench.txt
kmake=(make -s -C "$kdir" ARCH=arm64 LLVM=1 O="$o")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# quiet CMD...: run CMD, show its tail only if it fails.
quiet() {
	if ! "$@" >"$tmp/log" 2>&1; then
		tail -n 20 "$tmp/log" >&2
		echo "bench: failed: $*" >&2
		exit 2
	fi
}

# The configuration ptecheck defaults to: defconfig with every tracking
# feature on. The objects are built once, so that C=2 below runs only the
# checker.
echo "bench: preparing $o (defconfig + soft-dirty, uffd; building arch/arm64/mm/)"
mkdir -p "$o"
quiet "${kmake[@]}" defconfig
quiet "$kdir/scripts/config" --file "$o/.config" \
	-e USERFAULTFD -e CHECKPOINT_RESTORE -e MEM_SOFT_DIRTY
quiet "${kmake[@]}" olddefconfig
quiet "${kmake[@]}" -j2 arch/arm64/mm/

# The compiler command of every C object in arch/arm64/mm/, made into a
# syntax check: -c -o FILE becomes -fsyntax-only, the depfile goes.
ntu=0
: >"$tmp/syntax.sh"
for cmd in "$o"/arch/arm64/mm/.*.o.cmd; do
	case $(sed -n 's/^source_[^ ]* := //p' "$cmd") in
	*.c) ;;
	*) continue ;;
	esac
	sed -n '1s/^savedcmd_[^ ]* := //p' "$cmd" |
		sed -e 's/ -Wp,-MMD,[^ ]*//' -e 's/ -c -o [^ ]* / -fsyntax-only /' >>"$tmp/syntax.sh"
	ntu=$((ntu + 1))
done

# timed NAME OK_EXITS CMD...: warm up, then 3 timed runs; an exit status
# outside OK_EXITS (a regex) fails the bench.
timed() {
	local name=$1 ok=$2 i rc
	shift 2
	echo "bench: $name"
	for i in 0 1 2 3; do
		rc=0
		(cd "$o" && /usr/bin/time -f '%e %M' -o "$tmp/time" "$@") \
			>"$tmp/log" 2>&1 || rc=$?
		if ! [[ $rc =~ ^($ok)$ ]]; then
			tail -n 20 "$tmp/log" >&2
			echo "bench: $name: exit $rc" >&2
			exit 2
		fi
		# GNU time adds a "Command exited" line on nonzero exits.
		[ "$i" = 0 ] || tail -n 1 "$tmp/time" >>"$tmp/$name.runs"
	done
	cp "$tmp/log" "$tmp/$name.log"
	sort -n "$tmp/$name.runs" | sed -n 2p | cut -d' ' -f1 >"$tmp/$name.secs"
	sort -n -k2 "$tmp/$name.runs" | tail -n 1 | cut -d' ' -f2 >"$tmp/$name.kb"
}

checked() {
	sed -n 's/.* in \([0-9]*\) files checked.*/\1/p' "$tmp/$1.log"
}

# Rows: name|label|TUs|jobs.
rows=()
# --no-cache: the analysis itself; the next row is a re-run that reuses it.
timed ptecheck '0|1' "$ptecheck" check --no-cache --build "$o" "$kdir"
rows+=("ptecheck|ptecheck check --no-cache --build O KDIR|$(checked ptecheck)|-j$(nproc)")
timed ptecheck_cached '0|1' "$ptecheck" check --build "$o" "$kdir"
rows+=("ptecheck_cached|ptecheck check, unchanged re-run (result cache)|$(checked ptecheck_cached)|-j$(nproc)")
# The whole configuration matrix, warm (its 6 builds made by the warm-up).
timed ptecheck_matrix '0|1' "$ptecheck" check --no-cache --matrix "$kdir"
rows+=("ptecheck_matrix|ptecheck check --no-cache --matrix KDIR (6 configs)|$(checked ptecheck_matrix)|-j$(nproc)")
# Kbuild mode, as make runs it; CHECK=true is Kbuild's own time, taken off
# both checkers in the targets below. The header cache is made by the
# warm-up, as by the first file of a real build.
timed kbuild_true '0' "${kmake[@]}" -j2 C=2 CHECK=true arch/arm64/mm/
rows+=("kbuild_true|make -j2 C=2 CHECK=true arch/arm64/mm/ (Kbuild)|$ntu|-j2")
# --no-cache: every file parsed again (the analysis itself, the target's
# row); the next row is make C=2 again on unchanged files, each file's
# findings reused from its own cache entry.
timed kbuild_ptecheck '0' "${kmake[@]}" -j2 C=2 CHECK="$ptecheck --no-cache" arch/arm64/mm/
rows+=("kbuild_ptecheck|make -j2 C=2 CHECK='ptecheck --no-cache' arch/arm64/mm/|$ntu|-j2")
timed kbuild_ptecheck_cached '0' "${kmake[@]}" -j2 C=2 CHECK="$ptecheck" arch/arm64/mm/
rows+=("kbuild_ptecheck_cached|make -j2 C=2 CHECK=ptecheck arch/arm64/mm/, unchanged|$ntu|-j2")
timed kbuild_sparse '0' "${kmake[@]}" -j2 C=2 CHECK=sparse arch/arm64/mm/
rows+=("kbuild_sparse|make -j2 C=2 CHECK=sparse arch/arm64/mm/|$ntu|-j2")
# The gate of the project's 2-patch series on the pristine tree, warm.
pristine=$CACHE/linux-source-6.12
series=$root/kernel/series/soft-dirty-6.12
if [ -d "$pristine" ] && [ -d "$series" ]; then
	timed gate '0|1' "$ptecheck" gate "$pristine" "$series"
	rows+=("gate|ptecheck gate 6.12 kernel/series/soft-dirty-6.12 (2)|-|-j$(nproc)")
	timed check_pristine '0' "$ptecheck" check --no-cache "$pristine"
	rows+=("check_pristine|ptecheck check --no-cache 6.12 (gate's base)|$(checked check_pristine)|-j$(nproc)")
fi
# Like for like: every TU of the build's compile_commands.json under
# arch/arm64 (arch/arm64/mm/ and what prepare compiled), no pre-filter.
quiet python3 "$kdir/scripts/clang-tools/gen_compile_commands.py" -d "$o" \
	-o "$o/compile_commands.json"
timed ptecheck_all '0|1' "$ptecheck" check --all-files -p "$o" "$kdir"
rows+=("ptecheck_all|ptecheck check --all-files -p O KDIR|$(sed -n 's/.* in \([0-9]*\) files checked.*/\1/p' "$tmp/ptecheck_all.log")|-j$(nproc)")
timed sparse '0' "${kmake[@]}" C=2 CHECK=sparse arch/arm64/mm/
rows+=("sparse|make C=2 CHECK=sparse arch/arm64/mm/|$ntu|-j1")
timed clang '0' sh "$tmp/syntax.sh"
rows+=("clang|clang -fsyntax-only, same TUs|$ntu|-j1")
if [ -f "$cocci" ]; then
	timed spatch '0' spatch --sp-file "$cocci" -D report \
		--dir "$kdir/arch/arm64" --include-headers --very-quiet
	rows+=("spatch|spatch ${cocci#"$root"/} arch/arm64|-|-j1")
else
	echo "bench: ${cocci#"$root"/} not there yet, spatch not timed"
fi

# One row per other arch the data knows: ptecheck check on its default
# configuration (the arch data's features on), against sparse on the same
# build's arch/A/mm/ (sparse 0.6.4 knows each arch the data has so far).
for def in "$root"/checker/arch/*.def; do
	a=$(sed -n 's/^arch[[:space:]]*//p' "$def")
	[ "$a" != arm64 ] || continue
	tc=$(sed -n 's/^toolchain[[:space:]]*//p' "$def")
	feat=$(sed -n 's/^feature[[:space:]]*//p' "$def" | sed 's/[^ ][^ ]*/-e &/g')
	dc=$(sed -n 's/^defconfig[[:space:]]*//p' "$def")
	oa=$CACHE/bench-build/$a-$(basename "$kdir")
	# shellcheck disable=SC2206 # make variables, one word each
	amake=(make -s -C "$kdir" ARCH="$a" ${tc:-LLVM=1} O="$oa")
	echo "bench: preparing $oa ($a $dc + the arch data's features; building arch/$a/mm/)"
	mkdir -p "$oa"
	quiet "${amake[@]}" "$dc"
	# shellcheck disable=SC2086 # -e SYMBOL pairs
	quiet "$kdir/scripts/config" --file "$oa/.config" $feat
	quiet "${amake[@]}" olddefconfig
	quiet "${amake[@]}" -j2 "arch/$a/mm/"
	o=$oa timed "ptecheck_$a" '0|1' "$ptecheck" check --no-cache --arch "$a" --build "$oa" "$kdir"
	rows+=("ptecheck_$a|ptecheck check --no-cache --arch $a --build O KDIR|$(sed -n 's/.* in \([0-9]*\) files checked.*/\1/p' "$tmp/ptecheck_$a.log")|-j$(nproc)|sparse_$a")
	o=$oa timed "sparse_$a" '0' "${amake[@]}" C=2 CHECK=sparse "arch/$a/mm/"
	# Its subdirectories too, which C=2 checks as well (powerpc's
	# book3s64/, x86's pat/).
	nobjs=$(find "$oa/arch/$a/mm" -name '*.o' | wc -l)
	rows+=("sparse_$a|make ARCH=$a C=2 CHECK=sparse arch/$a/mm/|$nobjs|-j1|sparse_$a")
done
# Core mm: the two core mm rules alone (header probe, then the mm/ and
# fs/proc/task_mmu.c sources that name a tracking helper) against sparse
# over mm/ on the same build; mm/ is built once first so that C=2 runs
# only the checker.
core_rules=WRONG_STATE_HELPER,TRACKING_DROPPED
echo "bench: building mm/ once for the core mm row"
quiet "${kmake[@]}" -j2 mm/
timed ptecheck_core '0|1' "$ptecheck" check --no-cache --build "$o" --enable=$core_rules "$kdir"
ncore=$(sed -n 's/.* in \([0-9]*\) files checked.*/\1/p' "$tmp/ptecheck_core.log")
timed sparse_mm '0' "${kmake[@]}" C=2 CHECK=sparse mm/
nmm=$(ls "$o"/mm/.*.o.cmd | wc -l)

sparse=$(cat "$tmp/sparse.secs")
secs() {
	cat "$tmp/$1.secs"
}
ratio() {
	printf '%.2f' "$(echo "$1 / $2" | bc -l)"
}
mkdir -p "$root/build"
{
	echo "ptecheck bench, $(date -u +%Y-%m-%d), $(nproc) CPUs, tree $(basename "$kdir")"
	echo "config: arm64 defconfig + USERFAULTFD CHECKPOINT_RESTORE MEM_SOFT_DIRTY; O=$o"
	echo "median of 3 warm runs; max RSS of the biggest process; arch/arm64/mm/ has $ntu C TUs;"
	echo "ptecheck parses only the TUs that can hold findings (the --all-files row parses every"
	echo "TU of the build, 1 is the header probe); sparse's time includes Kbuild's own"
	echo
	printf '%-52s %4s %5s %8s %7s %9s\n' tool TUs jobs seconds "RSS MB" "vs sparse"
	for r in "${rows[@]}"; do
		# Other arches compare with their own sparse row.
		IFS='|' read -r name label tus jobs ref <<<"$r"
		secs=$(cat "$tmp/$name.secs")
		base=$sparse
		[ -z "$ref" ] || base=$(cat "$tmp/$ref.secs")
		printf '%-52s %4s %5s %8.2f %7d %8.2fx\n' "$label" "${tus:-?}" "$jobs" "$secs" \
			$(($(cat "$tmp/$name.kb") / 1024)) "$(echo "$secs / $base" | bc -l)"
	done
	echo
	echo "targets (same-run ratios)"
	kb_true=$(secs kbuild_true)
	kb_pte=$(echo "$(secs kbuild_ptecheck) - $kb_true" | bc -l)
	kb_sparse=$(echo "$(secs kbuild_sparse) - $kb_true" | bc -l)
	echo "  Kbuild mode vs sparse, both net of CHECK=true: $(ratio "$kb_pte" "$kb_sparse")x (target <= 1.0); unchanged files: $(ratio "$(echo "$(secs kbuild_ptecheck_cached) - $kb_true" | bc -l)" "$kb_sparse")x"
	echo "  ptecheck check vs sparse: $(ratio "$(secs ptecheck)" "$sparse")x (target <= 0.5)"
	echo "  unchanged re-run: $(secs ptecheck_cached) s (target <= 1 s)"
	echo "  --matrix (6 configs) vs one check: $(ratio "$(secs ptecheck_matrix)" "$(secs ptecheck)")x (target <= 3)"
	if [ -f "$tmp/gate.secs" ]; then
		echo "  gate of 2 patches vs one check of its base: $(ratio "$(secs gate)" "$(secs check_pristine)")x (target <= 3)"
	fi
	echo "  ptecheck's peak RSS: $(($(cat "$tmp"/ptecheck*.kb "$tmp"/kbuild_ptecheck.kb \
		"$tmp"/gate.kb "$tmp"/check_pristine.kb 2>/dev/null | sort -n | tail -n 1) / 1024)) MB (target <= 300)"
	echo "core mm ($core_rules), against sparse over mm/ ($nmm objects):"
	for name in ptecheck_core sparse_mm; do
		secs=$(cat "$tmp/$name.secs")
		printf '%-52s %4s %5s %8.2f %7d %8.2fx\n' \
			"$([ $name = sparse_mm ] && echo 'make C=2 CHECK=sparse mm/' ||
				echo "ptecheck check --enable=<core mm rules>")" \
			"$([ $name = sparse_mm ] && echo "$nmm" || echo "$ncore")" \
			"$([ $name = sparse_mm ] && echo -j1 || echo "-j$(nproc)")" "$secs" \
			$(($(cat "$tmp/$name.kb") / 1024)) \
			"$(echo "$secs / $(cat "$tmp/sparse_mm.secs")" | bc -l)"
	done
} | tee "$out"
echo "bench: written to ${out#"$root"/}"

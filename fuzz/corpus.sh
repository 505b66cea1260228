#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Seed corpora for `make fuzz` from real files: OUT KDIR CACHE.
set -e
out=$1 kdir=$2 cache=$3
mkdir -p "$out/arch_data" "$out/config" "$out/flags" "$out/swap_comment" \
	"$out/serial" "$out/baseline" "$out/suppress" "$out/options" \
	"$out/patch_check"
cp checker/arch/*.def "$out/arch_data/"
i=0
for f in "$kdir"/arch/arm64/configs/defconfig "$kdir"/arch/x86/configs/*_defconfig \
	$(find "$cache" -maxdepth 5 -name .config 2>/dev/null | head -4); do
	[ -f "$f" ] && cp "$f" "$out/config/$i" && i=$((i + 1))
done
i=0
for f in $(find "$cache" -maxdepth 8 -name '*.o.cmd' -size -64k 2>/dev/null |
	   head -40); do
	cp "$f" "$out/flags/$i" && i=$((i + 1))
done
for f in "$kdir"/arch/arm64/include/asm/pgtable.h \
	"$kdir"/arch/x86/include/asm/pgtable_64.h \
	"$kdir"/arch/riscv/include/asm/pgtable.h; do
	name=${f#"$kdir"/arch/}
	[ -f "$f" ] && cp "$f" "$out/swap_comment/${name%%/*}-${f##*/}"
done
build/fuzz/seeds "$out/serial/seed" "$out/baseline/seed"
cp "$out/baseline/seed" "$out/suppress/plain"
grep -rh 'ptecheck-ignore' tests | head -20 >"$out/suppress/ignore" || true
printf 'check\0--arch\0x86\0--format\0json\0-j\0003\0--enable\0pte_dirty\0k' \
	>"$out/options/check"
printf -- '-p\0build\0--matrix\0--baseline\0b\0--fail-on\0error\0kdir\0' \
	>"$out/options/compdb"
# What git apply says of the project's own patches and of hostile ones.
i=0
for p in kernel/series/*/0*.patch kernel/variants/*.patch \
	kernel/variants/*/0*.patch tests/hostile/data/*.patch; do
	[ -f "$p" ] || continue
	{ printf '\0'; git apply --numstat -z "$p" || true; printf '\377'
	  git apply --summary "$p" || true; } >"$out/patch_check/$i" 2>/dev/null
	i=$((i + 1))
done
printf '\0010\t0\ta/b\0\377 rename a/{b => ../c}/d (90%%)\n mode change 100644 => 100755 x\n' \
	>"$out/patch_check/rename"
printf '\000-\t-\tbin\0\377 create mode 120000 l\n' >"$out/patch_check/binary"

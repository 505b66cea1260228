#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Lay out the kernel trees the tests and the demo run on, under CACHE:
#
#   linux-source-V/	Debian's /usr/src/linux-source-V.tar.xz, unpacked once
#   trees/NAME/		a hard-link copy of it with the project's patches on top
#
# NAME comes from kernel/series/NAME/0*.patch (cover letter skipped, applied
# in order) or kernel/variants/NAME.patch; V is the first N.N in NAME.
# The pristine trees are never written: git apply replaces a file it
# changes by a new one, so the links in the copy are broken, not followed
# (checked below for every file a patch touches).
set -eu

cache=${1:?usage: trees.sh CACHE}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$cache/trees"
cache=$(cd "$cache" && pwd)

tmp=
cleanup() {
	if [ -n "$tmp" ]; then
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

die() {
	echo "trees: $*" >&2
	exit 2
}

# One 'make trees' at a time on a cache: two at once (the suite of one
# checkout and the bench of another) would race on DIR.meta.new and each
# take the other's tree for a changed one. The lock dies with the process.
exec 9>"$cache/.trees.lock"
if ! flock -n 9; then
	echo "trees: waiting for another 'make trees' on $cache"
	flock 9
fi

# meta DIR: path, type, size, mtime, mode and link target of everything:
# any write into the tree changes it (a write through a hard link moves
# the mtime), in a second for 1.4 GB, without reading file contents.
# meta DIR FILE...: a patched copy. A write through a link it shares with
# its pristine tree shows in the pristine's meta, checked first; so only
# its names, types and inodes (readdir's, no stat: a third of the time),
# and the full line of each FILE of its own, the ones its patches wrote.
# The listing goes to DIR.meta.new and is kept as DIR.meta with the
# stamp, to name what changed next time.
meta() {
	local dir=$1 f
	shift
	if [ $# = 0 ]; then
		(cd "$dir" && find . -printf '%p %y %s %T@ %m %l\n')
	else
		(cd "$dir" && find . -printf '%p %y %i\n' &&
		 for f in "$@"; do
			 if [ -e "$f" ]; then
				 stat -c './%n %F %s %Y %a' -- "$f"
			 fi
		 done)
	fi | LC_ALL=C sort >"$dir.meta.new"
	sha256sum <"$dir.meta.new" | cut -d' ' -f1
}

# unchanged DIR STAMP [FILE...]: the tree still matches line 2 of its
# stamp.
unchanged() {
	local dir=$1 st=$2
	shift 2
	if [ "$(sed -n 2p "$st")" = "$(meta "$dir" "$@")" ]; then
		mv "$dir.meta.new" "$dir.meta"
		return 0
	fi
	echo "trees: ${dir#"$cache"/} was written to since it was laid, changed:"
	if [ -f "$dir.meta" ]; then
		LC_ALL=C comm -3 "$dir.meta" "$dir.meta.new" | awk '{ print $1 }' |
			uniq | head -n 5 | sed 's/^/trees:   /'
	fi
	rm -f "$dir.meta.new"
	return 1
}

# stamp DIR STAMP LINE1 [LINE3 [FILE...]]: record a freshly laid tree.
stamp() {
	local dir=$1 st=$2 line1=$3 line3=${4:-}
	shift $(($# < 4 ? $# : 4))
	printf '%s\n%s\n' "$line1" "$(meta "$dir" "$@")" >"$st"
	if [ -n "$line3" ]; then
		echo "$line3" >>"$st"
	fi
	mv "$dir.meta.new" "$dir.meta"
}

# Make sure $cache/linux-source-$1 is the Debian tarball, unpacked and
# untouched. Its stamp (outside the tree, which stays as the tarball has
# it) holds the tarball's size and mtime, so a new Debian upload
# re-extracts; the tree's meta, so a tree written to is re-extracted; and
# when it was laid, so the patched copies follow a re-extraction.
checked_versions=" "
pristine() {
	local v=$1 tarball=/usr/src/linux-source-$1.tar.xz
	local dir=$cache/linux-source-$1 st=$cache/linux-source-$1.stamp
	local want

	# Once a run: the patched copies of one version all ask.
	case $checked_versions in
	*" $v "*) return 0 ;;
	esac
	checked_versions="$checked_versions$v "
	[ -f "$tarball" ] || die "$tarball missing: run 'make deps'"
	want=$(stat -c '%s %Y' "$tarball")
	if [ -d "$dir" ] && [ -f "$st" ]; then
		if [ "$(sed -n 1p "$st")" != "$want" ]; then
			echo "trees: $tarball changed, re-extracting"
		elif unchanged "$dir" "$st"; then
			return 0
		fi
	elif [ -d "$dir" ]; then
		# Unpacked by someone else: adopt it if it is the whole
		# tarball, unchanged and with nothing added.
		echo "trees: checking unstamped linux-source-$v against $tarball"
		if (cd "$cache" && tar -dJf "$tarball" >/dev/null 2>&1) &&
		   [ "$(tar -tJf "$tarball" | wc -l)" = "$(cd "$cache" && find "linux-source-$v" | wc -l)" ]; then
			stamp "$dir" "$st" "$want" "$(date +%s.%N)"
			echo "trees: linux-source-$v matches, adopted"
			return 0
		fi
		echo "trees: linux-source-$v differs from $tarball"
	fi

	rm -f "$st"
	tmp=$(mktemp -d "$cache/.extract-$v.XXXXXX")
	echo "trees: extracting $tarball"
	tar -xJf "$tarball" -C "$tmp"
	[ -d "$tmp/linux-source-$v" ] || die "$tarball has no linux-source-$v/"
	if [ -d "$dir" ]; then
		mv "$dir" "$tmp/old"
	fi
	mv "$tmp/linux-source-$v" "$dir"
	stamp "$dir" "$st" "$want" "$(date +%s.%N)"
	rm -rf "$tmp"
	tmp=
}

# patched NAME PATCH...: $cache/trees/NAME = pristine + PATCHes. Line 1 of
# its stamp sums the patches and the pristine's stamp: an edited, added or
# removed patch, or a re-extraction, rebuilds it; so does a write into it.
patched() {
	local name=$1 v base dir st want p f own
	shift
	v=$(printf '%s\n' "$name" | grep -o '[0-9]\+\.[0-9]\+' | head -n 1)
	[ -n "$v" ] || die "$name: no kernel version (N.N) in the name"
	if [ ! -f "/usr/src/linux-source-$v.tar.xz" ]; then
		echo "trees: skipping $name: linux-source-$v is not installed"
		return 0
	fi
	base=$cache/linux-source-$v
	dir=$cache/trees/$name
	st=$dir.stamp
	pristine "$v"

	# The files the patches write; "meta 2" names this meta's form, so a
	# stamp of an older form rebuilds the tree instead of calling it
	# written to.
	mapfile -t own < <(for p in "$@"; do git apply --numstat "$p" | cut -f3; done |
		LC_ALL=C sort -u)
	want=$( (echo "meta 2"; cat "$base.stamp"; cd "$root" && sha256sum "${@#"$root"/}") |
		sha256sum | cut -d' ' -f1)
	if [ -d "$dir" ] && [ -f "$st" ] &&
	   [ "$(sed -n 1p "$st")" = "$want" ] &&
	   unchanged "$dir" "$st" "${own[@]}"; then
		return 0
	fi

	echo "trees: building $name ($# patch(es) on linux-source-$v)"
	rm -f "$st"
	tmp=$(mktemp -d "$cache/trees/.$name.XXXXXX")
	cp -al "$base" "$tmp/t"
	for p in "$@"; do
		# The ceiling keeps git from taking a repository above CACHE
		# as the one to apply in.
		if ! (cd "$tmp/t" && GIT_CEILING_DIRECTORIES=$tmp \
		      git apply --whitespace=nowarn "$p") 2>"$tmp/err"; then
			rm -rf "$dir" "$dir.meta"
			die "${p#"$root"/} does not apply to linux-source-$v: $(grep -m1 -v '^warning' "$tmp/err" | sed 's/^error: //')"
		fi
		# The same inode in both trees would mean the write went
		# through the link into the pristine tree.
		git apply --numstat "$p" | cut -f3 | while read -r f; do
			if [ -e "$base/$f" ] &&
			   [ "$(stat -c %i "$base/$f")" = "$(stat -c %i "$tmp/t/$f")" ]; then
				rm -f "$base.stamp"
				die "git apply wrote $f in place: linux-source-$v is damaged, rerun to re-extract"
			fi
		done || exit 2
	done
	rm -rf "$dir"
	mv "$tmp/t" "$dir"
	stamp "$dir" "$st" "$want" "" "${own[@]}"
	rm -rf "$tmp"
	tmp=
}

# The default KDIR and the older tree the tests also run on, whether or
# not any patch needs them.
pristine 6.12
pristine 6.1

found=
shopt -s nullglob
for d in "$root"/kernel/series/*/; do
	name=$(basename "$d")
	patches=()
	for p in "$d"0*.patch; do
		case $(basename "$p") in
		0000-cover-letter.patch) ;;
		*) patches+=("$p") ;;
		esac
	done
	if [ ${#patches[@]} = 0 ]; then
		echo "trees: skipping $name: kernel/series/$name/ has no patches yet"
		continue
	fi
	patched "$name" "${patches[@]}"
	found=1
done
for p in "$root"/kernel/variants/*.patch; do
	patched "$(basename "$p" .patch)" "$p"
	found=1
done
if [ -z "$found" ]; then
	echo "trees: no patches under kernel/series/ or kernel/variants/ yet, no patched trees"
fi

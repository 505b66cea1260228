#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The bash completion, sourced in bash, completes commands, options,
# formats and rule ids from the binary it completes.
set -eu
. "$ROOT/tests/lib.sh"

mkdir -p "$T/bin"
ln -s "$PTECHECK" "$T/bin/ptecheck"
PATH=$T/bin:$PATH
. "$ROOT/doc/ptecheck.bash-completion"
complete -p ptecheck | grep -q -- '-F _ptecheck' ||
	{ echo "FAIL: no completion for ptecheck"; exit 1; }

completes() {
	local want=$1
	shift
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_ptecheck
	if [ "${COMPREPLY[*]}" != "$want" ]; then
		echo "FAIL: '$*' completes to '${COMPREPLY[*]}', want '$want'"
		return 1
	fi
}
completes check ptecheck ch
completes --format ptecheck check --for
completes "gcc json checkpatch sarif b4" ptecheck check --format ""
completes "text checkpatch json sarif b4" ptecheck gate --format ""
completes --trust ptecheck gate --tr
completes MKDIRTY_HOUSEKEEPING ptecheck check --enable MKD
completes MKDIRTY_HOUSEKEEPING,SWAP_MIRROR ptecheck check --disable MKDIRTY_HOUSEKEEPING,SWAP_M

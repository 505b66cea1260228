#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Progress: on a terminal (script's pseudo-terminal, stdout to a file),
# one line on stderr, rewritten in place for each phase ("parsing the
# arm64 headers", "parsing N/M TUs: FILE"), cut to the terminal's width
# and erased before the summary; nothing of it when stderr is a pipe, or
# with --quiet. --quiet also leaves out warnings, not errors. The gate's
# "patch k/n" line is checked in tests/gate/formats.sh.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
command -v script >/dev/null || skip "script (util-linux) is not installed"
cols=40

# on_tty FILE CMD: CMD's stderr on a pseudo-terminal $cols wide, into FILE
# (stdin is /dev/null: script would read the test runner's list of cases).
on_tty() {
	local file=$1
	shift
	script -qec "stty cols $cols; $* >'$T/out'" /dev/null </dev/null >"$file"
}

on_tty "$T/tty" "'$PTECHECK' check --no-cache '$PRISTINE'"
python3 - "$T/tty" "$cols" <<'PY'
import re, sys
tty = open(sys.argv[1], "rb").read().decode()
cols = int(sys.argv[2])
erase = "\r\x1b[K"
# Everything up to the last erase is the progress line: never a newline.
line, _, rest = tty.rpartition(erase)
assert line, repr(tty)
assert "\n" not in line, repr(line)
shown = [s for s in line.split(erase) if s]
assert shown[0] == "ptecheck: parsing the arm64 headers", shown
tus = [s for s in shown if re.match(r"ptecheck: parsing \d+/\d+ TUs: ", s)]
assert tus, shown
total = {int(re.match(r"ptecheck: parsing \d+/(\d+)", s).group(1)) for s in tus}
assert len(total) == 1 and total.pop() >= 3, tus
assert any(s.startswith("ptecheck: parsing 1/") for s in tus), tus
# Cut to the terminal: a wrapped line could not be rewritten.
assert all(len(s) < cols for s in shown), [s for s in shown if len(s) >= cols]
assert any(len(s) == cols - 1 for s in tus), tus  # the long paths were cut
# After the erase: the summary, on a line of its own.
assert re.fullmatch(r"ptecheck: 0 errors, .*\r\n", rest), repr(rest)
PY

# Piped: no progress, no terminal control, only the summary.
expect_exit 0 "$PTECHECK" check "$PRISTINE" || exit 1
if grep -q $'[\r\x1b]' "$T/err" || [ "$(wc -l <"$T/err")" != 1 ] ||
	! grep -q '^ptecheck: 0 errors' "$T/err"; then
	echo "FAIL: piped: want the summary line only"
	show_run
	exit 1
fi

# --quiet on a terminal: no progress line.
on_tty "$T/tty" "'$PTECHECK' check --no-cache --quiet '$PRISTINE'"
if grep -q 'parsing' "$T/tty" || grep -q $'\x1b' "$T/tty"; then
	echo "FAIL: --quiet: progress shown: $(od -c "$T/tty" | head)"
	exit 1
fi

# Warnings: a source that does not compile (Kbuild mode, one TU).
printf 'int broken(void)\n{\n\treturn 1 +;\n}\n' >"$T/broken.c"
inc=-I$PRISTINE/arch/arm64/include
expect_exit 0 "$PTECHECK" "$inc" "$T/broken.c" || exit 1
# (With the arch include alone the header probe does not compile either:
# Kbuild mode warns about it before the file is pre-filtered.)
grep -q "^ptecheck: .* not compile" "$T/err" || { show_run; exit 1; }
expect_exit 0 "$PTECHECK" --quiet "$inc" "$T/broken.c" || exit 1
[ ! -s "$T/err" ] || { echo "FAIL: --quiet: a warning shown"; show_run; exit 1; }
# Errors still show.
expect_one_line_error "$PTECHECK" check --quiet "$T/no-such-tree" || exit 1
expect_err_mentions "no-such-tree"

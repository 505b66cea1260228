#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Turn the leading comment of each checker/rules/<id>.c into the RULES
# section of ptecheck(1): the same text `ptecheck explain` prints, so that
# a rule is documented once, beside its code.
set -eu
echo ".SH RULES"
for f in "$@"; do
	awk '
		function esc(s) {
			gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s)
			if (s ~ /^[.'\'']/) s = "\\&" s
			return s
		}
		/^\/\*/ && !started { started = 1; next }
		started && /^ \*\// { exit }
		!started { next }
		{ sub(/^ \* ?/, ""); sub(/^ \*$/, "") }
		!head {
			# "ID: summary" opens the entry as a tagged paragraph.
			id = $0; sub(/:.*/, "", id); rest = $0
			sub(/^[^:]*: */, "", rest)
			printf ".TP\n.B %s\n%s\n", esc(id), esc(rest)
			head = 1; next
		}
		/^$/ { if (!code) print ".IP"; else blank = 1; next }
		/^  / {
			if (!code) { print ".RS\n.nf"; code = 1 }
			if (blank) { print ""; blank = 0 }
			sub(/^  /, ""); print esc($0); next
		}
		{
			if (code) { print ".fi\n.RE\n.IP"; code = 0; blank = 0 }
			print esc($0)
		}
		END { if (code) print ".fi\n.RE" }
	' "$f"
done

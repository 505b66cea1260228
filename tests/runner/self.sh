#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tests/run itself: a .t command ending in "| grep" keeps ptecheck's exit
# status, a run whose every case skipped fails, cases run two at a time,
# and a "# check-serial" case runs alone.
set -eu
. "$ROOT/tests/lib.sh"

mkdir "$T/cases"
cat >"$T/cases/pipe.t" <<'CASE'
# check-name: a refused tree is exit 2 through a grep
# check-command: ptecheck check /nonexistent/kdir 2>&1 | grep -q ptecheck
# check-exit: 2
CASE
cat >"$T/cases/skip.t" <<'CASE'
# check-name: a tree that is not laid
# check-tree: no-such-tree
# check-command: ptecheck check $KDIR
CASE

expect_exit 0 "$ROOT/tests/run" "$T/cases/pipe.t" || exit 1
grep -q '^PASS: .*pipe.t' "$T/out" || { show_run; exit 1; }
expect_exit 1 "$ROOT/tests/run" "$T/cases/skip.t" || exit 1
grep -qx 'every case was skipped' "$T/out" || { show_run; exit 1; }
# One pass among skips is a pass.
expect_exit 0 "$ROOT/tests/run" "$T/cases" || exit 1

# Two cases run at once: each waits (10 s at most) for the other to start.
mkdir "$T/pair"
for me in a b; do
	other=$([ $me = a ] && echo b || echo a)
	cat >"$T/pair/$me.sh" <<CASE
#!/bin/bash
touch "$T/pair/started-$me"
for i in \$(seq 100); do
	[ -e "$T/pair/started-$other" ] && exit 0
	sleep 0.1
done
exit 1
CASE
	chmod +x "$T/pair/$me.sh"
done
expect_exit 0 env JOBS=2 "$ROOT/tests/run" "$T/pair" || exit 1
grep -q '^2 passed, 0 failed$' "$T/out" || { show_run; exit 1; }
# "# check-serial" runs a case alone: the pair cannot meet.
rm -f "$T"/pair/started-*
sed -i '2i # check-serial' "$T/pair/a.sh"
expect_exit 1 env JOBS=2 "$ROOT/tests/run" "$T/pair" || exit 1
grep -q '^FAIL: .*a.sh' "$T/out" || { show_run; exit 1; }

# A case that reads its standard input (script(1) does, whatever bash
# gives a background job) does not eat the list of the cases still to run.
mkdir "$T/stdin"
printf '#!/bin/bash\nscript -qec "sleep 1" /dev/null >/dev/null\n' >"$T/stdin/a.sh"
printf '#!/bin/bash\nsleep 2\n' >"$T/stdin/b.sh"
printf '#!/bin/bash\nexit 0\n' >"$T/stdin/c.sh"
chmod +x "$T"/stdin/*.sh
expect_exit 0 env JOBS=2 "$ROOT/tests/run" "$T/stdin" || exit 1
grep -q '^3 passed, 0 failed$' "$T/out" || { show_run; exit 1; }

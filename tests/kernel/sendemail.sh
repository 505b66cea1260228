#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# kernel/hooks/sendemail-validate under a real `git send-email --validate`
# (core.hooksPath -> kernel/hooks), mailing through a sendmail-like
# --smtp-server that stores each message. Each outgoing patch is gated
# alone against the pristine tree, so the good case is 0001 of the series
# (0002 needs it applied first). Sent: a cover letter (no diff, nothing to
# gate) and 0001 (clean). Refused, with nothing stored: the unconverted
# variant (8 MKDIRTY_HOUSEKEEPING errors), and any patch when
# PTECHECK_KDIR is unset.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
[ -x "$(git --exec-path)/git-send-email" ] ||
	skip "git send-email is not installed (Debian: git-email)"

series=$ROOT/kernel/series/soft-dirty-6.12
cover=$(echo "$series"/0000-*.patch)
good=$(echo "$series"/0001-*.patch)
bad=$ROOT/kernel/variants/soft-dirty-6.12-unconverted.patch

# sendmail's calling convention: options and recipients as arguments, the
# message on stdin. It stores the message as $SENT/N.eml.
cat >"$T/fake-smtp" <<'SMTP'
#!/bin/sh
set -eu
n=$(find "$SENT" -name '*.eml' | wc -l)
cat >"$SENT/$((n + 1)).eml"
SMTP
chmod +x "$T/fake-smtp"

repo=$T/repo
git init -q "$repo"
git -C "$repo" -c user.name=t -c user.email=t@example.org \
	commit -q --allow-empty -m 'throwaway'
git -C "$repo" config core.hooksPath "$ROOT/kernel/hooks"
git -C "$repo" config sendemail.validate true

export PTECHECK PTECHECK_KDIR=$PRISTINE

# send DIR FILE...: git send-email FILE... from the repository, storing
# into DIR; status in $rc, all output in $T/send.log.
send() {
	export SENT=$1
	shift
	mkdir -p "$SENT"
	rc=0
	(cd "$repo" && git send-email --validate --confirm=never --no-annotate \
		--8bit-encoding=UTF-8 --suppress-cc=all \
		--from='ptecheck test <t@example.org>' --to=test@example.org \
		--smtp-server="$T/fake-smtp" "$@") </dev/null >"$T/send.log" 2>&1 || rc=$?
}

# sent DIR: how many messages DIR holds.
sent() {
	find "$1" -name '*.eml' | wc -l
}

fail() {
	echo "FAIL: $*"
	echo "  exit $rc"
	sed 's/^/  send: /' "$T/send.log" | tail -n 30
	exit 1
}

# A cover letter has no diff: it passes without a gate.
send "$T/sent-cover" "$cover"
[ "$rc" = 0 ] || fail "cover letter refused"
[ "$(sent "$T/sent-cover")" = 1 ] || fail "cover letter not stored"

# Without PTECHECK_KDIR the hook refuses, with a one-line reason.
(
	unset PTECHECK_KDIR
	send "$T/sent-nokdir" "$good"
	[ "$rc" != 0 ] || fail "sent with PTECHECK_KDIR unset"
	[ "$(sent "$T/sent-nokdir")" = 0 ] || fail "stored with PTECHECK_KDIR unset"
	grep -q '^sendemail-validate: set PTECHECK_KDIR' "$T/send.log" ||
		fail "no PTECHECK_KDIR message"
)

# The good patch: gated clean, sent, stored once.
send "$T/sent" "$good"
[ "$rc" = 0 ] || fail "good patch $good refused"
[ "$(sent "$T/sent")" = 1 ] || fail "good patch: want 1 message stored, got $(sent "$T/sent")"
grep -q '^Subject: \[PATCH 1/2\] arm64/mm: Add __pte_mkdirty() for dirty propagation' \
	"$T/sent/1.eml" || fail "the stored message is not the good patch"
grep -q '^diff --git a/arch/arm64/mm/contpte.c' "$T/sent/1.eml" ||
	fail "the stored message has no diff"

# The bad patch: refused by the hook, nothing more stored, and the
# checkpatch-format findings are shown.
send "$T/sent" "$bad"
[ "$rc" != 0 ] || fail "bad patch $bad sent"
[ "$(sent "$T/sent")" = 1 ] || fail "bad patch: a message was stored"
grep -q 'rejected by sendemail-validate hook' "$T/send.log" ||
	fail "not refused by the hook"
n=$(grep -c '^ERROR:MKDIRTY_HOUSEKEEPING: ' "$T/send.log" || :)
[ "$n" = 8 ] || fail "want 8 ERROR:MKDIRTY_HOUSEKEEPING lines, got $n"
grep -q '^#65: FILE: arch/arm64/mm/contpte.c:65:$' "$T/send.log" ||
	fail "no '#65: FILE: arch/arm64/mm/contpte.c:65:' line"
grep -q '^total: 8 errors, ' "$T/send.log" || fail "no checkpatch total line"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# kernel/ci/: the GitHub Actions workflow and the GitLab CI job run the
# same gate command (the line after "# ptecheck-gate:" in each), in the
# step or script that gates, with the SARIF uploaded (upload-sarif) or
# kept (artifacts) also when the gate fails. That command, run as the
# templates run it, on a pull request of two commits (the broken series
# soft-dirty-6.12-missed-site, git am'd onto a git copy of the pristine
# tree): exit 1 and valid SARIF whose results are what 0002 introduces,
# MKDIRTY_HOUSEKEEPING at hugetlbpage.c:443 and the SWBIT_LAST_FREE note
# at pgtable-prot.h:38, each naming the commit.
set -eu
. "$ROOT/tests/lib.sh"

require_tree "$PRISTINE"
python3 -c 'import jsonschema, yaml' 2>/dev/null ||
	skip "python3 jsonschema and yaml are needed (apt-get install python3-jsonschema python3-yaml)"
gh=$ROOT/kernel/ci/github-ptecheck.yml
gl=$ROOT/kernel/ci/gitlab-ptecheck.yml

# gate_line FILE: the marked line, without its indent or YAML list dash.
gate_line() {
	sed -n '/# ptecheck-gate:/{n;p;q}' "$1" | sed -E 's/^[[:space:]]*(- )?//'
}
cmd=$(gate_line "$gh")
case $cmd in
"ptecheck gate "*--format\ sarif*) ;;
*) echo "FAIL: $gh: no gate command after '# ptecheck-gate:' ($cmd)"; exit 1 ;;
esac
if [ "$(gate_line "$gl")" != "$cmd" ]; then
	echo "FAIL: the templates gate differently:"
	echo "  github: $cmd"
	echo "  gitlab: $(gate_line "$gl")"
	exit 1
fi

python3 - "$gh" "$gl" "$cmd" <<'PY'
import sys, yaml
gh_file, gl_file, cmd = sys.argv[1:]
gh = yaml.safe_load(open(gh_file))
on = gh.get("on", gh.get(True))
assert "pull_request" in on, on
assert gh["permissions"]["security-events"] == "write", gh["permissions"]
(job,) = gh["jobs"].values()
steps = job["steps"]
gate = [i for i, s in enumerate(steps) if cmd in s.get("run", "").splitlines()[-1:] or
        cmd in [l.strip() for l in s.get("run", "").splitlines()]]
assert len(gate) == 1, "no step runs the gate command"
up = [s for s in steps[gate[0] + 1:]
      if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
assert len(up) == 1, steps
assert up[0]["with"]["sarif_file"] == "ptecheck.sarif", up[0]
assert "failure()" in up[0]["if"], up[0]
assert any(s.get("with", {}).get("fetch-depth") == 0 for s in steps), steps

gl = yaml.safe_load(open(gl_file))
(job,) = [j for k, j in gl.items() if not k.startswith(".")]
assert cmd in job["script"], job["script"]
assert "merge_request_event" in job["rules"][0]["if"], job["rules"]
assert job["variables"]["GIT_DEPTH"] == 0, job["variables"]
art = job["artifacts"]
assert art["when"] == "always" and "ptecheck.sarif" in art["paths"], art
PY

# A pull request of the two commits of the broken series.
scratch_tree "$PRISTINE"
k=$T/kdir
files="arch/arm64/Kconfig arch/arm64/include/asm/pgtable-prot.h
arch/arm64/include/asm/pgtable.h arch/arm64/mm/fault.c
arch/arm64/mm/contpte.c arch/arm64/mm/hugetlbpage.c"
g() { git -C "$k" -c user.name=t -c user.email=t@example.org "$@"; }
g init -q
# shellcheck disable=SC2086 # one word a path
g add -f $files
g commit -qm base
g am -q "$ROOT"/kernel/variants/soft-dirty-6.12-missed-site/000[12]-*.patch
mkdir "$T/bin"
ln -s "$PTECHECK" "$T/bin/ptecheck"

rc=0
(
	cd "$k"
	PATH=$T/bin:$PATH
	PTECHECK_BASE=$(git rev-parse HEAD~2)
	PTECHECK_HEAD=$(git rev-parse HEAD)
	export PTECHECK_BASE PTECHECK_HEAD
	bash -ec "$cmd" 2>"$T/err"
) || rc=$?
if [ "$rc" != 1 ] || [ -s "$T/err" ]; then
	echo "FAIL: $cmd: want exit 1 and a quiet stderr, got $rc"
	cat "$T/err"
	exit 1
fi

python3 - "$ROOT/tests/data/sarif-schema-2.1.0.json" "$k/ptecheck.sarif" "$(realpath "$k")" <<'PY'
import json, sys
import jsonschema
schema_file, sarif, kdir = sys.argv[1:]
schema = json.load(open(schema_file))
doc = json.load(open(sarif))
errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
assert not errors, [e.message[:200] for e in errors[:5]]
(run,) = doc["runs"]
assert run["originalUriBaseIds"]["KDIR"]["uri"] == "file://" + kdir + "/", run
got = sorted(
    (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] + ":" +
     str(r["locations"][0]["physicalLocation"]["region"]["startLine"]) + ": " +
     r["level"] + " [" + r["ruleId"] + "]", r["properties"]["patch"])
    for r in run["results"])
patch = "arm64/mm: Add soft-dirty page tracking support"
assert got == [
    ("arch/arm64/include/asm/pgtable-prot.h:38: note [SWBIT_LAST_FREE]", patch),
    ("arch/arm64/mm/hugetlbpage.c:443: error [MKDIRTY_HOUSEKEEPING]", patch),
], got
PY

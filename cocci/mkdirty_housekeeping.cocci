// SPDX-License-Identifier: GPL-2.0-only
///
/// Where pte_mkdirty() also sets the soft-dirty bit, arch code that only
/// propagates or preserves dirtiness (gathering dirty bits across a contpte
/// block or contiguous hugetlb entries, pte_modify(), ...) must use
/// __pte_mkdirty(), which does not, or it marks entries soft-dirty that
/// were never written since userspace last cleared soft-dirty.
///
// Confidence: Moderate
// Copyright: (C) 2026 ptecheck developers <ptecheck@example.org>
// Comments: Twin of ptecheck's MKDIRTY_HOUSEKEEPING rule. Only files under
//  arch/<arch>/ are checked: core mm code wants soft-dirty semantics.
//  Whether pte_mkdirty() (pmd_mkdirty()) sets soft-dirty is read from its
//  body, or the bodies of the arch helpers it calls, in
//  arch/<arch>/include, whatever the configuration: a body that mentions
//  a SOFT_DIRTY macro counts even if that macro is 0 in some config.
//  Only "if (pte_dirty(a)) b = pte_mkdirty(c);", with or without braces
//  (pte_sw_dirty, pte_hw_dirty, pmd_dirty likewise), is matched; other
//  ways of gathering dirtiness are missed. A site that really wants
//  soft-dirty set in this form is a false positive. Patch mode only
//  rewrites when the arch defines __pte_mkdirty() (__pmd_mkdirty())
//  without soft-dirty; otherwise the report asks to add it.
// Options: --no-includes --include-headers
// Keywords: pte_mkdirty, __pte_mkdirty, soft-dirty, MKDIRTY_HOUSEKEEPING
//

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import os
import re

RULE = "MKDIRTY_HOUSEKEEPING"
SOFT_DIRTY = re.compile(r"SOFT_DIRTY|mksoft_dirty")
IDENT = re.compile(r"\b[A-Za-z_]\w*\b")
FUNC = re.compile(r"^static\s+(?:inline|__always_inline)\b[^;{}]*?"
		  r"\b(\w+)\s*\([^;{}]*\)\s*\{", re.M)
MACRO = re.compile(r"^#\s*define\s+(\w+)\(.*?[^\\]$", re.M | re.S)
arch_defs = {}

def arch_dir(path):
	d = os.path.dirname(os.path.abspath(path))
	while os.path.dirname(d) != d:
		if os.path.basename(os.path.dirname(d)) == "arch":
			return d
		d = os.path.dirname(d)
	return None

def body_end(s, i):
	depth = 0
	for j in range(i, len(s)):
		if s[j] == "{":
			depth += 1
		elif s[j] == "}":
			depth -= 1
			if depth == 0:
				return j + 1
	return len(s)

# name -> bodies of the static inline helpers and function-like macros
# defined under arch/<arch>/include.
def load_defs(adir):
	if adir in arch_defs:
		return arch_defs[adir]
	defs = {}
	for root, dirs, files in os.walk(os.path.join(adir, "include")):
		for f in files:
			if not f.endswith(".h"):
				continue
			try:
				with open(os.path.join(root, f), errors="replace") as fh:
					s = fh.read()
			except OSError:
				continue
			for m in FUNC.finditer(s):
				body = s[m.end() - 1:body_end(s, m.end() - 1)]
				defs.setdefault(m.group(1), []).append(body)
			for m in MACRO.finditer(s):
				body = m.group(0)[m.end(1) - m.start(0):]
				defs.setdefault(m.group(1), []).append(body)
	arch_defs[adir] = defs
	return defs

def sets_soft_dirty(defs, name, seen):
	if name in seen or name not in defs:
		return False
	seen.add(name)
	for body in defs[name]:
		if SOFT_DIRTY.search(body):
			return True
		for callee in set(IDENT.findall(body)):
			if sets_soft_dirty(defs, callee, seen):
				return True
	return False

# Only arch code, and only where the helper sets soft-dirty in this arch.
def sets_soft_dirty_in(file, fn):
	adir = arch_dir(file)
	if adir is None:
		return False
	return sets_soft_dirty(load_defs(adir), fn, set())

def has_plain_variant(file, fn):
	defs = load_defs(arch_dir(file))
	return "__" + fn in defs and \
		not sets_soft_dirty(defs, "__" + fn, set())

def message(file, fn):
	how = "use" if has_plain_variant(file, fn) else "add and use"
	return "WARNING: [%s] %s() also sets soft-dirty; %s __%s() " \
	       "to only propagate dirtiness" % (RULE, fn, how, fn)

@r@
expression E1, E2, E3;
position p;
@@

(
if (\(pte_dirty\|pte_sw_dirty\|pte_hw_dirty\)(E1))
	E2 = pte_mkdirty@p(E3);
|
if (\(pte_dirty\|pte_sw_dirty\|pte_hw_dirty\)(E1)) {
	E2 = pte_mkdirty@p(E3);
}
|
if (pmd_dirty(E1))
	E2 = pmd_mkdirty@p(E3);
|
if (pmd_dirty(E1)) {
	E2 = pmd_mkdirty@p(E3);
}
)

@h@
position r.p;
identifier fn;
@@

fn@p(...)

@script:python@
p << r.p;
fn << h.fn;
@@

if not sets_soft_dirty_in(p[0].file, fn):
	cocci.include_match(False)

//----------------------------------------------------------
//  For patch mode
//----------------------------------------------------------

@script:python plain depends on patch@
p << r.p;
fn << h.fn;
nfn;
@@

if has_plain_variant(p[0].file, fn):
	coccinelle.nfn = cocci.make_ident("__" + fn)
else:
	cocci.include_match(False)

@depends on patch@
identifier h.fn;
identifier plain.nfn;
position r.p;
@@

- fn@p
+ nfn

//----------------------------------------------------------
//  For context mode
//----------------------------------------------------------

@depends on context@
identifier h.fn;
expression r.E2;
position r.p;
@@

* E2 = fn@p(...);

//----------------------------------------------------------
//  For org and report mode
//----------------------------------------------------------

@script:python depends on org@
p << r.p;
fn << h.fn;
@@

msg = message(p[0].file, fn)
coccilib.org.print_todo(p[0], msg.replace("[", "@(").replace("]", ")"))

@script:python depends on report@
p << r.p;
fn << h.fn;
@@

coccilib.report.print_report(p[0], message(p[0].file, fn))

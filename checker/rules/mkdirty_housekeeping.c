// SPDX-License-Identifier: GPL-2.0
/*
 * MKDIRTY_HOUSEKEEPING: dirtiness propagated with a helper that also sets
 * soft-dirty.
 *
 * Once pte_mkdirty() also sets the soft-dirty bit (the arm64 soft-dirty
 * series), arch code that only gathers or preserves dirtiness must call the
 * variant that does not (__pte_mkdirty()), or every such path marks the
 * entry soft-dirty although nothing wrote to it: gathering the dirty bits
 * of a contpte block or of contiguous hugetlb entries, the re-mark in
 * pte_modify(), __get_and_clear_full_ptes(), huge_ptep_set_access_flags().
 *
 * Cases reported, in arch/<arch>:
 *   1. a call to a helper whose body (followed through nested calls and
 *      macros) sets the arch's soft-dirty bit, under an if or ?: whose
 *      condition calls a helper that tests dirtiness: one whose bit
 *      effects test the dirty bit (pte_sw_dirty()) or the whole
 *      hardware-dirty combination (pte_hw_dirty(): writable and not
 *      read-only), whatever it is called; the arch data's dirty-test
 *      names are a fallback. A function called there with no pte_t,
 *      pmd_t or pud_t argument tests no entry (PageDirty(page) in
 *      s390's mk_pte(): the page's dirtiness, s390's design);
 *   2. the same, where the condition is a local variable assigned from
 *      such a test.
 * Whether a helper sets soft-dirty is read from its body, never assumed
 * from its name. Silent where the arch's soft-dirty bit is undefined or 0
 * in the configuration checked.
 *
 * Error:
 *   if (pte_dirty(ptent))
 *           pte = pte_mkdirty(pte);
 * OK:
 *   if (pte_dirty(ptent))
 *           pte = __pte_mkdirty(pte);
 *   entry = pte_mkdirty(entry);          (a real write: not reported)
 *
 * Limits: a dirtiness test behind a function pointer is not seen; a header site is reported once per run, at the header.
 * Twin: cocci/mkdirty_housekeeping.cocci (report and patch modes).
 */
#include <stdlib.h>
#include <string.h>

#include "../helpers.h"
#include "rules.h"

static int my_id;

static uint64_t soft_dirty_bits(struct unit *unit)
{
	const struct tracking *t = arch_tracking(unit->arch, "soft_dirty");
	uint64_t v;

	if (!t || !model_value(&unit->model,
			       model_name(&unit->model, t->pte_macro), &v))
		return 0;
	return v;
}

/* The generic API's entry types: pte_t, pmd_t, pud_t. */
static bool is_entry_type(CXType t)
{
	CXString s = clang_getTypeSpelling(t);
	const char *name = clang_getCString(s);
	bool entry;

	if (!strncmp(name, "const ", 6))
		name += 6;
	entry = !strcmp(name, "pte_t") || !strcmp(name, "pmd_t") ||
		!strcmp(name, "pud_t");
	clang_disposeString(s);
	return entry;
}

/*
 * Only a helper that makes an entry (it returns the generic API's pte_t,
 * pmd_t or pud_t) sets soft-dirty: bit 63 of a KVM descriptor or a PAR
 * value is another thing.
 */
static bool makes_entry(CXCursor func)
{
	return is_entry_type(clang_getResultType(clang_getCursorType(func)));
}

static bool sets_soft_dirty(struct unit *unit, CXCursor func)
{
	if (clang_getCursorKind(func) != CXCursor_FunctionDecl ||
	    !makes_entry(func))
		return false;
	return effects_of(unit->effects, func)->set & soft_dirty_bits(unit);
}

/*
 * Does calling @name test dirtiness? Read from its bit effects: it tests
 * the dirty bit, or every bit of the hardware-dirty combination. The arch
 * data's dirty-test names are the fallback.
 */
static bool is_dirty_test(struct unit *unit, const char *name)
{
	const struct strv *tests = &unit->arch->dirty_tests;
	const struct strv *hw = &unit->arch->hw_dirty;
	uint64_t dirty = 0, hw_bits = 0, v;
	struct helper h;
	bool found;

	for (int i = 0; i < tests->n; i++)
		if (!strcmp(tests->v[i], name))
			return true;
	if (unit->arch->dirty_bit)
		model_value(&unit->model, unit->arch->dirty_bit, &dirty);
	for (int i = 0; i < hw->n; i++)
		if (model_value(&unit->model, hw->v[i], &v))
			hw_bits |= v;
	if (!helper_lookup(unit, name, &h)) {
		helper_free(&h);
		return false;
	}
	found = (dirty && (h.effects.test & dirty) == dirty) ||
		(hw_bits && (h.effects.test & hw_bits) == hw_bits);
	helper_free(&h);
	return found;
}

struct call_search {
	const char *name;
	bool takes_entry, seen;
};

static enum CXChildVisitResult find_call(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct call_search *cs = data;
	CXString s;

	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return CXChildVisit_Recurse;
	s = clang_getCursorSpelling(c);
	if (!strcmp(clang_getCString(s), cs->name)) {
		cs->seen = true;
		for (int i = 0; i < clang_Cursor_getNumArguments(c); i++)
			if (is_entry_type(clang_getCursorType(
				    clang_Cursor_getArgument(c, i))))
				cs->takes_entry = true;
	}
	clang_disposeString(s);
	return CXChildVisit_Recurse;
}

/*
 * Is @name, called in @c, a test of an entry? A function called there with
 * no pte_t, pmd_t or pud_t argument tests something else, whatever bits
 * its body seems to read: PageDirty(page) reads page flags (s390's
 * mk_pte()). A macro leaves no call to see: its tokens decide.
 */
static bool tests_an_entry(CXCursor c, const char *name)
{
	struct call_search cs = { name, false, false };

	clang_visitChildren(c, find_call, &cs);
	return !cs.seen || cs.takes_entry;
}

/* Is a token of @c a call (NAME followed by '(') of a dirtiness test? */
static bool mentions_dirty_test(struct unit *unit, CXCursor c)
{
	struct strv tokens = { 0 };
	bool found = false;

	cursor_tokens(unit->tu->cx, c, &tokens);
	for (int i = 0; i + 1 < tokens.n && !found; i++)
		found = !strcmp(tokens.v[i + 1], "(") &&
			is_dirty_test(unit, tokens.v[i]) &&
			tests_an_entry(c, tokens.v[i]);
	strv_free(&tokens);
	return found;
}

struct flag_search {
	struct unit *unit;
	const char *name;
	bool found;
};

/* Is @name a local set from a dirtiness test (bool dirty = pte_dirty(x))? */
static enum CXChildVisitResult find_flag(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct flag_search *fs = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor kids[2];
	char *name;

	if (k == CXCursor_VarDecl) {
		name = cursor_name(c);
		if (!strcmp(name, fs->name) && mentions_dirty_test(fs->unit, c))
			fs->found = true;
		free(name);
	} else if ((k == CXCursor_BinaryOperator ||
		    k == CXCursor_CompoundAssignOperator) &&
		   cursor_children(c, kids, 2) == 2 &&
		   clang_getCursorKind(kids[0]) == CXCursor_DeclRefExpr) {
		name = cursor_name(kids[0]);
		if (!strcmp(name, fs->name) &&
		    mentions_dirty_test(fs->unit, kids[1]))
			fs->found = true;
		free(name);
	}
	return fs->found ? CXChildVisit_Break : CXChildVisit_Recurse;
}

static bool tests_dirtiness(const struct site *s, CXCursor cond)
{
	struct strv tokens = { 0 };
	bool found = false;

	cursor_tokens(s->unit->tu->cx, cond, &tokens);
	for (int i = 0; i < tokens.n && !found; i++) {
		struct flag_search fs = { s->unit, tokens.v[i], false };

		if (i + 1 < tokens.n && !strcmp(tokens.v[i + 1], "(") &&
		    is_dirty_test(s->unit, tokens.v[i]) &&
		    tests_an_entry(cond, tokens.v[i])) {
			found = true;
			break;
		}
		clang_visitChildren(s->frames[0], find_flag, &fs);
		found = fs.found;
	}
	strv_free(&tokens);
	return found;
}

/* Is the call in the taken branch of a test of dirtiness? */
static bool propagates_dirtiness(const struct site *s)
{
	for (int k = s->depth - 1; k >= 2; k--) {
		enum CXCursorKind parent =
			clang_getCursorKind(s->frames[k - 1]);
		CXCursor cond;

		if (parent != CXCursor_IfStmt &&
		    parent != CXCursor_ConditionalOperator)
			continue;
		if (s->index[k] != 1)
			continue;
		if (cursor_children(s->frames[k - 1], &cond, 1) == 1 &&
		    tests_dirtiness(s, cond))
			return true;
	}
	return false;
}

struct variant_search {
	const char *want;
	CXCursor found;
};

static enum CXChildVisitResult find_function(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	struct variant_search *vs = data;
	char *name;

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	name = cursor_name(c);
	if (!strcmp(name, vs->want)) {
		vs->found = c;
		free(name);
		return CXChildVisit_Break;
	}
	free(name);
	return CXChildVisit_Continue;
}

static void match_call(const struct site *s)
{
	struct variant_search vs = { .found = clang_getNullCursor() };
	const struct tracking *t = arch_tracking(s->unit->arch, "soft_dirty");
	char *variant;

	if (!sets_soft_dirty(s->unit, s->callee) || !propagates_dirtiness(s))
		return;

	/* The variant the author should call: __name, if the arch has it. */
	variant = xasprintf("__%s", s->callee_name);
	vs.want = variant;
	clang_visitChildren(clang_getTranslationUnitCursor(s->unit->tu->cx),
			    find_function, &vs);
	if (!clang_Cursor_isNull(vs.found) &&
	    !sets_soft_dirty(s->unit, vs.found))
		unit_report(
			s->unit, my_id, s->call,
			"%s() also sets %s; this path only propagates dirtiness: use %s()",
			s->callee_name,
			model_name(&s->unit->model, t->pte_macro), variant);
	else
		unit_report(
			s->unit, my_id, s->call,
			"%s() also sets %s; this path only propagates dirtiness: use a variant that does not (add %s())",
			s->callee_name,
			model_name(&s->unit->model, t->pte_macro), variant);
	free(variant);
}

struct names_scan {
	struct unit *unit;
	struct strv *names;
};

static bool listed(const struct strv *names, const char *name)
{
	for (int i = 0; i < names->n; i++)
		if (!strcmp(names->v[i], name))
			return true;
	return false;
}

static enum CXChildVisitResult collect_setters(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	struct names_scan *ns = data;
	char *name;

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c) || !sets_soft_dirty(ns->unit, c))
		return CXChildVisit_Continue;
	name = cursor_name(c);
	if (!listed(ns->names, name))
		strv_push(ns->names, name);
	free(name);
	return CXChildVisit_Continue;
}

/* Macros that expand to a setter (pmd_mkdirty) are setters too. */
static enum CXChildVisitResult collect_macros(CXCursor c, CXCursor parent,
					      CXClientData data)
{
	struct names_scan *ns = data;
	struct strv tokens = { 0 };

	if (clang_getCursorKind(c) != CXCursor_MacroDefinition)
		return CXChildVisit_Continue;
	cursor_tokens(ns->unit->tu->cx, c, &tokens);
	for (int i = 1; i < tokens.n; i++) {
		if (listed(ns->names, tokens.v[i]) &&
		    !listed(ns->names, tokens.v[0])) {
			strv_push(ns->names, tokens.v[0]);
			break;
		}
	}
	strv_free(&tokens);
	return CXChildVisit_Continue;
}

static void setter_names(struct unit *unit, struct strv *names)
{
	struct names_scan ns = { unit, names };
	CXCursor root = clang_getTranslationUnitCursor(unit->tu->cx);
	int before;

	if (!soft_dirty_bits(unit))
		return;
	clang_visitChildren(root, collect_setters, &ns);
	do {
		before = names->n;
		clang_visitChildren(root, collect_macros, &ns);
	} while (names->n != before);
}

void init_MKDIRTY_HOUSEKEEPING(struct engine *engine, int id)
{
	my_id = id;
	add_call_hook(engine, match_call);
	add_names_hook(engine, setter_names);
}

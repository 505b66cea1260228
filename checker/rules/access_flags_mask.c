// SPDX-License-Identifier: GPL-2.0
/*
 * ACCESS_FLAGS_MASK: the access-flags mask of a write fault drops a
 * tracking bit.
 *
 * On a write fault the core computes the new entry with pte_mkdirty()
 * (which, with soft-dirty, also sets the soft-dirty bit) and hands it to
 * ptep_set_access_flags(). arm64's implementation keeps only "the access
 * flags and write permission" of it: a bit its mask leaves out never
 * reaches the page table, and the write is not recorded. The soft-dirty
 * patch had to add PTE_SOFT_DIRTY to that mask.
 *
 * The implementation is found by the generic hook of
 * include/linux/pgtable.h it implements, in whatever version:
 * ptep_set_access_flags(), huge_ptep_set_access_flags(),
 * pmdp_set_access_flags(), pudp_set_access_flags(), and the functions the
 * arch's definition of one of them returns the call of (6.12's
 * __ptep_set_access_flags(), behind the contpte wrapper). The arch data's
 * access-flags names are added to these.
 *
 * Cases reported, for each bit of access-keep (PTE_DIRTY, PTE_SOFT_DIRTY)
 * that is nonzero in the configuration:
 *   1. "x &= MASK" with a constant MASK in an implementation lacks it;
 *   2. a constant mask anywhere in the arch that the comment right above
 *      it ties to an implementation ("Match only bits consumed by
 *      __ptep_set_access_flags()", arm64 contpte) lacks it: it must keep the
 *      same bits.
 *
 * Error:
 *   pte_val(entry) &= PTE_RDONLY | PTE_AF | PTE_WRITE | PTE_DIRTY;
 * OK:
 *   pte_val(entry) &= PTE_RDONLY | PTE_AF | PTE_WRITE |
 *                     PTE_DIRTY | PTE_SOFT_DIRTY;
 *
 * Limits: "x &= ~BITS" clears bits and is no mask of what is kept; a mask
 * held in a variable of another function is not followed.
 */
#include <stdlib.h>
#include <string.h>

#include "../engine.h"
#include "rules.h"

/* The generic hooks of include/linux/pgtable.h, the kernel's contract. */
static const char *const hooks[] = {
	"ptep_set_access_flags",
	"huge_ptep_set_access_flags",
	"pmdp_set_access_flags",
	"pudp_set_access_flags",
};

static int my_id;

/* The access-flags implementations of one TU, found when first needed. */
struct implementations {
	struct unit *unit;
	struct strv names;
	bool known;
};

struct mask_search {
	struct implementations *impl;
	const char *name;
	const char *func;
	int is_impl; /* -1 until a mask asks */
	char *text; /* the function's file, for the comments above a mask */
};

static void add_name(struct strv *names, const char *name)
{
	for (int i = 0; i < names->n; i++)
		if (!strcmp(names->v[i], name))
			return;
	strv_push(names, name);
}

static bool is_hook(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(hooks); i++)
		if (!strcmp(hooks[i], name))
			return true;
	return false;
}

/* A hook's definition forwards to F when it returns F(...). */
static enum CXChildVisitResult find_forward(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	struct strv *names = data;
	CXCursor expr, callee;
	char *name;

	if (clang_getCursorKind(c) != CXCursor_ReturnStmt)
		return CXChildVisit_Recurse;
	if (cursor_children(c, &expr, 1) != 1)
		return CXChildVisit_Continue;
	while (clang_getCursorKind(expr) == CXCursor_UnexposedExpr ||
	       clang_getCursorKind(expr) == CXCursor_ParenExpr)
		if (cursor_children(expr, &expr, 1) != 1)
			return CXChildVisit_Continue;
	if (clang_getCursorKind(expr) != CXCursor_CallExpr)
		return CXChildVisit_Continue;
	callee = clang_getCursorReferenced(expr);
	if (clang_getCursorKind(callee) != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	name = cursor_name(callee);
	add_name(names, name);
	free(name);
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult find_hooks(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct implementations *impl = data;
	char *name;

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	name = cursor_name(c);
	if (is_hook(name) && unit_in_scope(impl->unit, c))
		clang_visitChildren(c, find_forward, &impl->names);
	free(name);
	return CXChildVisit_Continue;
}

static const struct strv *implementations(struct implementations *impl)
{
	const struct strv *data = &impl->unit->arch->access_flags;

	if (impl->known)
		return &impl->names;
	impl->known = true;
	for (size_t i = 0; i < ARRAY_SIZE(hooks); i++)
		add_name(&impl->names, hooks[i]);
	for (int i = 0; i < data->n; i++)
		add_name(&impl->names, data->v[i]);
	clang_visitChildren(clang_getTranslationUnitCursor(impl->unit->tu->cx),
			    find_hooks, impl);
	return &impl->names;
}

static bool names_one(const struct strv *names, const char *name)
{
	for (int i = 0; i < names->n; i++)
		if (!strcmp(names->v[i], name))
			return true;
	return false;
}

/* The bits of access-keep that @mask drops, reported at @at. */
static void check_mask(struct unit *unit, CXCursor at, uint64_t mask,
		       const char *what)
{
	const struct strv *keep = &unit->arch->access_keep;

	for (int i = 0; i < keep->n; i++) {
		const char *name = model_name(&unit->model, keep->v[i]);
		uint64_t bit;

		if (!model_value(&unit->model, name, &bit) || !bit ||
		    (mask & bit) == bit)
			continue;
		unit_report(unit, my_id, at,
			    "the %s drops %s: it is lost on a write fault",
			    what, name);
	}
}

/*
 * The implementation named in the comment block that ends right above
 * line @line of @text ("Match only bits consumed by
 * __ptep_set_access_flags()"), or NULL.
 */
static const char *tied_by_comment(const char *text, unsigned int line,
				   const struct strv *impl)
{
	const char *start[24], *p = text;
	unsigned int l = 1;
	int n = 0;

	/* Remember where the 24 lines above @line start. */
	while (*p && l < line) {
		start[n++ % 24] = p;
		p = strchr(p, '\n');
		if (!p)
			return NULL;
		p++;
		l++;
	}
	for (int k = 1; k <= 24 && k <= n; k++) {
		const char *s = start[(n - k) % 24], *e = strchr(s, '\n');
		int len = e ? (int)(e - s) : (int)strlen(s);

		while (len && (*s == ' ' || *s == '\t'))
			s++, len--;
		if (!len || !(*s == '*' || !strncmp(s, "/*", 2) ||
			      !strncmp(s, "//", 2)))
			return NULL;
		for (int i = 0; i < impl->n; i++) {
			size_t nl = strlen(impl->v[i]);
			const char *hit = s;

			while ((hit = strstr(hit, impl->v[i])) &&
			       hit < s + len) {
				if (hit[nl] == '(' &&
				    (hit == s || hit[-1] == ' ' ||
				     hit[-1] == '\t' || hit[-1] == '*'))
					return impl->v[i];
				hit += nl;
			}
		}
		if (!strncmp(s, "/*", 2))
			return NULL;
	}
	return NULL;
}

/* Is @expr written ~X? That clears X; it is no mask of what is kept. */
static bool complement(struct unit *unit, CXCursor expr)
{
	char op[4];

	while (clang_getCursorKind(expr) == CXCursor_UnexposedExpr ||
	       clang_getCursorKind(expr) == CXCursor_ParenExpr ||
	       clang_getCursorKind(expr) == CXCursor_CStyleCastExpr) {
		CXCursor kids[2];
		int n = cursor_children(expr, kids, 2);

		if (n < 1)
			return false;
		expr = kids[n - 1];
	}
	if (clang_getCursorKind(expr) != CXCursor_UnaryOperator)
		return false;
	operator_spelling(unit->tu->cx, expr, op, sizeof(op));
	return !strcmp(op, "~");
}

static void tied_mask(struct mask_search *ms, CXCursor at, uint64_t mask)
{
	struct unit *unit = ms->impl->unit;
	const char *impl;
	struct where w;
	char *what;

	where_cursor(at, &w);
	if (!w.file) {
		where_free(&w);
		return;
	}
	if (!ms->text)
		ms->text = read_file(w.file, NULL);
	impl = ms->text ? tied_by_comment(ms->text, w.line,
					  implementations(ms->impl)) :
			  NULL;
	if (impl) {
		what = xasprintf(
			"mask in %s, which the comment above ties to %s(),",
			ms->func, impl);
		check_mask(unit, at, mask, what);
		free(what);
	}
	where_free(&w);
}

static enum CXChildVisitResult find_masks(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct mask_search *ms = data;
	struct unit *unit = ms->impl->unit;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor kids[2];
	uint64_t mask;
	char op[4];

	if (k == CXCursor_VarDecl) {
		int n = cursor_children(c, kids, 2);

		if (n >= 1 && const_value(kids[n - 1], &mask) &&
		    !complement(unit, kids[n - 1]))
			tied_mask(ms, c, mask);
		return CXChildVisit_Recurse;
	}
	if (k != CXCursor_CompoundAssignOperator ||
	    cursor_children(c, kids, 2) != 2)
		return CXChildVisit_Recurse;
	operator_spelling(unit->tu->cx, c, op, sizeof(op));
	if (strcmp(op, "&=") || !const_value(kids[1], &mask) ||
	    complement(unit, kids[1]))
		return CXChildVisit_Recurse;
	if (ms->is_impl < 0)
		ms->is_impl = names_one(implementations(ms->impl), ms->name);
	if (ms->is_impl) {
		char *what = xasprintf("access-flags mask in %s", ms->func);

		check_mask(unit, c, mask, what);
		free(what);
	} else {
		tied_mask(ms, c, mask);
	}
	return CXChildVisit_Recurse;
}

static void match_function(struct unit *unit, CXCursor func)
{
	struct implementations impl = { unit, { 0 }, false };
	struct mask_search ms = { &impl, NULL, NULL, -1, NULL };
	char *name = cursor_name(func);

	ms.name = name;
	ms.func = xasprintf("%s()", name);
	clang_visitChildren(func, find_masks, &ms);
	strv_free(&impl.names);
	free(ms.text);
	free((char *)ms.func);
	free(name);
}

/*
 * The files that define, call or name the implementations are worth
 * parsing: the hooks, and what the header probe's hooks forward to.
 */
static void access_names(struct unit *unit, struct strv *names)
{
	struct implementations impl = { unit, { 0 }, false };
	const struct strv *found = implementations(&impl);

	for (int i = 0; i < found->n; i++)
		strv_push(names, found->v[i]);
	strv_free(&impl.names);
}

void init_ACCESS_FLAGS_MASK(struct engine *engine, int id)
{
	my_id = id;
	add_function_hook(engine, match_function);
	add_names_hook(engine, access_names);
}

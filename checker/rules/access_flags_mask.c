// SPDX-License-Identifier: GPL-2.0
/*
 * ACCESS_FLAGS_MASK: the access-flags mask of a write fault drops a
 * tracking bit.
 *
 * On a write fault the core computes the new entry with pte_mkdirty()
 * (which, with soft-dirty, also sets the soft-dirty bit) and hands it to
 * ptep_set_access_flags(). arm64's __ptep_set_access_flags() keeps only
 * "the access flags and write permission" of it: a bit its mask leaves
 * out never reaches the page table, and the write is not recorded. The
 * soft-dirty patch had to add PTE_SOFT_DIRTY to that mask.
 *
 * Reported at each "x &= MASK" with a constant MASK in the functions the
 * arch data names (access-flags), when MASK lacks a bit of access-keep
 * (PTE_DIRTY, PTE_SOFT_DIRTY) that is nonzero in the configuration.
 *
 * Error:
 *   pte_val(entry) &= PTE_RDONLY | PTE_AF | PTE_WRITE | PTE_DIRTY;
 * OK:
 *   pte_val(entry) &= PTE_RDONLY | PTE_AF | PTE_WRITE |
 *                     PTE_DIRTY | PTE_SOFT_DIRTY;
 */
#include <stdlib.h>
#include <string.h>

#include "../engine.h"
#include "rules.h"

static int my_id;

struct mask_search {
	struct unit *unit;
	const char *func;
};

static void check_mask(struct unit *unit, const char *func, CXCursor op,
		       uint64_t mask)
{
	const struct strv *keep = &unit->arch->access_keep;

	for (int i = 0; i < keep->n; i++) {
		uint64_t bit;

		if (!model_value(&unit->model, keep->v[i], &bit) || !bit ||
		    (mask & bit) == bit)
			continue;
		unit_report(
			unit, my_id, op,
			"the access-flags mask in %s() drops %s: it is lost on a write fault",
			func, keep->v[i]);
	}
}

static enum CXChildVisitResult find_masks(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct mask_search *ms = data;
	CXCursor kids[2];
	uint64_t mask;
	char op[4];

	if (clang_getCursorKind(c) != CXCursor_CompoundAssignOperator ||
	    cursor_children(c, kids, 2) != 2)
		return CXChildVisit_Recurse;
	operator_spelling(ms->unit->tu->cx, c, op, sizeof(op));
	if (!strcmp(op, "&=") && const_value(kids[1], &mask))
		check_mask(ms->unit, ms->func, c, mask);
	return CXChildVisit_Recurse;
}

static void match_function(struct unit *unit, CXCursor func)
{
	const struct strv *names = &unit->arch->access_flags;
	char *name = cursor_name(func);

	for (int i = 0; i < names->n; i++) {
		struct mask_search ms = { unit, name };

		if (strcmp(names->v[i], name))
			continue;
		clang_visitChildren(func, find_masks, &ms);
	}
	free(name);
}

/* The files that define or use these functions are worth parsing. */
static void access_names(struct unit *unit, struct strv *names)
{
	for (int i = 0; i < unit->arch->access_flags.n; i++)
		strv_push(names, unit->arch->access_flags.v[i]);
}

void init_ACCESS_FLAGS_MASK(struct engine *engine, int id)
{
	my_id = id;
	add_function_hook(engine, match_function);
	add_names_hook(engine, access_names);
}

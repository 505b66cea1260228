// SPDX-License-Identifier: GPL-2.0
/*
 * WRONG_STATE_HELPER: a tracking helper of one entry state applied to a
 * value that may be in the other.
 *
 * A present entry keeps soft-dirty and uffd-wp in one bit each; a swap
 * entry (swap, migration, device, marker) keeps them in its swap twins
 * elsewhere. pte_soft_dirty() on a swap entry reads a bit of the swap
 * offset, and pte_swp_soft_dirty() on a present entry reads a hardware
 * bit: the feature is silently lost or made up. Kernel history fixed this
 * in pagemap, clear_refs and THP migration.
 *
 * Looked at in core mm (the C files at the top of mm/, and
 * fs/proc/task_mmu.c, that the configuration builds, as Kbuild says):
 * the present-entry helpers pte_soft_dirty, pte_uffd_wp,
 * pte_mksoft_dirty, pte_mkuffd_wp, pte_clear_soft_dirty,
 * pte_clear_uffd_wp, their pmd_ twins and hugetlb's huge_pte_uffd_wp,
 * huge_pte_mkuffd_wp and huge_pte_clear_uffd_wp, and the swap-entry
 * pte_swp_ and pmd_swp_ ones (hugetlb's swap entries use pte_swp_),
 * called on a local pte_t or pmd_t variable (or parameter).
 *
 * The state of the variable at the call is what the tests on the paths
 * to it say, within the function: pte_present, pte_none, is_swap_pte,
 * pte_none_mostly, is_pte_marker, pte_marker_uffd_wp,
 * pte_swp_uffd_wp_any, pmd_present, pmd_none, is_swap_pmd,
 * is_pmd_migration_entry, huge_pte_none, is_hugetlb_entry_migration,
 * is_hugetlb_entry_hwpoisoned, and is_*_entry(pte_to_swp_entry(v));
 * through if/else, &&, ||, !, ?:, loops, switch, return, break,
 * continue. A pte marker is a swap entry here: its uffd-wp is read with
 * pte_marker_uffd_wp(), never with a present helper. An assignment from
 * a builder gives its state: swp_entry_to_pte(), swp_entry_to_pmd() and
 * make_pte_marker() a swap entry, mk_pte(), mk_huge_pte() and
 * mk_huge_pmd() a present one (not pfn_pte(), whose protection may make
 * it none). An assignment from a helper of the same family
 * (v = pte_mkdirty(v), v = huge_pte_wrprotect(v)) keeps the state; any
 * other assignment, and a read with ptep_get(), make it unknown. A
 * helper is reported when a path reaches it with the
 * variable tested to be in the other state. A value never tested, one
 * whose address is taken, a struct member (vmf->orig_pte), a state
 * reached by goto, or one a flag variable carries: silent.
 *
 * Error:
 *   if (pte_present(pte)) { ... } else if (is_swap_pte(pte)) {
 *           if (pte_soft_dirty(pte))        <- swap entry
 * OK:
 *           if (pte_swp_soft_dirty(pte))
 *
 * Error (hugetlb fork of a migration entry, copy_hugetlb_page_range()):
 *   } else if (is_hugetlb_entry_migration(entry)) {
 *           ...
 *           entry = huge_pte_clear_uffd_wp(entry);  <- swap entry
 * OK:
 *           entry = pte_swp_clear_uffd_wp(entry);
 *
 * A none entry has no bits to misread, so it is not a wrong state. A
 * feature the configuration leaves out (its bit is 0 or undefined, as
 * soft-dirty on arm64 before the port) has nothing to misread either.
 * A deliberate use is kept with a "ptecheck-ignore: WRONG_STATE_HELPER"
 * comment on its line or the line above.
 */
#include <stdlib.h>
#include <string.h>

#include "../engine.h"
#include "../entry_state.h"
#include "rules.h"

static int my_id;

static const char *const features[] = { "soft_dirty", "uffd_wp" };

struct state_helper {
	char *name;
	char *twin; /* the same in the other state */
	const char *feature;
	unsigned int wrong;
};

struct ctx {
	struct unit *unit;
	struct state_helper *helpers;
	int nr_helpers;
};

/* pte_soft_dirty, pte_mksoft_dirty, pte_clear_soft_dirty, pmd_..., swp. */
static int make_helpers(struct state_helper *out)
{
	static const char *const levels[] = { "pte", "pmd" };
	static const char *const ops[] = { "", "mk", "clear_" };
	int n = 0;

	for (int l = 0; l < (int)ARRAY_SIZE(levels); l++)
		for (int f = 0; f < (int)ARRAY_SIZE(features); f++)
			for (int o = 0; o < (int)ARRAY_SIZE(ops); o++) {
				out[n].name = xasprintf("%s_%s%s", levels[l],
							ops[o], features[f]);
				out[n].twin = xasprintf("%s_swp_%s%s",
							levels[l], ops[o],
							features[f]);
				out[n].wrong = ENTRY_SWAP;
				out[n].feature = features[f];
				out[n + 1].feature = features[f];
				out[n + 1].name = out[n].twin;
				out[n + 1].twin = out[n].name;
				out[n + 1].wrong = ENTRY_PRESENT;
				n += 2;
			}
	/* hugetlb's present helpers; its swap entries use pte_swp_. */
	for (int o = 0; o < (int)ARRAY_SIZE(ops); o++) {
		out[n].name = xasprintf("huge_pte_%suffd_wp", ops[o]);
		out[n].twin = xasprintf("pte_swp_%suffd_wp", ops[o]);
		out[n].wrong = ENTRY_SWAP;
		out[n].feature = "uffd_wp";
		n++;
	}
	return n;
}

static void free_helpers(struct state_helper *h, int n)
{
	for (int i = 0; i < n; i++) {
		/* A pair's second helper shares its strings with the first. */
		bool pair = i + 1 < n && h[i + 1].name == h[i].twin;

		free(h[i].name);
		free(h[i].twin);
		i += pair;
	}
}

#define NR_HELPERS 27

/* Is @stem's feature on: its present bit nonzero in this configuration? */
static bool feature_on(struct unit *unit, const char *stem)
{
	const struct tracking *t = arch_tracking(unit->arch, stem);
	uint64_t bit;

	return t && model_value(&unit->model, t->pte_macro, &bit) && bit;
}

static void match_use(void *data, const struct entry_use *use)
{
	struct ctx *ctx = data;

	for (int i = 0; i < ctx->nr_helpers; i++) {
		const struct state_helper *h = &ctx->helpers[i];

		if (strcmp(use->helper, h->name) || !(use->known & h->wrong) ||
		    !feature_on(ctx->unit, h->feature))
			continue;
		unit_report_line(
			ctx->unit, my_id, ctx->unit->tu->file, use->line,
			"%s() is a %s-entry helper, but '%s' may be a %s entry here (a test on a path to this line says so): use %s()",
			h->name, h->wrong == ENTRY_SWAP ? "present" : "swap",
			use->var, h->wrong == ENTRY_SWAP ? "swap" : "present",
			h->twin);
	}
}

static void match_function(struct unit *unit, CXCursor func)
{
	struct state_helper helpers[NR_HELPERS];
	struct ctx ctx = { unit, helpers, 0 };
	struct entry_tokens t;
	bool named = false;

	entry_tokens_init(&t, unit->tu->cx, func);
	ctx.nr_helpers = make_helpers(helpers);
	for (int i = 0; i < t.n && !named; i++)
		for (int k = 0; k < ctx.nr_helpers && !named; k++)
			named = !strcmp(t.v[i], helpers[k].name);
	if (named)
		entry_state_walk(&t, func, match_use, &ctx);
	free_helpers(helpers, ctx.nr_helpers);
	entry_tokens_free(&t);
}

static void helper_names(struct unit *unit, struct strv *names)
{
	struct state_helper helpers[NR_HELPERS];
	int n = make_helpers(helpers);

	for (int i = 0; i < n; i++)
		strv_push(names, helpers[i].name);
	free_helpers(helpers, n);
}

void init_WRONG_STATE_HELPER(struct engine *engine, int id)
{
	my_id = id;
	add_core_function_hook(engine, match_function);
	add_core_names_hook(engine, helper_names);
}

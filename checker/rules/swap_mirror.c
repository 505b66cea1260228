// SPDX-License-Identifier: GPL-2.0
/*
 * SWAP_MIRROR: a tracking bit without a working swap twin.
 *
 * Soft-dirty and uffd-wp state must survive swap-out: when a pte becomes
 * a swap entry, its tracking bit moves to a swap twin (PTE_SWP_SOFT_DIRTY,
 * PTE_SWP_UFFD_WP) through pte_swp_mk*(), is read back with pte_swp_*()
 * and dropped with pte_swp_clear_*(); THP migration does the same for
 * pmds. The kernel checks the round trip only at boot, in
 * mm/debug_vm_pgtable.c, for the one configuration that was built, and
 * never for uffd-wp. What each helper does is read from its body.
 *
 * Cases reported, for each tracking feature the configuration enables
 * whose present-entry bit is nonzero:
 *   1. the swap twin is 0 or undefined;
 *   2. pte_swp_mk<f>() does not set exactly the twin, pte_swp_<f>() does
 *      not test it, pte_swp_clear_<f>() does not clear exactly it, or one
 *      of them touches the swap type or offset field;
 *   3. with CONFIG_ARCH_ENABLE_THP_MIGRATION, a pmd_swp_*() variant is
 *      missing from the arch or disagrees (checked when its pte variant is
 *      right, so that one mistake is one finding);
 *   4. pte_mk<f>(), pte_<f>(), pte_clear_<f>() (and pmd) disagree on the
 *      present-entry bit; a pmd's is the pte's, unless the arch data
 *      gives the pmd a bit of its own (s390's segment entries:
 *      'tracking-pmd soft_dirty _SEGMENT_ENTRY_SOFT_DIRTY').
 *
 * Error:
 *   static inline pte_t pte_swp_clear_soft_dirty(pte_t pte)
 *   { return clear_pte_bit(pte, __pgprot(PTE_SOFT_DIRTY)); }
 * OK:
 *   { return clear_pte_bit(pte, __pgprot(PTE_SWP_SOFT_DIRTY)); }
 *
 * Limits: a helper the arch leaves to generic code is not the arch's to
 * check; an effect hidden behind a function pointer is not seen.
 */
#include <string.h>

#include "../helpers.h"
#include "rules.h"

static int my_id;

static uint64_t swap_fields(const struct layout *layout)
{
	uint64_t mask = 0;

	for (int s = 0; s < layout->nr_states; s++) {
		const struct state_layout *st = &layout->states[s];

		if (strcmp(st->name, "swap"))
			continue;
		for (int bit = 0; bit < 64; bit++)
			for (int i = 0; i < st->bits[bit].nr_owners; i++)
				if (st->bits[bit].owners[i].role == ROLE_FIELD)
					mask |= 1ULL << bit;
	}
	return mask;
}

/*
 * Does the helper of @kind do to @bits what its name says? A swap helper
 * must touch exactly its bit and no field; a present-entry one may do
 * more (pte_mkuffd_wp() also write-protects).
 */
static const char *wrong(const char *kind, const struct effects *e,
			 uint64_t bits, uint64_t fields)
{
	bool swap = strstr(kind, "swp");
	uint64_t set = e->set & ~e->clear;

	if ((e->set | e->clear) & fields)
		return "touches the swap type or offset field besides";
	if (strstr(kind, "mk") && (swap ? set != bits : (set & bits) != bits))
		return swap ? "does not set exactly" : "does not set";
	if (strstr(kind, "clear") &&
	    (swap ? e->clear != bits : (e->clear & bits) != bits))
		return swap ? "does not clear exactly" : "does not clear";
	if (strstr(kind, "test") && (e->test & bits) != bits)
		return "does not test";
	return NULL;
}

/* Check one helper; true when it is there and right. */
static bool check(struct unit *unit, const char *level, const char *kind,
		  const struct tracking *t, const char *macro, uint64_t bits,
		  uint64_t fields, const char *blame_file,
		  unsigned int blame_line, bool required)
{
	struct helper h;
	const char *why;
	char name[128];

	helper_name(name, sizeof(name), level, kind, t->feature);
	if (!helper_lookup(unit, name, &h) || !h.in_scope) {
		if (required && blame_file)
			unit_report_line(
				unit, my_id, blame_file, blame_line,
				"%s() is missing: %s is lost when a %s is swapped or migrated",
				name, macro, level);
		else if (required)
			unit_report_macro(
				unit, my_id, macro,
				"%s() is missing: %s is lost when a %s is swapped or migrated",
				name, macro, level);
		helper_free(&h);
		return false;
	}
	/*
	 * Swap helpers must keep off the fields; present ones need not. A
	 * twin inside a field is SWAP_LAYOUT's, so its own bit is left out.
	 */
	why = wrong(kind, &h.effects, bits,
		    strstr(kind, "swp") ? fields & ~bits : 0);
	if (why)
		unit_report_line(
			unit, my_id, h.file, h.line,
			"%s() %s %s (bits %#llx): set %#llx, clear %#llx, test %#llx",
			name, why, macro, (unsigned long long)bits,
			(unsigned long long)h.effects.set,
			(unsigned long long)h.effects.clear,
			(unsigned long long)h.effects.test);
	helper_free(&h);
	return !why;
}

static void check_feature(struct unit *unit, const struct tracking *t,
			  uint64_t fields)
{
	static const char *const swp[] = { "swp_mk", "swp_test", "swp_clear" };
	static const char *const present[] = { "mk", "test", "clear" };
	bool thp = unit->kconfig &&
		   kconfig_enabled(unit->kconfig, "ARCH_ENABLE_THP_MIGRATION");
	const char *bit_name = model_name(&unit->model, t->pte_macro);
	const char *twin_name = model_name(&unit->model, t->swp_macro);
	const char *pmd_name = bit_name;
	const struct macro_value *twin;
	uint64_t bit, swp_bit, pmd_bit;
	struct helper mk;
	char name[128];

	if (!model_value(&unit->model, bit_name, &bit) || !bit)
		return;
	pmd_bit = bit;
	if (!model_value(&unit->model, twin_name, &swp_bit) || !swp_bit) {
		twin = model_macro(&unit->model, twin_name);
		unit_report_macro(
			unit, my_id, twin && twin->file ? twin_name : bit_name,
			"%s is set but its swap twin %s is %s: the state is lost on swap",
			bit_name, twin_name,
			twin && twin->file ? "0" : "undefined");
		return;
	}
	helper_name(name, sizeof(name), "pte", "swp_mk", t->feature);
	helper_lookup(unit, name, &mk);
	for (size_t k = 0; k < ARRAY_SIZE(swp); k++) {
		bool pte_ok = check(unit, "pte", swp[k], t, twin_name, swp_bit,
				    fields, NULL, 0, true);

		/* A missing pmd twin is blamed where its pte one stands. */
		if (pte_ok && thp)
			check(unit, "pmd", swp[k], t, twin_name, swp_bit,
			      fields, mk.file, mk.line, true);
	}
	helper_free(&mk);
	/* A pmd keeps the feature on the pte's bit unless the data says. */
	if (t->pmd_macro) {
		pmd_name = model_name(&unit->model, t->pmd_macro);
		if (!model_value(&unit->model, pmd_name, &pmd_bit))
			pmd_bit = 0;
	}
	for (size_t k = 0; k < ARRAY_SIZE(present); k++)
		if (check(unit, "pte", present[k], t, bit_name, bit, 0, NULL, 0,
			  false) &&
		    pmd_bit)
			check(unit, "pmd", present[k], t, pmd_name, pmd_bit, 0,
			      NULL, 0, false);
}

static void match_layout(struct unit *unit, const struct layout *layout)
{
	uint64_t fields = swap_fields(layout);

	for (int i = 0; i < unit->arch->nr_tracking; i++) {
		const struct tracking *t = &unit->arch->tracking[i];

		if (t->config && unit->kconfig &&
		    !kconfig_enabled(unit->kconfig, t->config))
			continue;
		check_feature(unit, t, fields);
	}
}

void init_SWAP_MIRROR(struct engine *engine, int id)
{
	my_id = id;
	add_layout_hook(engine, match_layout);
}

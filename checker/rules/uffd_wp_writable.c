// SPDX-License-Identifier: GPL-2.0
/*
 * UFFD_WP_WRITABLE: pte_mkuffd_wp() (or pmd_mkuffd_wp()) leaves the entry
 * writable.
 *
 * A uffd-wp-marked present entry must fault on write, or the write goes
 * through and the uffd-wp bit is ignored: the arm64 patch's
 * pte_uffd_wp() warns "Having write bit for wr-protect-marked present ptes
 * is fatal". So marking an entry must write-protect it. Read from the
 * helper's body: it must clear the arch's write bit (PTE_WRITE on arm64,
 * _PAGE_RW on x86), directly or through pte_wrprotect().
 *
 * Error:
 *   return set_pte_bit(pte, __pgprot(PTE_UFFD_WP));
 * OK:
 *   return pte_wrprotect(set_pte_bit(pte, __pgprot(PTE_UFFD_WP)));
 *
 * The pmd helper is checked when the pte one is right (it usually wraps
 * it), so one mistake is one finding.
 *
 * Only where the tree's core mm relies on it: before 6.3 the callers
 * write-protected themselves (pte_wrprotect(pte_mkuffd_wp(pte)) in
 * mm/memory.c) and the arch helpers only set the bit. That is read from
 * the tree: when a source under mm/ nests a *_mkuffd_wp() call directly
 * in a *_wrprotect() one or the other way round, core mm write-protects
 * itself and the rule is silent.
 */
#include "../helpers.h"
#include "../mm_callers.h"
#include "rules.h"

static int my_id;

static bool leaves_writable(struct unit *unit, const char *name, uint64_t write)
{
	struct helper h;
	bool bad;

	if (!helper_lookup(unit, name, &h) || !h.in_scope) {
		helper_free(&h);
		return false;
	}
	bad = !(h.effects.clear & write);
	if (bad)
		unit_report_line(
			unit, my_id, h.file, h.line,
			"%s() does not write-protect: it never clears %s, so a uffd-wp entry stays writable",
			name, unit->arch->write_bit);
	helper_free(&h);
	return bad;
}

static void match_layout(struct unit *unit, const struct layout *layout)
{
	const struct tracking *t = arch_tracking(unit->arch, "uffd_wp");
	uint64_t bit, write;

	if (!t || !unit->arch->write_bit ||
	    !model_value(&unit->model, model_name(&unit->model, t->pte_macro),
			 &bit) ||
	    !bit || !model_value(&unit->model, unit->arch->write_bit, &write) ||
	    mm_nests_calls(unit->kdir, "mkuffd_wp", "wrprotect"))
		return;
	if (!leaves_writable(unit, "pte_mkuffd_wp", write))
		leaves_writable(unit, "pmd_mkuffd_wp", write);
}

void init_UFFD_WP_WRITABLE(struct engine *engine, int id)
{
	my_id = id;
	add_layout_hook(engine, match_layout);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * SWBIT_OVERLAP: two bit definitions share a bit within one PTE state.
 *
 * Software bits are scarce (the thread freed bit 58 by moving PROT_NONE
 * onto PTE_UXN, and argued over bit 63), and a new one is easily put on
 * a bit another definition already owns in the same state: another
 * software bit, a hardware attribute, or an output-address bit that only
 * some page sizes or physical-address widths use. The bits are evaluated
 * from the real headers under each configuration checked.
 *
 * Cases reported, per state of the arch data (valid, present-invalid,
 * pmd-valid, ...):
 *   1. a software bit or state marker on a bit another software bit,
 *      marker, hardware or address definition owns;
 *   2. the same, in only some configurations (--matrix names them).
 * Not an overlap: two names the arch data declares one thing ('alias
 * PTE_PRESENT_INVALID PTE_NG'), and an overlay that the arch data puts in
 * another state only (PTE_PRESENT_INVALID is no valid-state bit). A macro
 * merely written as another is no such declaration: two distinct
 * features on one bit overlap however it is spelled,
 * "#define PTE_SOFT_DIRTY (PTE_UFFD_WP)" too. Swap states are
 * SWAP_LAYOUT's.
 *
 * Error:
 *   #define PTE_UFFD_WP     (_AT(pteval_t, 1) << 58)
 *   #define PTE_SOFT_DIRTY  (_AT(pteval_t, 1) << 58)
 * OK:
 *   #define PTE_SOFT_DIRTY  (_AT(pteval_t, 1) << 63)
 *
 * Reported at the definition a reader must change: the one the patch
 * under check adds (the gate's step, or 'check --added-by PATCH'), else
 * the software bit, else the later one in the file. Limits: a macro the arch data does not list is not seen; a
 * bit that is not constant (PTE_MAYBE_NG) is left out of the layout.
 */
#include <string.h>

#include "../engine.h"
#include "rules.h"

static int my_id;

static bool claims(enum role role)
{
	return role == ROLE_SW || role == ROLE_MARKER;
}

static bool may_overlap(enum role role)
{
	return role == ROLE_HW || role == ROLE_ADDR || claims(role);
}

/*
 * The definition to blame: the one a patch under check adds, else the
 * software one, else the later one in the file.
 */
static const char *blame(struct unit *unit, const struct owner *a,
			 const struct owner *b)
{
	const char *newer;

	if (unit_macro_added(unit, a->name) != unit_macro_added(unit, b->name))
		return unit_macro_added(unit, a->name) ? a->name : b->name;
	if (claims(a->role) != claims(b->role))
		return claims(a->role) ? a->name : b->name;
	newer = unit_newer_macro(unit, a->name, b->name);
	return newer ? newer : b->name;
}

static void match_layout(struct unit *unit, const struct layout *layout)
{
	for (int s = 0; s < layout->nr_states; s++) {
		const struct state_layout *st = &layout->states[s];

		for (int bit = 63; bit >= 0; bit--) {
			const struct bit_cell *cell = &st->bits[bit];

			for (int i = 0; i < cell->nr_owners; i++) {
				for (int j = i + 1; j < cell->nr_owners; j++) {
					const struct owner *a =
						&cell->owners[i];
					const struct owner *b =
						&cell->owners[j];
					const char *at, *other;

					if (!may_overlap(a->role) ||
					    !may_overlap(b->role) ||
					    (!claims(a->role) &&
					     !claims(b->role)) ||
					    !strcmp(a->name, b->name) ||
					    arch_aliases(unit->arch, a->name,
							 b->name))
						continue;
					at = blame(unit, a, b);
					other = at == a->name ? b->name :
								a->name;
					unit_report_macro(
						unit, my_id, at,
						"%s shares bit %d with %s (%s) in the %s state",
						at, bit, other,
						role_name(at == a->name ?
								  b->role :
								  a->role),
						st->name);
				}
			}
		}
	}
}

void init_SWBIT_OVERLAP(struct engine *engine, int id)
{
	my_id = id;
	add_layout_hook(engine, match_layout);
}

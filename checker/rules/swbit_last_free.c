// SPDX-License-Identifier: GPL-2.0
/*
 * SWBIT_LAST_FREE: a state has no free software bit left.
 *
 * The exact question of the thread: with PROT_NONE moved off bit 58 there
 * were two software bits, uffd-wp took one, and soft-dirty would take
 * bit 63, "the last 2 SW bits ... we may want to keep 1 bit in reserve".
 * A change that takes the last free software bit of a state should say so
 * in its commit message, and reviewers want to see it.
 *
 * Reported (as a note, which never fails a run) at the definition that
 * owns the highest software bit of a state whose software bits (the arch
 * data's sw-mask, PTE_SWBITS_MASK on arm64) are all taken.
 *
 * Note:
 *   #define PTE_SOFT_DIRTY  (_AT(pteval_t, 1) << 63)   (55-58 taken)
 */
#include "../engine.h"
#include "rules.h"

static int my_id;

static void match_layout(struct unit *unit, const struct layout *layout)
{
	for (int s = 0; s < layout->nr_states; s++) {
		const struct state_layout *st = &layout->states[s];
		char bits[64];
		int top;

		if (!st->sw_mask || (st->sw_mask & ~st->used_sw))
			continue;
		top = 63 - __builtin_clzll(st->sw_mask);
		for (int i = 0; i < st->bits[top].nr_owners; i++) {
			const struct owner *o = &st->bits[top].owners[i];

			if (o->role != ROLE_SW)
				continue;
			format_bits(st->sw_mask, bits, sizeof(bits));
			unit_report_macro(
				unit, my_id, o->name,
				"%s takes the last free software bit of the %s state (software bits %s all used)",
				o->name, st->name, bits);
			break;
		}
	}
}

void init_SWBIT_LAST_FREE(struct engine *engine, int id)
{
	my_id = id;
	add_layout_hook(engine, match_layout);
}

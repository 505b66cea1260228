// SPDX-License-Identifier: GPL-2.0
/*
 * SWAP_LAYOUT: the swap entry's fields and flags collide, sit on bits that
 * must be zero, do not fit in 64 bits, or disagree with the layout comment.
 *
 * A swap (non-present) entry packs the swap type, the swap offset and the
 * PTE_SWP_* flags (exclusive, uffd-wp, soft-dirty) around the bits that
 * must stay zero so the entry is neither valid nor present-invalid. The
 * thread's patch 1 reshuffled the fields around PROT_NONE; its soft-dirty
 * patch put PTE_SWP_SOFT_DIRTY on bit 61, free then, inside the swap
 * offset in 6.12. The comment beside the macros (on arm64 "Encode and
 * decode a swap entry: bits ..."; the arch data names its file, opening
 * line and terms) is what reviewers read; it has to say what the macros
 * do.
 *
 * Cases reported, in each swap state of the arch data:
 *   1. a flag or field on a bit another flag or field owns;
 *   2. a flag or field on a must-be-zero bit: one the state's present
 *      tests read in this configuration (the arch data's 'present-test
 *      swap pte_present'; evaluated where libclang folds the test, else
 *      read from its body), or one the data lists as 'zero';
 *   3. a field whose shift plus width passes bit 63;
 *   3a. a flag or must-be-zero bit where a migration entry keeps the
 *      page's young or dirty bit (linux/swapops.h's SWP_MIG_YOUNG_BIT and
 *      SWP_MIG_DIRTY_BIT, at SWP_PFN_BITS of the swap offset: placed by
 *      the offset field's shift, in each configuration where
 *      swap_migration_ad_supported can be true);
 *   4. a line of the layout comment whose bits the macros use otherwise
 *      ("swap type"/"swap offset" ranges, "(must be zero)" bits, flag
 *      bits), at that line; failing that, a flag or field the comment does
 *      not mention, at its definition.
 *
 * Error:
 *   #define PTE_SWP_SOFT_DIRTY (_AT(pteval_t, 1) << 61)  (offset is 12-61)
 * OK:
 *   #define PTE_SWP_SOFT_DIRTY (_AT(pteval_t, 1) << 4)
 *    *	bit  4:		remember soft-dirty state
 *
 * Limits: a comment line for a flag that the configuration compiles out
 * (defined as 0) is not held against the macros.
 */
#include <stdlib.h>
#include <string.h>

#include "../config.h"
#include "../engine.h"
#include "../swap_comment.h"
#include "rules.h"

static int my_id;

static bool packed(enum role role)
{
	return role == ROLE_FIELD || role == ROLE_FLAG;
}

/* Where a flag is defined, or a field's shift. */
static const char *definition(struct unit *unit, const char *name)
{
	for (int i = 0; i < unit->arch->nr_fields; i++)
		if (!strcmp(unit->arch->fields[i].name, name))
			return unit->arch->fields[i].shift_macro;
	return name;
}

static void blame(struct unit *unit, const struct owner *o, const char *fmt,
		  const char *what, int bit, const char *state)
{
	unit_report_macro(unit, my_id, definition(unit, o->name), fmt, o->name,
			  bit, what, state);
}

/*
 * Of a flag and a field on one bit, the one a reader must change: the
 * one the patch under check adds, else the flag, else the later one.
 */
static const struct owner *pick(struct unit *unit, const struct owner *a,
				const struct owner *b)
{
	const char *da = definition(unit, a->name);
	const char *db = definition(unit, b->name);
	const char *newer;

	if (unit_macro_added(unit, da) != unit_macro_added(unit, db))
		return unit_macro_added(unit, da) ? a : b;
	if (a->role != b->role)
		return a->role == ROLE_FLAG ? a : b;
	newer = unit_newer_macro(unit, da, db);
	return newer == db ? b : a;
}

static void check_bits(struct unit *unit, int state,
		       const struct state_layout *st)
{
	const char *by = unit->model.zero_by[state];

	for (int bit = 0; bit < 64; bit++) {
		const struct bit_cell *cell = &st->bits[bit];

		for (int i = 0; i < cell->nr_owners; i++) {
			const struct owner *a = &cell->owners[i];

			if (!packed(a->role))
				continue;
			for (int j = 0; j < cell->nr_owners; j++) {
				const struct owner *b = &cell->owners[j];

				if (b->role == ROLE_ZERO && by &&
				    (unit->model.zero[state] & (1ULL << bit)))
					unit_report_macro(
						unit, my_id,
						definition(unit, a->name),
						"%s uses bit %d, which %s() reads, so it must be zero in the %s state%s%s%s",
						a->name, bit, by, st->name,
						strchr(b->name, '(') ? "" :
								       " (",
						strchr(b->name, '(') ? "" :
								       b->name,
						strchr(b->name, '(') ? "" :
								       ")");
				else if (b->role == ROLE_ZERO)
					blame(unit, a,
					      "%s uses bit %d, which must be zero (%s) in the %s state",
					      b->name, bit, st->name);
				else if (j > i && packed(b->role) &&
					 strcmp(a->name, b->name)) {
					const struct owner *at =
						pick(unit, a, b);

					blame(unit, at,
					      "%s shares bit %d with %s in the %s state",
					      at == a ? b->name : a->name, bit,
					      st->name);
				}
			}
		}
	}
}

static void check_widths(struct unit *unit)
{
	for (int i = 0; i < unit->arch->nr_fields; i++) {
		const struct field_def *f = &unit->arch->fields[i];
		uint64_t shift, bits;

		if (model_value(&unit->model, f->shift_macro, &shift) &&
		    model_value(&unit->model, f->bits_macro, &bits) &&
		    shift + bits > 64)
			unit_report_macro(
				unit, my_id, f->shift_macro,
				"%s spans bits %llu-%llu, past bit 63", f->name,
				(unsigned long long)shift,
				(unsigned long long)(shift + bits - 1));
	}
}

static uint64_t range_mask(unsigned int lo, unsigned int hi)
{
	uint64_t upper = hi >= 63 ? ~0ULL : (1ULL << (hi + 1)) - 1;

	return lo > 63 ? 0 : upper & ~((1ULL << lo) - 1);
}

static uint64_t role_bits(const struct state_layout *st, enum role role,
			  const char *name)
{
	uint64_t mask = 0;

	for (int bit = 0; bit < 64; bit++)
		for (int i = 0; i < st->bits[bit].nr_owners; i++)
			if (st->bits[bit].owners[i].role == role &&
			    (!name ||
			     !strcmp(st->bits[bit].owners[i].name, name)))
				mask |= 1ULL << bit;
	return mask;
}

/* Is some flag of the arch data compiled out (0) in this configuration? */
static bool flag_compiled_out(struct unit *unit)
{
	for (int i = 0; i < unit->arch->nr_bits; i++) {
		const struct bit_def *b = &unit->arch->bits[i];
		uint64_t v;

		for (int k = 0; k < b->nr_states; k++)
			if (b->role[k] == ROLE_FLAG &&
			    model_value(&unit->model, b->macro, &v) && !v)
				return true;
	}
	return false;
}

/*
 * The arch data's swap layout comment in @file, one entry per bit line; a
 * bit word ("XLEN-1") the configuration gives no value is not read.
 */
static int read_comment(struct unit *unit, const char *file,
			struct comment_line *out, int max)
{
	const struct arch *arch = unit->arch;
	const char *words[ARRAY_SIZE(arch->swap_comment_bits)];
	unsigned int values[ARRAY_SIZE(arch->swap_comment_bits)];
	struct comment_grammar grammar = {
		.start = arch->swap_comment_start,
		.joins = &arch->swap_comment_joins,
		.bit_words = words,
		.bit_values = values,
	};
	char *text = read_file(file, NULL);
	uint64_t v;
	int n;

	if (!text)
		return 0;
	for (int i = 0; i < arch->nr_swap_comment_bits; i++) {
		if (!model_value(&unit->model, arch->swap_comment_bits[i].value,
				 &v) ||
		    v > 63)
			continue;
		words[grammar.nr_bit_words] = arch->swap_comment_bits[i].word;
		values[grammar.nr_bit_words++] = v;
	}
	n = swap_comment_parse(text, &grammar, out, max);
	free(text);
	return n;
}

/*
 * What a comment line claims, checked against the swap state's layout; a
 * must-be-zero bit of any state the same swap fields encode (pmd-swap's
 * PMD_PRESENT_INVALID, in @zero) is one the comment may name.
 */
static bool line_agrees(struct unit *unit, const struct state_layout *st,
			uint64_t zero, const struct comment_line *c,
			bool tolerate_flags)
{
	const struct arch *arch = unit->arch;
	uint64_t mask = range_mask(c->lo, c->hi);

	for (int i = 0; i < arch->nr_swap_comment_terms; i++) {
		const struct comment_term *t = &arch->swap_comment_terms[i];

		if (!strstr(c->text, t->text))
			continue;
		if (!strcmp(t->owner, "zero"))
			return (zero & mask) == mask;
		return role_bits(st, ROLE_FIELD, t->owner) == mask;
	}
	return tolerate_flags ||
	       (role_bits(st, ROLE_FLAG, NULL) & mask) == mask;
}

/* The must-be-zero bits of every state that holds swap fields. */
static uint64_t swap_zero_bits(struct unit *unit, const struct layout *layout)
{
	uint64_t zero = 0;

	for (int i = 0; i < unit->arch->nr_fields; i++)
		zero |= role_bits(&layout->states[unit->arch->fields[i].state],
				  ROLE_ZERO, NULL);
	return zero;
}

static void check_comment(struct unit *unit, const struct layout *layout,
			  const struct state_layout *st)
{
	struct comment_line lines[32];
	char *file, bits[64];
	uint64_t said = 0, packed_bits;
	bool drift = false;
	int n;

	if (!unit->arch->swap_comment)
		return;
	file = xasprintf("%s/%s", unit->kdir, unit->arch->swap_comment);
	n = read_comment(unit, file, lines, ARRAY_SIZE(lines));
	for (int i = 0; i < n; i++) {
		said |= range_mask(lines[i].lo, lines[i].hi);
		if (line_agrees(unit, st, swap_zero_bits(unit, layout),
				&lines[i], flag_compiled_out(unit)))
			continue;
		drift = true;
		format_bits(range_mask(lines[i].lo, lines[i].hi), bits,
			    sizeof(bits));
		unit_report_line(
			unit, my_id, file, lines[i].line,
			"the swap layout comment gives %s %s to '%s'; the macros do not",
			lines[i].lo == lines[i].hi ? "bit" : "bits", bits,
			lines[i].text);
	}
	/* A drifting line explains a flag it should have named. */
	packed_bits = role_bits(st, ROLE_FIELD, NULL) |
		      role_bits(st, ROLE_FLAG, NULL);
	if (n && !drift && (packed_bits & ~said)) {
		int bit = __builtin_ctzll(packed_bits & ~said);
		const struct owner *o = &st->bits[bit].owners[0];

		for (int i = 0; i < st->bits[bit].nr_owners; i++)
			if (packed(st->bits[bit].owners[i].role))
				o = &st->bits[bit].owners[i];
		format_bits(packed_bits & ~said, bits, sizeof(bits));
		unit_report_macro(
			unit, my_id, definition(unit, o->name),
			"%s (%s %s) is missing from the swap layout comment in %s",
			o->name,
			__builtin_popcountll(packed_bits & ~said) > 1 ? "bits" :
									"bit",
			bits, unit->arch->swap_comment);
	}
	free(file);
}

/*
 * A migration entry keeps the page's young and dirty bits in its swap
 * offset, at SWP_MIG_YOUNG_BIT and SWP_MIG_DIRTY_BIT (SWP_PFN_BITS and
 * one above: they move with the page size and physical address size),
 * when swap_migration_ad_supported: with CONFIG_MIGRATION and an offset
 * field that holds SWP_MIG_DIRTY_BIT (the generic arch_max_swapfile_size()).
 * In the entry they sit at the offset field's shift plus that bit, and
 * must not meet a flag or a must-be-zero bit there.
 */
static void check_migration(struct unit *unit, int state,
			    const struct state_layout *st)
{
	static const char *const names[] = { "SWP_MIG_YOUNG_BIT",
					     "SWP_MIG_DIRTY_BIT" };
	const struct field_def *offset = NULL;
	uint64_t shift, bits, dirty;

	if (unit->kconfig && !kconfig_enabled(unit->kconfig, "MIGRATION"))
		return;
	for (int i = 0; i < unit->arch->nr_fields; i++)
		if (unit->arch->fields[i].state == state &&
		    !strcmp(unit->arch->fields[i].name, "swap-offset"))
			offset = &unit->arch->fields[i];
	if (!offset ||
	    !model_value(&unit->model, offset->shift_macro, &shift) ||
	    !model_value(&unit->model, offset->bits_macro, &bits) ||
	    !model_value(&unit->model, names[1], &dirty) || bits <= dirty)
		return;
	for (size_t k = 0; k < ARRAY_SIZE(names); k++) {
		const struct bit_cell *cell;
		uint64_t v, bit;

		if (!model_value(&unit->model, names[k], &v) || shift + v > 63)
			continue;
		bit = shift + v;
		cell = &st->bits[bit];
		for (int i = 0; i < cell->nr_owners; i++) {
			const struct owner *o = &cell->owners[i];

			if (o->role == ROLE_FLAG)
				unit_report_macro(
					unit, my_id, o->name,
					"%s uses bit %llu, where a migration entry keeps %s (swap offset bit %llu) in the %s state",
					o->name, (unsigned long long)bit,
					names[k], (unsigned long long)v,
					st->name);
			else if (o->role == ROLE_ZERO)
				unit_report_macro(
					unit, my_id, offset->shift_macro,
					"a migration entry keeps %s (swap offset bit %llu) in bit %llu, which must be zero (%s) in the %s state",
					names[k], (unsigned long long)v,
					(unsigned long long)bit, o->name,
					st->name);
		}
	}
}

static void match_layout(struct unit *unit, const struct layout *layout)
{
	for (int s = 0; s < layout->nr_states; s++) {
		const struct state_layout *st = &layout->states[s];

		if (!strstr(st->name, "swap"))
			continue;
		check_bits(unit, s, st);
		check_migration(unit, s, st);
		if (!strcmp(st->name, "swap"))
			check_comment(unit, layout, st);
	}
	check_widths(unit);
}

void init_SWAP_LAYOUT(struct engine *engine, int id)
{
	my_id = id;
	add_layout_hook(engine, match_layout);
}

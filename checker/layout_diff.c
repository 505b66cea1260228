// SPDX-License-Identifier: GPL-2.0
/*
 * ptecheck layout --diff: what changed between two layouts of the same
 * configuration, bit by bit, and in the free software bits. The gate
 * reports this per patch: which bits a patch takes or frees.
 */
#include <string.h>

#include "layout.h"

static void text_owners(FILE *out, const struct bit_cell *cell)
{
	if (!cell->nr_owners)
		fputs("-", out);
	for (int i = 0; i < cell->nr_owners; i++)
		fprintf(out, "%s%s (%s)", i ? " + " : "", cell->owners[i].name,
			role_name(cell->owners[i].role));
}

static void json_owners(FILE *out, const struct bit_cell *cell)
{
	fputc('[', out);
	for (int i = 0; i < cell->nr_owners; i++)
		fprintf(out, "%s{\"name\":\"%s\",\"role\":\"%s\"}",
			i ? "," : "", cell->owners[i].name,
			role_name(cell->owners[i].role));
	fputc(']', out);
}

static const struct state_layout *find_state(const struct layout *layout,
					     const char *name)
{
	for (int s = 0; s < layout->nr_states; s++)
		if (!strcmp(layout->states[s].name, name))
			return &layout->states[s];
	return NULL;
}

static uint64_t free_sw(const struct state_layout *st)
{
	return st->sw_mask & ~st->used_sw;
}

/* The bits of @st that have an owner. */
static uint64_t owned(const struct state_layout *st)
{
	uint64_t mask = 0;

	for (int bit = 0; bit < 64; bit++)
		if (st->bits[bit].nr_owners)
			mask |= 1ULL << bit;
	return mask;
}

void layout_diff_json(FILE *out, const struct layout *before,
		      const struct layout *after)
{
	bool first_state = true;

	fputc('[', out);
	for (int s = 0; s < after->nr_states; s++) {
		const struct state_layout *b, *a = &after->states[s];
		bool first = true;

		b = find_state(before, a->name);
		if (!b)
			continue;
		fprintf(out, "%s{\"name\":\"%s\",\"changed\":[",
			first_state ? "" : ",", a->name);
		first_state = false;
		for (int bit = 63; bit >= 0; bit--) {
			if (bit_cell_same_owners(&b->bits[bit], &a->bits[bit]))
				continue;
			fprintf(out,
				"%s{\"bit\":%d,\"before\":", first ? "" : ",",
				bit);
			json_owners(out, &b->bits[bit]);
			fputs(",\"after\":", out);
			json_owners(out, &a->bits[bit]);
			fputc('}', out);
			first = false;
		}
		fputs("],\"takes\":", out);
		json_bits(out, owned(a) & ~owned(b));
		fputs(",\"frees\":", out);
		json_bits(out, owned(b) & ~owned(a));
		fputs(",\"free_sw_before\":", out);
		json_bits(out, free_sw(b));
		fputs(",\"free_sw_after\":", out);
		json_bits(out, free_sw(a));
		fputc('}', out);
	}
	fputc(']', out);
}

int layout_print_diff(FILE *out, const struct layout *before,
		      const struct layout *after, bool json)
{
	int changes = 0;

	if (json) {
		fputs("{\"version\":1,\"states\":", out);
		layout_diff_json(out, before, after);
		fputs("}\n", out);
	}
	for (int s = 0; s < after->nr_states; s++) {
		const struct state_layout *b, *a = &after->states[s];
		char was[64], now[64];

		b = find_state(before, a->name);
		if (!b)
			continue;
		for (int bit = 63; bit >= 0; bit--) {
			if (bit_cell_same_owners(&b->bits[bit], &a->bits[bit]))
				continue;
			changes++;
			if (json)
				continue;
			fprintf(out, "%s: bit %d: ", a->name, bit);
			text_owners(out, &b->bits[bit]);
			fputs(" -> ", out);
			text_owners(out, &a->bits[bit]);
			fputc('\n', out);
		}
		if (!json && a->sw_mask && free_sw(a) != free_sw(b)) {
			format_bits(free_sw(b), was, sizeof(was));
			format_bits(free_sw(a), now, sizeof(now));
			fprintf(out, "%s: free software bits: %s -> %s%s\n",
				a->name, *was ? was : "none",
				*now ? now : "none",
				free_sw(b) && !free_sw(a) ?
					" (the last taken)" :
					"");
		}
	}
	if (!json && !changes)
		fputs("no bit changes owner\n", out);
	return changes;
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bit layout of each PTE state under one configuration: which macro
 * owns each of the 64 bits, in which role, and which software bits are
 * free. Built by model.c from the arch data and the evaluated headers;
 * read by the layout rules and printed by `ptecheck layout`.
 */
#ifndef PTECHECK_LAYOUT_H
#define PTECHECK_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum role {
	ROLE_HW, /* a hardware attribute or permission bit */
	ROLE_ADDR, /* output-address bits */
	ROLE_SW, /* a software bit */
	ROLE_MARKER, /* says which state the entry is in (present-invalid) */
	ROLE_FIELD, /* a multi-bit swap field: type, offset */
	ROLE_FLAG, /* a swap flag bit (PTE_SWP_*) */
	ROLE_ZERO, /* must be zero in this state */
	NR_ROLES
};

#define MAX_OWNERS 6
#define MAX_STATES 8

struct owner {
	const char *name; /* macro, or field name (swap-type) */
	enum role role;
};

struct bit_cell {
	int nr_owners;
	struct owner owners[MAX_OWNERS];
};

struct state_layout {
	const char *name; /* valid, present-invalid, swap, pmd-... */
	struct bit_cell bits[64];
	uint64_t sw_mask; /* the bits the architecture leaves to software */
	uint64_t used_sw; /* of those, the ones a definition takes */
};

struct layout {
	const char *arch;
	const char *config; /* the configuration label */
	const char *kdir;
	int nr_states;
	struct state_layout states[MAX_STATES];
	/* Macros that are not constant here (PTE_MAYBE_NG): not guessed. */
	const char *dynamic[16];
	int nr_dynamic;
	/* Names the helpers use instead of the arch data's: the layout's own. */
	char *own_names[16];
	int nr_own_names;
};

/* Other names belong to the arch data, which outlives every layout. */
static inline void layout_free(struct layout *layout)
{
	for (int i = 0; i < layout->nr_own_names; i++)
		free(layout->own_names[i]);
	layout->nr_own_names = 0;
}

const char *role_name(enum role role);
/* Same owners in the same roles, in the same order. */
bool bit_cell_same_owners(const struct bit_cell *a, const struct bit_cell *b);
/* Bits of @mask as a JSON list: [55,56,57,58,63]. */
void json_bits(FILE *out, uint64_t mask);
/* Bits of @mask as "3", "6-10" or "12-15,63". */
void format_bits(uint64_t mask, char *buf, int size);

/* text: one block per state; json: the contract in README; svg: a picture. */
void layout_print_text(FILE *out, const struct layout *layout);
void layout_print_json(FILE *out, const struct layout *layout);
void layout_print_svg(FILE *out, const struct layout *layout);
/* What changed from @before to @after; returns the bits that did. */
int layout_print_diff(FILE *out, const struct layout *before,
		      const struct layout *after, bool json);
/*
 * The same as a JSON list, one object a state: "changed" bits with their
 * owners before and after, the bits it "takes" (no owner before) and
 * "frees" (no owner after), and the free software bits before and after.
 */
void layout_diff_json(FILE *out, const struct layout *before,
		      const struct layout *after);

#endif

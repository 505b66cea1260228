/* SPDX-License-Identifier: GPL-2.0 */
/* The PTE model of one configuration: macro values evaluated by libclang. */
#ifndef PTECHECK_MODEL_H
#define PTECHECK_MODEL_H

#include <stdbool.h>

#include "arch.h"
#include "effects.h"
#include "tu.h"

enum macro_state { MACRO_UNDEFINED, MACRO_CONSTANT, MACRO_DYNAMIC };

struct macro_value {
	char *name;
	enum macro_state state;
	uint64_t value;
	/* Where it is defined, when the TU kept its preprocessing record. */
	char *file; /* absolute */
	unsigned int line;
	char *alias_of; /* #define A (B): the B */
};

/* A tracking macro of the arch data, and the one the helpers use. */
struct model_rename {
	char *hint; /* PTE_SOFT_DIRTY */
	char *actual; /* what pte_mksoft_dirty() sets: PTE_SWDIRTY */
};

struct model {
	struct macro_value *macros;
	int nr_macros;
	struct model_rename renames[16];
	int nr_renames;
	/* Per state: the bits its present tests read (helpers.c). */
	uint64_t zero[MAX_STATES];
	const char *zero_by[MAX_STATES]; /* the test: pte_present */
};

/*
 * Source text that, appended to a TU, lets libclang evaluate each macro the
 * arch data names: one small function per macro, under #ifdef, so an
 * undefined macro is told from one that is not constant (PTE_MAYBE_NG).
 */
char *model_probe_text(const struct arch *arch);
void model_load(struct model *model, struct tu *tu, const struct arch *arch);
void model_free(struct model *model);
/* The value of @name when it is defined and constant. */
bool model_value(const struct model *model, const char *name, uint64_t *value);
const struct macro_value *model_macro(const struct model *model,
				      const char *name);

/*
 * The layout of every state the arch data names, under this TU's
 * configuration. An arch data macro that is undefined without being marked
 * optional, or a kernel annotation (the arch data's 'annotation' lines)
 * that the data contradicts, is an input error (exit 2).
 */
void model_layout(const struct model *model, const struct arch *arch,
		  struct layout *layout);
/* Is one of @a and @b defined as the other? Then they share bits legally. */
bool model_aliases(const struct model *model, const char *a, const char *b);

/*
 * The helpers write the bit the arch data calls @hint as @actual, worth
 * @value and defined at @file:@line: from now on @hint means @actual.
 */
void model_rename(struct model *model, const char *hint, const char *actual,
		  uint64_t value, const char *file, unsigned int line);
/* In state @state, @mask must be zero: test @by reads it. */
void model_set_zero(struct model *model, int state, uint64_t mask,
		    const char *by);
/* The macro the helpers use for the arch data's @hint (or @hint). */
const char *model_name(const struct model *model, const char *hint);

#endif

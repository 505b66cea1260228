/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arch's PTE helpers by name, functions or macros, with their bit
 * effects: pte_mksoft_dirty, pte_swp_clear_uffd_wp, pmd_swp_mksoft_dirty...
 */
#ifndef PTECHECK_HELPERS_H
#define PTECHECK_HELPERS_H

#include "engine.h"

struct helper {
	bool found;
	bool is_macro;
	bool in_scope; /* defined under arch/<arch> */
	char *file; /* absolute */
	unsigned int line;
	struct effects effects;
};

/*
 * For each helper a tracking feature implies (and @extra), a wrapper the
 * header probe appends, so that libclang expands a macro helper into a
 * function whose calls can be followed: __ptecheck_wrap_NAME().
 */
char *helpers_probe_text(const struct arch *arch, const char *extra);
/* The helper names of @feature: pte_mk<f>, pte_<f>, pte_clear_<f>, ... */
void helper_name(char *buf, int size, const char *level, const char *kind,
		 const char *feature);
bool helper_lookup(struct unit *unit, const char *name, struct helper *out);
void helper_free(struct helper *h);

/*
 * A tracking feature is what the generic helper API does: its bit is what
 * pte_mk<f>() sets (and pte_clear_<f>() clears), its swap twin what
 * pte_swp_mk<f>() sets. Where the helpers write it as another macro than
 * the arch data's, the model learns that name (model_name()).
 */
void helpers_derive_tracking(struct unit *unit);

/*
 * The bits test @name reads: those that, set alone, make it true, where
 * libclang folds the probe's evaluator of it (a macro), else its bit
 * effects. @found is false when the tree has no such helper.
 */
uint64_t helper_reads(struct unit *unit, const char *name, bool *found);
/*
 * Each bit the arch data's present tests of a non-present state read
 * ('present-test swap pte_present') must be zero in that state.
 */
void helpers_derive_zero(struct unit *unit);

#endif

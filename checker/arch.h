/* SPDX-License-Identifier: GPL-2.0 */
/* Per-arch knowledge, read from the data files in checker/arch/. */
#ifndef PTECHECK_ARCH_H
#define PTECHECK_ARCH_H

#include <stdbool.h>

#include "layout.h"
#include "util.h"

/* A bit definition and the states it belongs to, with its role in each. */
struct bit_def {
	char *macro;
	bool optional; /* may be undefined: a feature or a version */
	int nr_states;
	int state[MAX_STATES];
	enum role role[MAX_STATES];
};

/* A multi-bit swap field, from its shift and width macros. */
struct field_def {
	int state;
	char *name;
	/* macros, or sums of them and numbers: x86's 64-SWP_TYPE_BITS */
	char *shift_macro;
	char *bits_macro;
};

/* The bits the architecture leaves to software in a state. */
struct sw_mask_def {
	int state;
	char *macro;
};

/*
 * A kernel annotation on a macro's line ("only for swp ptes") that
 * confines the macro to some states: the arch data must agree.
 */
struct annotation_def {
	char *text;
	bool allowed[MAX_STATES];
};

/* What a bit line of the swap layout comment says, in the kernel's words. */
struct comment_term {
	char *owner; /* a swap field's name, or "zero" for must-be-zero */
	char *text;
};

/* A word the swap layout comment writes for a bit number ("XLEN-1"). */
struct comment_bit {
	char *word;
	char *value; /* a macro sum giving it in each configuration */
};

/*
 * The generic tests core mm applies to an entry of a non-present state:
 * each bit they read must be zero in it (pte_present for swap).
 */
struct present_test_def {
	int state;
	struct strv helpers;
};

/* One configuration of the matrix: Kconfig symbols to set and unset. */
struct matrix_def {
	char *name;
	struct strv enable;
	struct strv disable;
};

struct tracking {
	char *feature; /* soft_dirty, uffd_wp */
	char *pte_macro; /* present-entry bit */
	char *swp_macro; /* its swap twin */
	char *config; /* the Kconfig symbol under which it must work */
	char *have; /* the arch's select: HAVE_ARCH_SOFT_DIRTY */
	char *pmd_macro; /* a pmd's bit where not the pte's (s390), or NULL */
};

struct arch {
	char *name;
	char *kconfig;
	char *defconfig;
	char *flags_cmd;
	/* make variables of its Kbuild: LLVM=1, or CROSS_COMPILE=triple- */
	struct strv toolchain;
	struct strv features;
	struct strv includes;
	struct strv dirty_tests;
	char *write_bit; /* what write-protecting clears (PTE_WRITE) */
	char *dirty_bit; /* the software dirty bit (PTE_DIRTY) */
	/* Bits whose joint test is "hardware dirty" (PTE_WRITE, PTE_RDONLY). */
	struct strv hw_dirty;
	struct strv access_flags; /* functions that mask in access flags */
	struct strv access_keep; /* bits their masks must keep */
	struct tracking tracking[8];
	int nr_tracking;
	struct strv states;
	struct bit_def *bits;
	int nr_bits;
	struct field_def fields[8];
	int nr_fields;
	struct sw_mask_def sw_masks[MAX_STATES];
	int nr_sw_masks;
	struct present_test_def present_tests[MAX_STATES];
	int nr_present_tests;
	struct annotation_def annotations[8];
	int nr_annotations;
	/* Pairs of macros that are one thing (PTE_PRESENT_INVALID is PTE_NG). */
	char *aliases[16][2];
	int nr_aliases;
	char *swap_comment; /* the header with the swap layout comment */
	char *swap_comment_start; /* the line that opens the comment */
	struct comment_term swap_comment_terms[8];
	int nr_swap_comment_terms;
	struct strv swap_comment_joins; /* "to" in "bits 7 to 11" */
	struct comment_bit swap_comment_bits[4];
	int nr_swap_comment_bits;
	struct matrix_def matrix[8];
	int nr_matrix;
};

/* The built-in description of @name, or NULL for an arch we do not know. */
const struct arch *arch_lookup(const char *name);
/* Parse a data file's text; a bad line is an input error (exit 2). */
struct arch *arch_parse(const char *text, const char *origin);
const char *arch_names(void);
/* MACRO, or MACRO-MACRO+NUMBER...: a field's shift or width. */
bool is_macro_sum(const char *s);
/* The built-in descriptions, in name order, for --arch all. */
int arch_count(void);
const struct arch *arch_nth(int i);
int arch_state(const struct arch *arch, const char *name);
const struct tracking *arch_tracking(const struct arch *arch,
				     const char *feature);
/* Does the arch data declare @a and @b one thing ('alias A B')? */
bool arch_aliases(const struct arch *arch, const char *a, const char *b);

#endif

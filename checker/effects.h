/* SPDX-License-Identifier: GPL-2.0 */
/* Bit effects: which PTE bits a helper sets, clears and tests. */
#ifndef PTECHECK_EFFECTS_H
#define PTECHECK_EFFECTS_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stdint.h>

/* A mask a helper sets, and the one macro it was written as. */
struct named_mask {
	uint64_t value;
	const char *macro; /* owned by the cache */
	const char *file; /* absolute, owned by the cache */
	unsigned int line;
};

#define MAX_NAMED 8

struct effects {
	uint64_t set, clear, test; /* constant masks */
	/* What this body's own operators test, not its callees'. */
	uint64_t own_test;
	/* The set masks written as one object-like macro: PTE_SOFT_DIRTY. */
	struct named_mask named[MAX_NAMED];
	int nr_named;
	/* Parameters whose value the helper ORs in, or masks out. */
	unsigned int set_param, clear_param;
	bool known; /* a body was there to read */
};

struct effects_cache;

struct effects_cache *effects_new(CXTranslationUnit tu);
void effects_free(struct effects_cache *ec);

/*
 * What calling @func does to the bits, following nested calls (and so the
 * macros that expand to them); masks are evaluated by libclang. Memoized.
 */
const struct effects *effects_of(struct effects_cache *ec, CXCursor func);

/*
 * The integer value of a constant expression, looking through casts,
 * parentheses and compound literals such as __pgprot(X).
 */
bool const_value(CXCursor expr, uint64_t *value);

/*
 * The operator of a binary or unary expression as written, or "" when it
 * lies inside a macro body where the source does not show it.
 */
void operator_spelling(CXTranslationUnit tu, CXCursor expr, char *buf,
		       int size);

#endif

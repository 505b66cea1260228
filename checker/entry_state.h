/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The state of page-table entry values along the paths of one function:
 * present, none or swap (swap, migration, device and marker entries), as
 * the tests on every path to a point (pte_present(), is_swap_pte(), ...)
 * leave it. Read from the function's tokens, so macro helpers are seen
 * as written.
 */
#ifndef PTECHECK_ENTRY_STATE_H
#define PTECHECK_ENTRY_STATE_H

#include <clang-c/Index.h>
#include <stdbool.h>

enum {
	ENTRY_PRESENT = 1,
	ENTRY_NONE = 2,
	ENTRY_SWAP = 4,
	ENTRY_ANY = 7,
};

/* The tokens of one function as written in its file. */
struct entry_tokens {
	CXTranslationUnit tu;
	CXToken *cx;
	char **v; /* spellings */
	unsigned int *offset, *line;
	int n;
	CXFile file; /* where they are */
};

void entry_tokens_init(struct entry_tokens *t, CXTranslationUnit tu,
		       CXCursor func);
void entry_tokens_free(struct entry_tokens *t);
/* Index of the token that closes the bracket at @i, or -1. */
int entry_tokens_match(const struct entry_tokens *t, int i);

/*
 * A call NAME(VAR, ...) on a tracked pte_t/pmd_t variable at a point,
 * with what the paths to it say about VAR: @known holds the states some
 * tested path allows; @untested is set when a path tested nothing.
 */
struct entry_use {
	const char *helper;
	const char *var;
	unsigned int known;
	bool untested;
	unsigned int line;
};

typedef void (*entry_use_fn)(void *ctx, const struct entry_use *use);

/* Walk the body of @func, calling @fn at each call on a tracked variable. */
void entry_state_walk(const struct entry_tokens *t, CXCursor func,
		      entry_use_fn fn, void *ctx);

#endif

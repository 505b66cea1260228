/* SPDX-License-Identifier: GPL-2.0 */
/* One translation unit parsed by libclang, and where its cursors point. */
#ifndef PTECHECK_TU_H
#define PTECHECK_TU_H

#include <clang-c/Index.h>
#include <stdbool.h>

#include "util.h"

struct tu {
	CXTranslationUnit cx;
	char *file; /* the main file, absolute */
	int errors; /* error diagnostics while parsing */
	char *first_error;
	CXIndex own_index; /* disposed with the TU, when it has its own */
};

/*
 * Parse @file with @flags. @text, when given, replaces the file's contents
 * (the header probe has no file of its own); @append is added after the
 * file's own text, on new lines, so line numbers do not move. Returns NULL,
 * with a reason in @why, when libclang gives no AST at all.
 */
struct tu *tu_parse(CXIndex index, const char *file, const struct strv *flags,
		    const char *text, const char *append, bool macros,
		    char **why);
void tu_free(struct tu *tu);

/* Where a cursor comes from, following macro expansions to their use. */
struct where {
	char *file; /* absolute, NULL when not in a file */
	unsigned int line, column;
};
void where_cursor(CXCursor c, struct where *w);
void where_free(struct where *w);

/* Spelling of the cursor, as a malloc'd C string. */
char *cursor_name(CXCursor c);
/* The tokens of a cursor's extent as written in its file (dispose them). */
void cursor_file_tokens(CXTranslationUnit tu, CXCursor c, CXToken **tokens,
			unsigned int *n);
/* The same, each as a malloc'd string. */
void cursor_tokens(CXTranslationUnit tu, CXCursor c, struct strv *out);
/* The direct children of @c, in order. */
int cursor_children(CXCursor c, CXCursor *out, int max);

#endif

// SPDX-License-Identifier: GPL-2.0
/* One translation unit parsed by libclang, and where its cursors point. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "tu.h"

static const char *parse_error_name(enum CXErrorCode err)
{
	switch (err) {
	case CXError_Crashed:
		return "libclang crashed";
	case CXError_InvalidArguments:
		return "invalid arguments";
	case CXError_ASTReadError:
		return "AST read error";
	default:
		return "libclang failed";
	}
}

static void count_errors(struct tu *tu)
{
	unsigned int n = clang_getNumDiagnostics(tu->cx);

	for (unsigned int i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu->cx, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			if (!tu->errors++) {
				CXString s = clang_formatDiagnostic(
					d, CXDiagnostic_DisplaySourceLocation |
						   CXDiagnostic_DisplayColumn);

				tu->first_error = xstrdup(clang_getCString(s));
				clang_disposeString(s);
			}
		}
		clang_disposeDiagnostic(d);
	}
}

struct tu *tu_parse(CXIndex index, const char *file, const struct strv *flags,
		    const char *text, const char *append, bool macros,
		    char **why)
{
	unsigned int options =
		CXTranslationUnit_KeepGoing |
		CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
	struct CXUnsavedFile unsaved;
	char *own = NULL, *content;
	enum CXErrorCode err;
	struct tu *tu;

	if (!text) {
		own = read_file(file, NULL);
		if (!own) {
			*why = xasprintf("%s: cannot read", file);
			return NULL;
		}
		text = own;
	}
	content = xasprintf("%s\n%s", text, append ? append : "");
	unsaved.Filename = file;
	unsaved.Contents = content;
	unsaved.Length = strlen(content);
	if (macros)
		options |= CXTranslationUnit_DetailedPreprocessingRecord;

	tu = xcalloc(1, sizeof(*tu));
	tu->file = xstrdup(file);
	err = clang_parseTranslationUnit2(index, file,
					  (const char *const *)flags->v,
					  flags->n, &unsaved, 1, options,
					  &tu->cx);
	free(content);
	free(own);
	if (err != CXError_Success || !tu->cx) {
		*why = xasprintf("%s: %s", file, parse_error_name(err));
		free(tu->file);
		free(tu);
		return NULL;
	}
	count_errors(tu);
	return tu;
}

void tu_free(struct tu *tu)
{
	if (!tu)
		return;
	clang_disposeTranslationUnit(tu->cx);
	if (tu->own_index)
		clang_disposeIndex(tu->own_index);
	free(tu->first_error);
	free(tu->file);
	free(tu);
}

void where_cursor(CXCursor c, struct where *w)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	CXFile file;
	unsigned int line, column;

	/*
	 * Expansion location: a helper used through a macro is reported at
	 * the macro's use, where the author can change it.
	 */
	clang_getExpansionLocation(loc, &file, &line, &column, NULL);
	w->file = NULL;
	w->line = line;
	w->column = column;
	if (file) {
		CXString name = clang_File_tryGetRealPathName(file);
		const char *s = clang_getCString(name);
		char real[PATH_MAX];

		if (!s || !*s) {
			clang_disposeString(name);
			name = clang_getFileName(file);
			s = clang_getCString(name);
		}
		if (s && realpath(s, real))
			w->file = xstrdup(real);
		else if (s)
			w->file = xstrdup(s);
		clang_disposeString(name);
	}
}

void where_free(struct where *w)
{
	free(w->file);
	w->file = NULL;
}

char *cursor_name(CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	char *name = xstrdup(clang_getCString(s));

	clang_disposeString(s);
	return name;
}

/*
 * The tokens of a cursor's extent, as written in the file: libclang would
 * tokenize a macro-expanded range from the macro's definition.
 */
void cursor_file_tokens(CXTranslationUnit tu, CXCursor c, CXToken **tokens,
			unsigned int *n)
{
	CXSourceRange range = clang_getCursorExtent(c);
	unsigned int from, to;
	CXFile file, end_file;

	clang_getFileLocation(clang_getRangeStart(range), &file, NULL, NULL,
			      &from);
	clang_getFileLocation(clang_getRangeEnd(range), &end_file, NULL, NULL,
			      &to);
	*tokens = NULL;
	*n = 0;
	if (!file || file != end_file || to <= from)
		return;
	/*
	 * A range that starts in a macro expansion tokenizes from the macro's
	 * definition; rebuilding it from file offsets is right but slow in
	 * libclang, so only do it when the first token is not where it
	 * should be.
	 */
	clang_tokenize(tu, range, tokens, n);
	if (*n) {
		CXFile at_file;
		unsigned int at;

		clang_getFileLocation(clang_getTokenLocation(tu, (*tokens)[0]),
				      &at_file, NULL, NULL, &at);
		if (at_file == file && at == from)
			return;
		clang_disposeTokens(tu, *tokens, *n);
	}
	range = clang_getRange(clang_getLocationForOffset(tu, file, from),
			       clang_getLocationForOffset(tu, file, to));
	clang_tokenize(tu, range, tokens, n);
}

void cursor_tokens(CXTranslationUnit tu, CXCursor c, struct strv *out)
{
	CXToken *tokens;
	unsigned int n;

	cursor_file_tokens(tu, c, &tokens, &n);
	for (unsigned int i = 0; i < n; i++) {
		CXString s = clang_getTokenSpelling(tu, tokens[i]);

		strv_push(out, clang_getCString(s));
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tokens, n);
}

struct children {
	CXCursor *out;
	int n, max;
};

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	struct children *ch = data;

	if (ch->n < ch->max)
		ch->out[ch->n] = c;
	ch->n++;
	return CXChildVisit_Continue;
}

int cursor_children(CXCursor c, CXCursor *out, int max)
{
	struct children ch = { out, 0, max };

	clang_visitChildren(c, collect_child, &ch);
	return ch.n < max ? ch.n : max;
}

// SPDX-License-Identifier: GPL-2.0
/* Bit effects: which PTE bits a helper sets, clears and tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effects.h"
#include "tu.h"
#include "util.h"

#define NR_BUCKETS 4096

struct entry {
	char *usr;
	struct effects effects;
	struct strv strings; /* the names and files of effects.named */
	struct entry *next;
};

struct effects_cache {
	CXTranslationUnit tu;
	struct entry *buckets[NR_BUCKETS];
};

struct effects_cache *effects_new(CXTranslationUnit tu)
{
	struct effects_cache *ec = xcalloc(1, sizeof(*ec));

	ec->tu = tu;
	return ec;
}

void effects_free(struct effects_cache *ec)
{
	for (int i = 0; i < NR_BUCKETS; i++) {
		struct entry *e = ec->buckets[i], *next;

		for (; e; e = next) {
			next = e->next;
			strv_free(&e->strings);
			free(e->usr);
			free(e);
		}
	}
	free(ec);
}

/*
 * One step through parentheses, casts and compound literals towards the
 * value: a cast or compound literal names its type first, so take the
 * last child.
 */
static bool peel(CXCursor *c)
{
	enum CXCursorKind k = clang_getCursorKind(*c);
	CXCursor kids[4];
	int n;

	if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr &&
	    k != CXCursor_CStyleCastExpr && k != CXCursor_CompoundLiteralExpr &&
	    k != CXCursor_InitListExpr)
		return false;
	n = cursor_children(*c, kids, 4);
	if (n < 1 || (n > 1 && k != CXCursor_CStyleCastExpr &&
		      k != CXCursor_CompoundLiteralExpr))
		return false;
	*c = kids[n - 1];
	return true;
}

static CXCursor strip(CXCursor c)
{
	while (peel(&c))
		;
	return c;
}

bool const_value(CXCursor expr, uint64_t *value)
{
	do {
		CXEvalResult r;
		bool ok;

		if (!clang_isExpression(clang_getCursorKind(expr)))
			return false;
		r = clang_Cursor_Evaluate(expr);
		if (!r)
			continue;
		ok = clang_EvalResult_getKind(r) == CXEval_Int;
		if (ok)
			*value = clang_EvalResult_getAsUnsigned(r);
		clang_EvalResult_dispose(r);
		if (ok)
			return true;
	} while (peel(&expr));
	return false;
}

static unsigned int offset_of(CXSourceLocation loc)
{
	unsigned int offset;

	clang_getFileLocation(loc, NULL, NULL, NULL, &offset);
	return offset;
}

void operator_spelling(CXTranslationUnit tu, CXCursor expr, char *buf, int size)
{
	unsigned int from = 0, to = ~0u;
	CXCursor kids[2];
	CXToken *tokens;
	unsigned int n;

	buf[0] = '\0';
	if (cursor_children(expr, kids, 2) == 2) {
		/* The operator is the first token after the left operand. */
		from = offset_of(
			clang_getRangeEnd(clang_getCursorExtent(kids[0])));
		to = offset_of(
			clang_getRangeStart(clang_getCursorExtent(kids[1])));
		if (to <= from)
			return;
	}
	cursor_file_tokens(tu, expr, &tokens, &n);
	for (unsigned int i = 0, depth = 0; i < n; i++) {
		unsigned int at =
			offset_of(clang_getTokenLocation(tu, tokens[i]));
		CXString s;
		bool open, close;

		if (at < from || at >= to)
			continue;
		/*
		 * A left operand that ends in a macro (pte_val(pte) | X
		 * inside riscv's __pte(...)) ends, for libclang, where the
		 * macro's name starts: step over the name and its
		 * arguments to the operator.
		 */
		if (clang_getTokenKind(tokens[i]) != CXToken_Punctuation)
			continue;
		s = clang_getTokenSpelling(tu, tokens[i]);
		open = !strcmp(clang_getCString(s), "(");
		close = !strcmp(clang_getCString(s), ")");
		if (!depth && !open && !close)
			snprintf(buf, size, "%s", clang_getCString(s));
		clang_disposeString(s);
		if (open) {
			depth++;
			continue;
		}
		if (close && depth) {
			depth--;
			continue;
		}
		break;
	}
	clang_disposeTokens(tu, tokens, n);
}

/* Index of the parameter of @func that @expr reads, or -1. */
static int param_index(CXCursor func, CXCursor expr)
{
	CXCursor ref;
	int n;

	for (;;) {
		enum CXCursorKind k;

		expr = strip(expr);
		k = clang_getCursorKind(expr);
		if (k != CXCursor_MemberRefExpr)
			break;
		/* pte_val(pte) is (pte).pte: the member of the parameter. */
		if (cursor_children(expr, &expr, 1) != 1)
			return -1;
	}
	if (clang_getCursorKind(expr) != CXCursor_DeclRefExpr)
		return -1;
	ref = clang_getCursorReferenced(expr);
	if (clang_getCursorKind(ref) != CXCursor_ParmDecl)
		return -1;
	n = clang_Cursor_getNumArguments(func);
	for (int i = 0; i < n && i < 32; i++)
		if (clang_equalCursors(clang_Cursor_getArgument(func, i), ref))
			return i;
	return -1;
}

struct walk {
	struct effects_cache *ec;
	CXCursor func;
	struct effects *out;
	struct strv *strings;
};

static void add_named(struct walk *w, const struct named_mask *n)
{
	struct effects *e = w->out;

	for (int i = 0; i < e->nr_named; i++)
		if (e->named[i].value == n->value &&
		    !strcmp(e->named[i].macro, n->macro))
			return;
	if (e->nr_named == MAX_NAMED)
		return;
	strv_push(w->strings, n->macro);
	e->named[e->nr_named].macro = w->strings->v[w->strings->n - 1];
	strv_push(w->strings, n->file ? n->file : "");
	e->named[e->nr_named].file = w->strings->v[w->strings->n - 1];
	e->named[e->nr_named].line = n->line;
	e->named[e->nr_named++].value = n->value;
}

struct macro_search {
	CXTranslationUnit tu;
	CXCursor found;
	int nr_object;
};

/*
 * The object-like macros expanded in @operand's extent, in the file:
 * __pgprot(PTE_SOFT_DIRTY) has one, PTE_A | PTE_B two.
 */
static void object_macros(struct walk *w, CXCursor operand,
			  struct macro_search *ms)
{
	CXToken *tokens;
	unsigned int n;

	cursor_file_tokens(w->ec->tu, operand, &tokens, &n);
	for (unsigned int i = 0; i < n; i++) {
		CXCursor c, def;

		if (clang_getTokenKind(tokens[i]) != CXToken_Identifier)
			continue;
		c = clang_getCursor(w->ec->tu, clang_getTokenLocation(
						       w->ec->tu, tokens[i]));
		if (clang_getCursorKind(c) != CXCursor_MacroExpansion)
			continue;
		def = clang_getCursorReferenced(c);
		if (clang_Cursor_isNull(def) ||
		    clang_Cursor_isMacroFunctionLike(def))
			continue;
		ms->found = def;
		ms->nr_object++;
	}
	clang_disposeTokens(w->ec->tu, tokens, n);
}

/* Remember the macro a constant set operand is written as, when one. */
static void name_operand(struct walk *w, CXCursor operand, uint64_t v)
{
	struct macro_search ms = { w->ec->tu, clang_getNullCursor(), 0 };
	struct named_mask n = { v, NULL, NULL, 0 };
	struct where where;
	char *name;

	object_macros(w, operand, &ms);
	if (ms.nr_object != 1)
		return;
	name = cursor_name(ms.found);
	where_cursor(ms.found, &where);
	n.macro = name;
	n.file = where.file;
	n.line = where.line;
	add_named(w, &n);
	where_free(&where);
	free(name);
}

static void add_operand(struct walk *w, CXCursor operand, bool set)
{
	uint64_t v;
	int p;

	if (const_value(operand, &v)) {
		if (set) {
			w->out->set |= v;
			name_operand(w, operand, v);
		} else {
			w->out->clear |= v;
		}
		return;
	}
	p = param_index(w->func, operand);
	if (p >= 0) {
		if (set)
			w->out->set_param |= 1u << p;
		else
			w->out->clear_param |= 1u << p;
	}
}

struct swap_search {
	uint64_t value;
	CXCursor found;
};

static enum CXChildVisitResult find_swap(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct swap_search *s = data;
	CXCursor arg;
	uint64_t v;

	if (clang_getCursorKind(c) != CXCursor_CallExpr ||
	    clang_Cursor_getNumArguments(c) != 1)
		return CXChildVisit_Recurse;
	arg = clang_Cursor_getArgument(c, 0);
	if (!const_value(arg, &v) || v == s->value ||
	    __builtin_bswap64(v) != s->value)
		return CXChildVisit_Recurse;
	s->found = arg;
	return CXChildVisit_Break;
}

/*
 * A mask of an entry kept in the other byte order (a big-endian raw entry
 * on a little-endian build): the operand is a call, such as
 * __builtin_bswap64(X), that gives X byte-swapped. The bits are X's, and
 * X is what says whether it is a complement. Found by the value, whatever
 * the wrapper's name; a shift (1ULL << 56) is no call, so never taken.
 */
static CXCursor unswap(CXCursor operand)
{
	struct swap_search s = { 0, clang_getNullCursor() };

	if (!const_value(operand, &s.value))
		return operand;
	if (find_swap(operand, operand, &s) != CXChildVisit_Break)
		clang_visitChildren(operand, find_swap, &s);
	return clang_Cursor_isNull(s.found) ? operand : s.found;
}

/* Is @operand written ~X? Then X is what an '&' clears. */
static bool complement(struct walk *w, CXCursor operand, CXCursor *inner)
{
	char op[4];

	operand = strip(operand);
	if (clang_getCursorKind(operand) != CXCursor_UnaryOperator)
		return false;
	operator_spelling(w->ec->tu, operand, op, sizeof(op));
	return !strcmp(op, "~") && cursor_children(operand, inner, 1) == 1;
}

static void binary(struct walk *w, CXCursor c)
{
	CXCursor kids[2], inner;
	char op[4];
	uint64_t v;

	if (cursor_children(c, kids, 2) != 2)
		return;
	operator_spelling(w->ec->tu, c, op, sizeof(op));
	kids[0] = unswap(kids[0]);
	kids[1] = unswap(kids[1]);
	if (!strcmp(op, "|") || !strcmp(op, "|=")) {
		if (op[1] != '=')
			add_operand(w, kids[0], true);
		add_operand(w, kids[1], true);
	} else if (!strcmp(op, "&") || !strcmp(op, "&=")) {
		for (int i = op[1] == '=' ? 1 : 0; i < 2; i++) {
			if (complement(w, kids[i], &inner))
				add_operand(w, inner, false);
			else if (op[1] != '=' && const_value(kids[i], &v)) {
				w->out->test |= v;
				w->out->own_test |= v;
			}
		}
	}
}

static void call(struct walk *w, CXCursor c)
{
	CXCursor callee = clang_getCursorReferenced(c);
	const struct effects *e;
	int nargs;

	if (clang_getCursorKind(callee) != CXCursor_FunctionDecl)
		return;
	e = effects_of(w->ec, callee);
	w->out->set |= e->set;
	w->out->clear |= e->clear;
	w->out->test |= e->test;
	for (int i = 0; i < e->nr_named; i++)
		add_named(w, &e->named[i]);
	nargs = clang_Cursor_getNumArguments(c);
	for (int i = 0; i < nargs && i < 32; i++) {
		CXCursor arg = clang_Cursor_getArgument(c, i);

		if (e->set_param & (1u << i))
			add_operand(w, arg, true);
		if (e->clear_param & (1u << i))
			add_operand(w, arg, false);
	}
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
				     CXClientData data)
{
	struct walk *w = data;

	switch (clang_getCursorKind(c)) {
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		binary(w, c);
		break;
	case CXCursor_CallExpr:
		call(w, c);
		break;
	default:
		break;
	}
	return CXChildVisit_Recurse;
}

const struct effects *effects_of(struct effects_cache *ec, CXCursor func)
{
	CXCursor def = clang_getCursorDefinition(func);
	CXString usr = clang_getCursorUSR(func);
	const char *key = clang_getCString(usr);
	unsigned long h = 5381;
	struct entry *e;
	struct walk w;

	for (const char *p = key; *p; p++)
		h = h * 33 + (unsigned char)*p;
	h %= NR_BUCKETS;
	for (e = ec->buckets[h]; e; e = e->next) {
		if (!strcmp(e->usr, key)) {
			clang_disposeString(usr);
			return &e->effects;
		}
	}
	/* Insert before walking: a recursive helper sees itself as empty. */
	e = xcalloc(1, sizeof(*e));
	e->usr = xstrdup(key);
	e->next = ec->buckets[h];
	ec->buckets[h] = e;
	clang_disposeString(usr);
	if (clang_Cursor_isNull(def))
		return &e->effects;

	w.ec = ec;
	w.func = def;
	w.out = &e->effects;
	w.strings = &e->strings;
	e->effects.known = true;
	clang_visitChildren(def, visit, &w);
	return &e->effects;
}

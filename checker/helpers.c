// SPDX-License-Identifier: GPL-2.0
/*
 * The arch's PTE helpers by name, functions or macros, with their bit
 * effects. A function is read from its body (effects.c); a macro through
 * a wrapper function the probe adds, whose calls libclang has expanded,
 * and from the tokens of its definition, where an operator next to a mask
 * says what it does: libclang shows no operator inside a macro body.
 */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define WRAP_PREFIX "__ptecheck_wrap_"
#define EVAL_PREFIX "__ptecheck_eval_"

static const char *const kinds[] = { "mk",     "test",	   "clear",
				     "swp_mk", "swp_test", "swp_clear" };

void helper_name(char *buf, int size, const char *level, const char *kind,
		 const char *feature)
{
	if (!strcmp(kind, "mk"))
		snprintf(buf, size, "%s_mk%s", level, feature);
	else if (!strcmp(kind, "test"))
		snprintf(buf, size, "%s_%s", level, feature);
	else if (!strcmp(kind, "clear"))
		snprintf(buf, size, "%s_clear_%s", level, feature);
	else if (!strcmp(kind, "swp_mk"))
		snprintf(buf, size, "%s_swp_mk%s", level, feature);
	else if (!strcmp(kind, "swp_test"))
		snprintf(buf, size, "%s_swp_%s", level, feature);
	else
		snprintf(buf, size, "%s_swp_clear_%s", level, feature);
}

static char *wrapper(const char *text, const char *name)
{
	const char *type = starts_with(name, "pmd_") ? "pmd_t" : "pte_t";

	return xasprintf(
		"%s#ifdef %s\nstatic inline __maybe_unused typeof(%s((%s){ 0 })) " WRAP_PREFIX
		"%s(%s p) { return %s(p); }\n#endif\n",
		text, name, name, type, name, type, name);
}

/*
 * For a macro test @name: which bits, each set alone in an entry, make it
 * true; libclang folds the 64 tests into one constant when the macro
 * reads only constants and the entry (arm64's pte_present). Consumes
 * @text.
 */
static char *evaluator(char *text, const char *name)
{
	const char *type = starts_with(name, "pmd_") ? "pmd_t" : "pte_t";
	char *body = xstrdup("0ULL"), *next;

	for (int bit = 0; bit < 64; bit++) {
		next = xasprintf(
			"%s | (%s(((%s){ 1ULL << %d })) ? 1ULL << %d : 0)",
			body, name, type, bit, bit);
		free(body);
		body = next;
	}
	next = xasprintf(
		"%s#ifdef %s\nstatic inline __maybe_unused unsigned long long " EVAL_PREFIX
		"%s(void) { return %s; }\n#endif\n",
		text, name, name, body);
	free(body);
	free(text);
	return next;
}

char *helpers_probe_text(const struct arch *arch, const char *extra)
{
	char *text = xstrdup(""), *next, name[128];

	for (int i = 0; i < arch->nr_tracking; i++) {
		for (int l = 0; l < 2; l++) {
			for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
				helper_name(name, sizeof(name),
					    l ? "pmd" : "pte", kinds[k],
					    arch->tracking[i].feature);
				next = wrapper(text, name);
				free(text);
				text = next;
			}
		}
	}
	for (int i = 0; i < arch->nr_present_tests; i++) {
		const struct strv *h = &arch->present_tests[i].helpers;

		for (int k = 0; k < h->n; k++) {
			next = evaluator(wrapper(text, h->v[k]), h->v[k]);
			free(text);
			text = next;
		}
	}
	if (extra) {
		char *own = xasprintf(WRAP_PREFIX "%s(", extra);
		bool have = strstr(text, own);

		free(own);
		if (have)
			return text;
		next = wrapper(text, extra);
		free(text);
		text = next;
	}
	return text;
}

struct search {
	const char *name;
	CXCursor function, macro;
};

static enum CXChildVisitResult find(CXCursor c, CXCursor parent,
				    CXClientData data)
{
	struct search *s = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	char *name;

	if (k != CXCursor_MacroDefinition &&
	    (k != CXCursor_FunctionDecl || !clang_isCursorDefinition(c)))
		return CXChildVisit_Continue;
	name = cursor_name(c);
	if (!strcmp(name, s->name)) {
		if (k == CXCursor_MacroDefinition)
			s->macro = c;
		else
			s->function = c;
	}
	free(name);
	return CXChildVisit_Continue;
}

static struct search search(struct unit *unit, const char *name)
{
	struct search s = { name, clang_getNullCursor(),
			    clang_getNullCursor() };

	clang_visitChildren(clang_getTranslationUnitCursor(unit->tu->cx), find,
			    &s);
	return s;
}

static bool is_op(const char *t, const char *a, const char *b)
{
	return !strcmp(t, a) || (b && !strcmp(t, b));
}

static void body_effects(struct unit *unit, const struct strv *tokens, int from,
			 struct effects *e, int depth);
static bool evaluated(struct unit *unit, const char *name, uint64_t *mask);

/*
 * The parenthesised group at @tokens[@i], the operand of an '&': the OR
 * of the masks the model knows in it, "(A | B)" (its other words cannot
 * be told apart from an operand, so they add nothing); the index after
 * it in @end.
 */
static bool group_value(struct unit *unit, const struct strv *tokens, int i,
			uint64_t *value, int *end)
{
	int depth = 0;

	*value = 0;
	for (; i < tokens->n; i++) {
		const char *t = tokens->v[i];
		uint64_t v;

		if (!strcmp(t, "(")) {
			depth++;
		} else if (!strcmp(t, ")")) {
			if (!--depth) {
				*end = i + 1;
				return true;
			}
		} else if (!strcmp(t, "~")) {
			return false; /* x & (~A): the token reading's */
		} else if (model_value(&unit->model, t, &v)) {
			*value |= v;
		}
	}
	return false;
}

/* What the operators next to known masks in a macro's body do. */
static void macro_effects(struct unit *unit, CXCursor macro, struct effects *e,
			  int depth)
{
	struct strv tokens = { 0 };

	cursor_tokens(unit->tu->cx, macro, &tokens);
	body_effects(unit, &tokens, 1, e, depth);
	strv_free(&tokens);
}

/*
 * The same over @tokens from @from on: the tokens of a macro's body, or
 * of a function's, whose calls of macros effects.c cannot see into.
 */
static void body_effects(struct unit *unit, const struct strv *tokens, int from,
			 struct effects *e, int depth)
{
	for (int i = from; i < tokens->n; i++) {
		const char *prev = i ? tokens->v[i - 1] : "";
		const char *next = i + 1 < tokens->n ? tokens->v[i + 1] : "";
		struct search inner;
		uint64_t v;
		int end;

		/*
		 * x & (A | B) tests A | B, x & ~(A | B) clears it: the group
		 * is evaluated as a whole.
		 */
		if (!strcmp(tokens->v[i], "(") && is_op(prev, "&", "~") &&
		    group_value(unit, tokens, i, &v, &end)) {
			if (!strcmp(prev, "~"))
				e->clear |= v;
			else
				e->test |= v;
			i = end - 1;
			continue;
		}
		if (model_value(&unit->model, tokens->v[i], &v)) {
			if (is_op(prev, "~", NULL))
				e->clear |= v;
			else if (is_op(prev, "&", "&=") ||
				 is_op(next, "&", NULL))
				e->test |= v;
			else if (is_op(prev, "|", "|=") ||
				 is_op(next, "|", NULL))
				e->set |= v;
			continue;
		}
		if (depth >= 4 || !is_op(next, "(", NULL))
			continue;
		/* A present test inside another (6.1's pmd_present()). */
		if (evaluated(unit, tokens->v[i], &v)) {
			e->test |= v;
			continue;
		}
		inner = search(unit, tokens->v[i]);
		if (!clang_Cursor_isNull(inner.macro))
			macro_effects(unit, inner.macro, e, depth + 1);
	}
}

static void merge(struct effects *to, const struct effects *from)
{
	to->set |= from->set;
	to->clear |= from->clear;
	to->test |= from->test;
	for (int i = 0; i < from->nr_named && to->nr_named < MAX_NAMED; i++)
		to->named[to->nr_named++] = from->named[i];
}

bool helper_lookup(struct unit *unit, const char *name, struct helper *out)
{
	struct search s = search(unit, name);
	struct where w;
	CXCursor at;

	memset(out, 0, sizeof(*out));
	if (clang_Cursor_isNull(s.function) && clang_Cursor_isNull(s.macro))
		return false;
	out->found = true;
	out->is_macro = clang_Cursor_isNull(s.function);
	at = out->is_macro ? s.macro : s.function;
	where_cursor(at, &w);
	out->file = w.file;
	out->line = w.line;
	out->in_scope = out->file && path_under(out->file, unit->scope);
	if (!out->is_macro) {
		out->effects = *effects_of(unit->effects, s.function);
	} else {
		char *wrap = xasprintf(WRAP_PREFIX "%s", name);
		struct search ws = search(unit, wrap);

		if (!clang_Cursor_isNull(ws.function))
			merge(&out->effects,
			      effects_of(unit->effects, ws.function));
		macro_effects(unit, s.macro, &out->effects, 0);
		out->effects.known = true;
		free(wrap);
	}
	return true;
}

void helper_free(struct helper *h)
{
	free(h->file);
	h->file = NULL;
}

/*
 * The bit @mk sets and @clear clears (all that @mk sets when there is no
 * @clear), when @mk writes it as one macro: that macro's name, value and
 * definition, into the model under @hint.
 */
static void derive(struct unit *unit, const char *hint, const char *mk,
		   const char *clear)
{
	struct helper set, clr;
	uint64_t bit;

	if (!helper_lookup(unit, mk, &set) || !set.in_scope) {
		helper_free(&set);
		return;
	}
	bit = set.effects.set;
	if (helper_lookup(unit, clear, &clr) && clr.in_scope)
		bit &= clr.effects.clear;
	helper_free(&clr);
	for (int i = 0; bit && i < set.effects.nr_named; i++) {
		const struct named_mask *n = &set.effects.named[i];
		uint64_t v;

		if (n->value != bit)
			continue;
		/* The data's own name, with this value, stays. */
		if (model_value(&unit->model, hint, &v) && v == bit)
			break;
		model_rename(&unit->model, hint, n->macro, n->value, n->file,
			     n->line);
		break;
	}
	helper_free(&set);
}

void helpers_derive_tracking(struct unit *unit)
{
	char mk[128], clear[128];

	for (int i = 0; i < unit->arch->nr_tracking; i++) {
		const struct tracking *t = &unit->arch->tracking[i];

		helper_name(mk, sizeof(mk), "pte", "mk", t->feature);
		helper_name(clear, sizeof(clear), "pte", "clear", t->feature);
		derive(unit, t->pte_macro, mk, clear);
		helper_name(mk, sizeof(mk), "pte", "swp_mk", t->feature);
		helper_name(clear, sizeof(clear), "pte", "swp_clear",
			    t->feature);
		derive(unit, t->swp_macro, mk, clear);
	}
}

static enum CXChildVisitResult find_body(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	if (clang_getCursorKind(c) != CXCursor_CompoundStmt)
		return CXChildVisit_Continue;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

/* The constant the probe's evaluator of @name returns, when it folds. */
static bool evaluated(struct unit *unit, const char *name, uint64_t *mask)
{
	char *fn = xasprintf(EVAL_PREFIX "%s", name);
	struct search s = search(unit, fn);
	CXCursor body = clang_getNullCursor(), ret, expr;
	bool ok = false;

	free(fn);
	if (clang_Cursor_isNull(s.function))
		return false;
	clang_visitChildren(s.function, find_body, &body);
	if (!clang_Cursor_isNull(body) && cursor_children(body, &ret, 1) == 1 &&
	    cursor_children(ret, &expr, 1) == 1)
		ok = const_value(expr, mask);
	return ok;
}

uint64_t helper_reads(struct unit *unit, const char *name, bool *found)
{
	struct helper h;
	uint64_t mask = 0;

	*found = true;
	if (evaluated(unit, name, &mask))
		return mask;
	if (!helper_lookup(unit, name, &h)) {
		*found = false;
		return 0;
	}
	/*
	 * A function: what its own operators test (pte_flags(a) & (A | B)),
	 * not what it calls to extract the flags (& PTE_FLAGS_MASK), and
	 * what the macros it expands test, which effects.c cannot see.
	 */
	mask = h.is_macro ? h.effects.test : h.effects.own_test;
	if (!h.is_macro) {
		struct search fs = search(unit, name);
		struct strv tokens = { 0 };
		struct effects e = { 0 };

		cursor_tokens(unit->tu->cx, fs.function, &tokens);
		body_effects(unit, &tokens, 0, &e, 1);
		mask |= e.test;
		strv_free(&tokens);
	}
	helper_free(&h);
	return mask;
}

void helpers_derive_zero(struct unit *unit)
{
	const struct arch *arch = unit->arch;

	for (int i = 0; i < arch->nr_present_tests; i++) {
		const struct present_test_def *t = &arch->present_tests[i];
		uint64_t mask = 0;
		bool found, any = false;

		for (int k = 0; k < t->helpers.n; k++) {
			mask |= helper_reads(unit, t->helpers.v[k], &found);
			any |= found;
		}
		if (any)
			model_set_zero(&unit->model, t->state, mask,
				       t->helpers.v[0]);
	}
}

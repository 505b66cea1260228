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

/* What the operators next to known masks in a macro's body do. */
static void macro_effects(struct unit *unit, CXCursor macro, struct effects *e,
			  int depth)
{
	struct strv tokens = { 0 };

	cursor_tokens(unit->tu->cx, macro, &tokens);
	for (int i = 1; i < tokens.n; i++) {
		const char *prev = tokens.v[i - 1];
		const char *next = i + 1 < tokens.n ? tokens.v[i + 1] : "";
		struct search inner;
		uint64_t v;

		if (model_value(&unit->model, tokens.v[i], &v)) {
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
		inner = search(unit, tokens.v[i]);
		if (!clang_Cursor_isNull(inner.macro))
			macro_effects(unit, inner.macro, e, depth + 1);
	}
	strv_free(&tokens);
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

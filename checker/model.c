// SPDX-License-Identifier: GPL-2.0
/* The PTE model of one configuration: macro values evaluated by libclang. */
#include <stdlib.h>
#include <string.h>

#include "model.h"

#define PROBE_PREFIX "__ptecheck_probe_"

static void macro_names(const struct arch *arch, struct strv *names)
{
	for (int i = 0; i < arch->nr_tracking; i++) {
		strv_push(names, arch->tracking[i].pte_macro);
		strv_push(names, arch->tracking[i].swp_macro);
	}
}

char *model_probe_text(const struct arch *arch)
{
	struct strv names = { 0 };
	char *text = xstrdup(""), *next;

	macro_names(arch, &names);
	for (int i = 0; i < names.n; i++) {
		const char *m = names.v[i];

		next = xasprintf(
			"%s#ifdef %s\nstatic inline __maybe_unused unsigned long long " PROBE_PREFIX
			"%s(void) { return (unsigned long long)(%s); }\n#endif\n",
			text, m, m, m);
		free(text);
		text = next;
	}
	strv_free(&names);
	return text;
}

static enum CXChildVisitResult find_body(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	if (clang_getCursorKind(c) != CXCursor_CompoundStmt)
		return CXChildVisit_Continue;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

/* The returned expression of a probe function. */
static bool probe_result(CXCursor func, uint64_t *value)
{
	CXCursor body = clang_getNullCursor(), ret, expr;

	/* The kernel's inline brings attributes: look for the body. */
	clang_visitChildren(func, find_body, &body);
	if (clang_Cursor_isNull(body) || cursor_children(body, &ret, 1) != 1 ||
	    cursor_children(ret, &expr, 1) != 1)
		return false;
	return const_value(expr, value);
}

static enum CXChildVisitResult scan(CXCursor c, CXCursor parent,
				    CXClientData data)
{
	struct model *model = data;
	char *name;

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	name = cursor_name(c);
	if (starts_with(name, PROBE_PREFIX)) {
		const char *macro = name + strlen(PROBE_PREFIX);

		for (int i = 0; i < model->nr_macros; i++) {
			struct macro_value *m = &model->macros[i];

			if (strcmp(m->name, macro))
				continue;
			m->state = probe_result(c, &m->value) ? MACRO_CONSTANT :
								MACRO_DYNAMIC;
		}
	}
	free(name);
	return CXChildVisit_Continue;
}

void model_load(struct model *model, struct tu *tu, const struct arch *arch)
{
	struct strv names = { 0 };

	macro_names(arch, &names);
	model->macros = xcalloc(names.n, sizeof(*model->macros));
	model->nr_macros = names.n;
	for (int i = 0; i < names.n; i++)
		model->macros[i].name = xstrdup(names.v[i]);
	strv_free(&names);
	clang_visitChildren(clang_getTranslationUnitCursor(tu->cx), scan,
			    model);
}

void model_free(struct model *model)
{
	for (int i = 0; i < model->nr_macros; i++)
		free(model->macros[i].name);
	free(model->macros);
	model->macros = NULL;
	model->nr_macros = 0;
}

bool model_value(const struct model *model, const char *name, uint64_t *value)
{
	for (int i = 0; i < model->nr_macros; i++) {
		const struct macro_value *m = &model->macros[i];

		if (!strcmp(m->name, name) && m->state == MACRO_CONSTANT) {
			*value = m->value;
			return true;
		}
	}
	return false;
}

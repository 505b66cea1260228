// SPDX-License-Identifier: GPL-2.0
/* The walk over one TU and the hooks rules register on it. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "helpers.h"
#include "patch_lines.h"
#include "report.h"

#define MAX_DEPTH 256

void engine_init(struct engine *engine, struct findings *findings,
		 const bool *enabled)
{
	memset(engine, 0, sizeof(*engine));
	engine->findings = findings;
	for (int i = 0; i < NR_RULES; i++)
		if (!enabled || enabled[i])
			rules[i].init(engine, i);
}

void engine_free(struct engine *engine)
{
	strv_free(&engine->walked);
	strv_free(&engine->added);
}

void engine_set_config(struct engine *engine, const char *label)
{
	strv_free(&engine->walked);
	findings_set_config(engine->findings, label);
}

#define ADD_HOOK(list, nr, fn)                  \
	do {                                    \
		if ((nr) == MAX_HOOKS)          \
			die("too many " #list); \
		(list)[(nr)++] = (fn);          \
	} while (0)

void add_call_hook(struct engine *engine, call_hook_fn fn)
{
	ADD_HOOK(engine->call_hooks, engine->nr_call_hooks, fn);
}

void add_names_hook(struct engine *engine, names_hook_fn fn)
{
	ADD_HOOK(engine->names_hooks, engine->nr_names_hooks, fn);
}

void add_function_hook(struct engine *engine, function_hook_fn fn)
{
	ADD_HOOK(engine->function_hooks, engine->nr_function_hooks, fn);
}

void add_core_function_hook(struct engine *engine, function_hook_fn fn)
{
	ADD_HOOK(engine->core_function_hooks, engine->nr_core_function_hooks,
		 fn);
}

void add_core_names_hook(struct engine *engine, names_hook_fn fn)
{
	ADD_HOOK(engine->core_names_hooks, engine->nr_core_names_hooks, fn);
}

bool is_core_mm_source(const char *rel)
{
	return (starts_with(rel, "mm/") && !strchr(rel + 3, '/') &&
		ends_with(rel, ".c")) ||
	       !strcmp(rel, "fs/proc/task_mmu.c");
}

void add_layout_hook(struct engine *engine, layout_hook_fn fn)
{
	ADD_HOOK(engine->layout_hooks, engine->nr_layout_hooks, fn);
}

struct file_scope {
	CXFile file;
	bool in_scope;
	struct file_scope *next;
};

void unit_init(struct unit *unit, struct engine *engine, struct tu *tu,
	       const struct arch *arch, const char *kdir)
{
	memset(unit, 0, sizeof(*unit));
	unit->engine = engine;
	unit->tu = tu;
	unit->arch = arch;
	unit->kdir = kdir;
	unit->scope = xasprintf("%s/arch/%s", kdir, arch->name);
	unit->effects = effects_new(tu->cx);
	model_load(&unit->model, tu, arch);
	helpers_derive_tracking(unit);
}

void unit_free(struct unit *unit)
{
	struct file_scope *f, *next;

	for (f = unit->files; f; f = next) {
		next = f->next;
		free(f);
	}
	effects_free(unit->effects);
	model_free(&unit->model);
	free(unit->scope);
}

bool unit_in_scope(struct unit *unit, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	struct file_scope *f;
	struct where w;
	CXFile file;

	clang_getExpansionLocation(loc, &file, NULL, NULL, NULL);
	if (!file)
		return false;
	for (f = unit->files; f; f = f->next)
		if (f->file == file)
			return f->in_scope;
	where_cursor(c, &w);
	f = xcalloc(1, sizeof(*f));
	f->file = file;
	f->in_scope = w.file && path_under(w.file, unit->scope);
	f->next = unit->files;
	unit->files = f;
	where_free(&w);
	return f->in_scope;
}

void unit_report(struct unit *unit, int rule, CXCursor at, const char *fmt, ...)
{
	const char *rel;
	struct where w;
	va_list ap;
	char *msg;

	where_cursor(at, &w);
	if (!w.file)
		return;
	rel = path_under(w.file, unit->kdir);
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	findings_add(unit->engine->findings, rule, rel ? rel : w.file, w.line,
		     w.column, "%s", msg);
	free(msg);
	where_free(&w);
}

static void report_line(struct unit *unit, int rule, const char *file,
			unsigned int line, const char *fmt, va_list ap)
{
	const char *rel = path_under(file, unit->kdir);
	char *msg;

	if (vasprintf(&msg, fmt, ap) < 0)
		die("out of memory");
	findings_add(unit->engine->findings, rule, rel ? rel : file, line, 1,
		     "%s", msg);
	free(msg);
}

void unit_report_line(struct unit *unit, int rule, const char *file,
		      unsigned int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_line(unit, rule, file, line, fmt, ap);
	va_end(ap);
}

bool unit_macro_added(struct unit *unit, const char *macro)
{
	const struct macro_value *m = model_macro(&unit->model, macro);
	const char *rel = m && m->file ? path_under(m->file, unit->kdir) : NULL;

	return rel && patch_line_added(&unit->engine->added, rel, m->line);
}

const char *unit_newer_macro(struct unit *unit, const char *a, const char *b)
{
	const struct macro_value *ma = model_macro(&unit->model, a);
	const struct macro_value *mb = model_macro(&unit->model, b);

	if (unit_macro_added(unit, a) != unit_macro_added(unit, b))
		return unit_macro_added(unit, a) ? a : b;
	if (ma && mb && ma->file && mb->file && !strcmp(ma->file, mb->file) &&
	    ma->line != mb->line)
		return ma->line > mb->line ? a : b;
	return NULL;
}

void unit_report_macro(struct unit *unit, int rule, const char *macro,
		       const char *fmt, ...)
{
	const struct macro_value *m = model_macro(&unit->model, macro);
	va_list ap;

	if (!m || !m->file)
		return;
	va_start(ap, fmt);
	report_line(unit, rule, m->file, m->line, fmt, ap);
	va_end(ap);
}

void unit_layout(struct unit *unit, struct layout *layout)
{
	/* Only the header probe has a layout: derive its zero bits here. */
	helpers_derive_zero(unit);
	model_layout(&unit->model, unit->arch, layout);
	for (int i = 0; i < unit->engine->nr_layout_hooks; i++)
		unit->engine->layout_hooks[i](unit, layout);
}

struct walker {
	struct unit *unit;
	CXCursor frames[MAX_DEPTH];
	int index[MAX_DEPTH];
	int next_child[MAX_DEPTH];
	int depth;
};

static void fire_call_hooks(struct walker *w, CXCursor call)
{
	struct site site = {
		.unit = w->unit,
		.call = call,
		.callee = clang_getCursorReferenced(call),
		.frames = w->frames,
		.index = w->index,
		.depth = w->depth,
	};
	char *name = cursor_name(call);

	site.callee_name = name;
	for (int i = 0; i < w->unit->engine->nr_call_hooks; i++)
		w->unit->engine->call_hooks[i](&site);
	free(name);
}

static enum CXChildVisitResult walk_visit(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct walker *w = data;
	int d = w->depth;

	if (d >= MAX_DEPTH)
		return CXChildVisit_Continue;
	w->frames[d] = c;
	w->index[d] = w->next_child[d - 1]++;
	w->next_child[d] = 0;
	w->depth++;
	if (clang_getCursorKind(c) == CXCursor_CallExpr)
		fire_call_hooks(w, c);
	clang_visitChildren(c, walk_visit, w);
	w->depth--;
	return CXChildVisit_Continue;
}

/*
 * A header function seen in an earlier TU of this configuration is not
 * walked again: one report, however many TUs include it.
 */
static bool walked_before(struct unit *unit, CXCursor func)
{
	struct where where;
	struct strv *walked = &unit->engine->walked;
	char *key;
	bool seen = false;

	where_cursor(func, &where);
	if (!where.file || !strcmp(where.file, unit->tu->file)) {
		where_free(&where);
		return false;
	}
	key = xasprintf("%s:%u:%u", where.file, where.line, where.column);
	for (int i = 0; i < walked->n && !seen; i++)
		seen = !strcmp(walked->v[i], key);
	if (!seen)
		strv_push(walked, key);
	free(key);
	where_free(&where);
	return seen;
}

/* A function defined in the TU's own file, when that is core mm. */
static bool in_core_mm(struct unit *unit, CXCursor func)
{
	const char *rel = path_under(unit->tu->file, unit->kdir);
	struct where where;
	bool own;

	if (!rel || !is_core_mm_source(rel))
		return false;
	where_cursor(func, &where);
	own = where.file && !strcmp(where.file, unit->tu->file);
	where_free(&where);
	return own;
}

static enum CXChildVisitResult walk_top(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct walker *w = data;

	if (w->unit->engine->nr_core_function_hooks &&
	    clang_getCursorKind(c) == CXCursor_FunctionDecl &&
	    clang_isCursorDefinition(c) && in_core_mm(w->unit, c)) {
		for (int i = 0; i < w->unit->engine->nr_core_function_hooks;
		     i++)
			w->unit->engine->core_function_hooks[i](w->unit, c);
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c) || !unit_in_scope(w->unit, c) ||
	    walked_before(w->unit, c))
		return CXChildVisit_Continue;
	for (int i = 0; i < w->unit->engine->nr_function_hooks; i++)
		w->unit->engine->function_hooks[i](w->unit, c);
	w->frames[0] = c;
	w->index[0] = 0;
	w->next_child[0] = 0;
	w->depth = 1;
	clang_visitChildren(c, walk_visit, w);
	return CXChildVisit_Continue;
}

void unit_walk(struct unit *unit)
{
	struct walker *w;

	if (!unit->engine->nr_call_hooks && !unit->engine->nr_function_hooks &&
	    !unit->engine->nr_core_function_hooks)
		return;
	w = xcalloc(1, sizeof(*w));
	w->unit = unit;
	clang_visitChildren(clang_getTranslationUnitCursor(unit->tu->cx),
			    walk_top, w);
	free(w);
}

void unit_names(struct unit *unit, struct strv *names)
{
	for (int i = 0; i < unit->engine->nr_names_hooks; i++)
		unit->engine->names_hooks[i](unit, names);
}

void unit_core_names(struct unit *unit, struct strv *names)
{
	for (int i = 0; i < unit->engine->nr_core_names_hooks; i++)
		unit->engine->core_names_hooks[i](unit, names);
}

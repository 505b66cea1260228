/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The walk over one TU and the hooks rules register on it, after smatch:
 * a rule adds hooks at init time and reports through unit_report() only.
 */
#ifndef PTECHECK_ENGINE_H
#define PTECHECK_ENGINE_H

#include <clang-c/Index.h>

#include "arch.h"
#include "config.h"
#include "effects.h"
#include "model.h"
#include "report.h"
#include "tu.h"

struct file_scope;

#define MAX_HOOKS 32

struct unit;
struct site;

typedef void (*call_hook_fn)(const struct site *site);
/* Runs on every in-scope function definition, before its calls. */
typedef void (*function_hook_fn)(struct unit *unit, CXCursor func);
/* Runs once per configuration, on the layout of the header probe. */
typedef void (*layout_hook_fn)(struct unit *unit, const struct layout *layout);
/* Adds the names whose mention makes a source file worth parsing. */
typedef void (*names_hook_fn)(struct unit *unit, struct strv *names);

/*
 * Core mm: the top-level C sources of mm/ and fs/proc/task_mmu.c, where
 * entries move between states. Only rules that register a core hook
 * bring these sources into a run.
 */
bool is_core_mm_source(const char *rel);

/*
 * One run's rules: the hooks the enabled rules registered, where their
 * findings go, and the header functions walked in this configuration.
 */
struct engine {
	call_hook_fn call_hooks[MAX_HOOKS];
	int nr_call_hooks;
	names_hook_fn names_hooks[MAX_HOOKS];
	int nr_names_hooks;
	layout_hook_fn layout_hooks[MAX_HOOKS];
	int nr_layout_hooks;
	function_hook_fn function_hooks[MAX_HOOKS];
	int nr_function_hooks;
	/* The same, for functions defined in a core mm source. */
	function_hook_fn core_function_hooks[MAX_HOOKS];
	int nr_core_function_hooks;
	names_hook_fn core_names_hooks[MAX_HOOKS];
	int nr_core_names_hooks;
	struct findings *findings;
	struct strv walked; /* "file:line:col" of header functions */
	/* "path:line" the patch under check adds (--added-by), if any. */
	struct strv added;
};

/* No rule enabled: for the commands that want the bits, not findings. */
static const bool no_rules[NR_RULES];

/* Register the hooks of every rule @enabled names (NULL: all). */
void engine_init(struct engine *engine, struct findings *findings,
		 const bool *enabled);
void engine_free(struct engine *engine);
/*
 * Findings from now on hold in configuration @label, and a header
 * function is walked once in it.
 */
void engine_set_config(struct engine *engine, const char *label);

/* One parsed TU with what the rules need to read it. */
struct unit {
	struct engine *engine;
	struct tu *tu;
	const struct arch *arch;
	const char *kdir;
	char *scope; /* absolute: KDIR/arch/<arch> */
	struct effects_cache *effects;
	struct model model;
	struct file_scope *files; /* CXFile -> in scope, cached */
	const struct kconfig *kconfig; /* the .config, where there is one */
	/*
	 * The header probe parsed again with "-D" @defines (CONFIG_X=1):
	 * "what if" for a feature the arch never selects. NULL: not here.
	 */
	struct tu *(*reparse)(const void *data, const struct strv *defines);
	const void *reparse_data;
};

/* A call inside an in-scope function, with the statements around it. */
struct site {
	struct unit *unit;
	CXCursor call;
	CXCursor callee; /* the called function's declaration */
	const char *callee_name;
	/*
	 * frames[0] is the function, frames[depth - 1] the call; index[k]
	 * is where frames[k] stands among frames[k - 1]'s children.
	 */
	const CXCursor *frames;
	const int *index;
	int depth;
};

void add_call_hook(struct engine *engine, call_hook_fn fn);
void add_names_hook(struct engine *engine, names_hook_fn fn);
void add_layout_hook(struct engine *engine, layout_hook_fn fn);
void add_function_hook(struct engine *engine, function_hook_fn fn);
/* Hooks on core mm: its function definitions, the names worth parsing. */
void add_core_function_hook(struct engine *engine, function_hook_fn fn);
void add_core_names_hook(struct engine *engine, names_hook_fn fn);

void unit_init(struct unit *unit, struct engine *engine, struct tu *tu,
	       const struct arch *arch, const char *kdir);
void unit_free(struct unit *unit);
/* Run the call hooks over every in-scope function definition. */
void unit_walk(struct unit *unit);
/* Build the layout of this TU's configuration and run the layout hooks. */
void unit_layout(struct unit *unit, struct layout *layout);
/* The names every rule with call hooks cares about. */
void unit_names(struct unit *unit, struct strv *names);
/* The names that make a core mm source worth parsing (none: not wanted). */
void unit_core_names(struct unit *unit, struct strv *names);
bool unit_in_scope(struct unit *unit, CXCursor c);

void unit_report(struct unit *unit, int rule, CXCursor at, const char *fmt, ...)
	__printf(4, 5);

/* Report at a file (absolute) and line, e.g. a macro's definition. */
void unit_report_line(struct unit *unit, int rule, const char *file,
		      unsigned int line, const char *fmt, ...) __printf(5, 6);
/*
 * Of two macros defined on one bit, the one a reader must change: the one
 * the patch under check adds (--added-by), else the later one in their
 * file. NULL when neither tells them apart (another file, not defined).
 */
const char *unit_newer_macro(struct unit *unit, const char *a, const char *b);
/* Does the patch under check (--added-by) add @macro's definition? */
bool unit_macro_added(struct unit *unit, const char *macro);
/* Report at the definition of @macro (in the probe's preprocessing record). */
void unit_report_macro(struct unit *unit, int rule, const char *macro,
		       const char *fmt, ...) __printf(4, 5);

#endif

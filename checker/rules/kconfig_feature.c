// SPDX-License-Identifier: GPL-2.0
/*
 * KCONFIG_FEATURE: the arch's HAVE_ARCH_ select disagrees with its bits.
 *
 * "select HAVE_ARCH_SOFT_DIRTY" (or HAVE_ARCH_USERFAULTFD_WP) promises
 * core mm a nonzero tracking bit and its helpers once the feature is
 * configured; without the select, bits and helpers are dead weight on the
 * scarcest resource of the entry. Read from the resulting .config (the
 * kernel's own Kconfig decided it), never from a Kconfig parser of ours.
 *
 * Cases reported, per tracking feature of the arch data:
 *   1. the select is there and the feature configured, but the
 *      present-entry bit is 0 or a helper (pte_mk<f>, pte_<f>,
 *      pte_clear_<f>, pte_swp_mk<f>, pte_swp_<f>, pte_swp_clear_<f>) is
 *      missing: at the select line of arch/<arch>/Kconfig;
 *   2. no select, but a nonzero bit: at the bit's definition;
 *   3. no select anywhere in arch/<arch>/Kconfig, but arch headers hold
 *      code under #if/#ifdef CONFIG_<config> or CONFIG_<HAVE_ARCH_...>:
 *      it is never built, at the first such line; then the header probe
 *      is parsed again with both symbols defined and case 1 is checked
 *      as if the feature were selected, at the bit's definition.
 *
 * Error:
 *   select HAVE_ARCH_SOFT_DIRTY         (PTE_SOFT_DIRTY is 0)
 */
#include <dirent.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "../helpers.h"
#include "rules.h"

static int my_id;

/* The line of "select SYMBOL" in the arch's Kconfig, or 0. */
static unsigned int select_line(struct unit *unit, const char *symbol,
				char **file)
{
	char *text, *p, *next, *pattern;
	unsigned int line = 1, found = 0;
	regex_t re;

	*file = xasprintf("%s/arch/%s/Kconfig", unit->kdir, unit->arch->name);
	text = read_file(*file, NULL);
	if (!text)
		return 0;
	pattern = xasprintf("^[[:space:]]*select[[:space:]]+%s([[:space:]]|$)",
			    symbol);
	regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB);
	for (p = text; p && !found; p = next, line++) {
		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		if (!regexec(&re, p, 0, NULL, 0))
			found = line;
	}
	regfree(&re);
	free(pattern);
	free(text);
	return found;
}

static const char *missing_helper(struct unit *unit, const char *feature,
				  char *name, int size)
{
	static const char *const kinds[] = {
		"mk", "test", "clear", "swp_mk", "swp_test", "swp_clear"
	};

	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		struct helper h;
		bool ok;

		helper_name(name, size, "pte", kinds[k], feature);
		ok = helper_lookup(unit, name, &h) && h.in_scope;
		helper_free(&h);
		if (!ok)
			return name;
	}
	return NULL;
}

/* The headers in @dir, in name order. */
static void list_headers(const char *dir, struct strv *out)
{
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((de = readdir(d)))
		if (ends_with(de->d_name, ".h"))
			strv_pushf(out, "%s/%s", dir, de->d_name);
	closedir(d);
	strv_sort(out);
}

/*
 * The first line of arch/<arch>/include/asm/ that tests CONFIG_@symbol in
 * a preprocessor condition (#if, #ifdef, #elif), or 0.
 */
static unsigned int guarded_line(struct unit *unit, const char *symbol,
				 char **file)
{
	char *dir = xasprintf("%s/arch/%s/include/asm", unit->kdir,
			      unit->arch->name);
	char *pattern = xasprintf(
		"^[[:space:]]*#[[:space:]]*(if|ifdef|elif).*CONFIG_%s([^A-Za-z0-9_]|$)",
		symbol);
	struct strv files = { 0 };
	unsigned int found = 0;
	regex_t re;

	*file = NULL;
	regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB);
	list_headers(dir, &files);
	for (int i = 0; i < files.n && !found; i++) {
		char *text = read_file(files.v[i], NULL), *p, *next;
		unsigned int line = 1;

		for (p = text; p && !found; p = next, line++) {
			next = strchr(p, '\n');
			if (next)
				*next++ = '\0';
			if (!regexec(&re, p, 0, NULL, 0)) {
				found = line;
				*file = xstrdup(files.v[i]);
			}
		}
		free(text);
	}
	strv_free(&files);
	regfree(&re);
	free(pattern);
	free(dir);
	return found;
}

/*
 * Code for a feature the arch never selects is never built, so nothing
 * else checks it: say so, then parse the probe again with the feature's
 * symbols defined and check its bit and helpers as if it were selected.
 */
static void what_if(struct unit *unit, const struct tracking *t)
{
	struct strv defines = { 0 };
	const char *symbol = t->config, *missing;
	char *file, *select_file = NULL, name[128];
	unsigned int line = guarded_line(unit, t->config, &file);
	struct unit what;
	struct tu *tu;
	uint64_t bit = 0;

	if (!line) {
		symbol = t->have;
		line = guarded_line(unit, t->have, &file);
	}
	if (!line || select_line(unit, t->have, &select_file)) {
		free(select_file);
		free(file);
		return;
	}
	free(select_file);
	unit_report_line(
		unit, my_id, file, line,
		"%s code under CONFIG_%s, but nothing in arch/%s/Kconfig selects %s: it is never built",
		t->feature, symbol, unit->arch->name, t->have);
	free(file);
	if (!unit->reparse)
		return;
	strv_pushf(&defines, "CONFIG_%s=1", t->have);
	strv_pushf(&defines, "CONFIG_%s=1", t->config);
	tu = unit->reparse(unit->reparse_data, &defines);
	strv_free(&defines);
	unit_init(&what, unit->engine, tu, unit->arch, unit->kdir);
	model_value(&what.model, model_name(&what.model, t->pte_macro), &bit);
	missing = bit ? missing_helper(&what, t->feature, name, sizeof(name)) :
			NULL;
	if (!bit || missing) {
		const char *macro = model_name(&what.model, t->pte_macro);
		char *why = missing ? xasprintf("%s() is missing", missing) :
				      xasprintf("%s is 0 with CONFIG_%s=y",
						macro, t->config);

		unit_report_macro(&what, my_id, macro,
				  "as if %s were selected: %s", t->have, why);
		free(why);
	}
	unit_free(&what);
	tu_free(tu);
}

static void match_layout(struct unit *unit, const struct layout *layout)
{
	if (!unit->kconfig)
		return;
	for (int i = 0; i < unit->arch->nr_tracking; i++) {
		const struct tracking *t = &unit->arch->tracking[i];
		bool have, configured;
		char name[128], *file, *why;
		const char *missing;
		unsigned int line;
		uint64_t bit = 0;

		if (!t->have)
			continue;
		have = kconfig_enabled(unit->kconfig, t->have);
		configured = kconfig_enabled(unit->kconfig, t->config);
		model_value(&unit->model,
			    model_name(&unit->model, t->pte_macro), &bit);
		if (have && configured) {
			missing = bit ? missing_helper(unit, t->feature, name,
						       sizeof(name)) :
					NULL;
			if (bit && !missing)
				continue;
			line = select_line(unit, t->have, &file);
			why = bit ? xasprintf("%s() is missing", missing) :
				    xasprintf("%s is 0 with CONFIG_%s=y",
					      model_name(&unit->model,
							 t->pte_macro),
					      t->config);
			if (line)
				unit_report_line(unit, my_id, file, line,
						 "select %s, but %s", t->have,
						 why);
			free(why);
			free(file);
		} else if (!have && !bit) {
			what_if(unit, t);
		} else if (!have && bit) {
			unit_report_macro(
				unit, my_id,
				model_name(&unit->model, t->pte_macro),
				"%s is set but arch/%s/Kconfig does not select %s",
				model_name(&unit->model, t->pte_macro),
				unit->arch->name, t->have);
		}
	}
}

void init_KCONFIG_FEATURE(struct engine *engine, int id)
{
	my_id = id;
	add_layout_hook(engine, match_layout);
}

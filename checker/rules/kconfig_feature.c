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
 *   2. no select, but a nonzero bit: at the bit's definition.
 *
 * Error:
 *   select HAVE_ARCH_SOFT_DIRTY         (PTE_SOFT_DIRTY is 0)
 */
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

// SPDX-License-Identifier: GPL-2.0
/* Per-arch knowledge, read from the data files in checker/arch/. */
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "arch_data.h"

static const struct {
	const char *name;
	const char *text;
} builtin[] = {
	{ "arm64", ARCH_DATA_arm64 },
	{ "x86", ARCH_DATA_x86 },
};

static void set_word(char **field, struct strv *words, const char *key,
		     const char *origin, int lineno)
{
	if (words->n != 1)
		die("%s:%d: '%s' takes one word", origin, lineno, key);
	free(*field);
	*field = xstrdup(words->v[0]);
}

static void add_words(struct strv *field, struct strv *words)
{
	for (int i = 0; i < words->n; i++)
		strv_push(field, words->v[i]);
}

static void add_tracking(struct arch *arch, struct strv *words,
			 const char *origin, int lineno)
{
	struct tracking *t;

	if (words->n != 3)
		die("%s:%d: 'tracking' takes: feature macro swap-macro", origin,
		    lineno);
	if (arch->nr_tracking == (int)ARRAY_SIZE(arch->tracking))
		die("%s:%d: too many tracking bits", origin, lineno);
	t = &arch->tracking[arch->nr_tracking++];
	t->feature = xstrdup(words->v[0]);
	t->pte_macro = xstrdup(words->v[1]);
	t->swp_macro = xstrdup(words->v[2]);
}

static void parse_line(struct arch *arch, char *line, const char *origin,
		       int lineno)
{
	struct strv words = { 0 };
	char *key, *w;

	line[strcspn(line, "#")] = '\0';
	key = strtok(line, " \t");
	if (!key)
		return;
	while ((w = strtok(NULL, " \t")))
		strv_push(&words, w);

	if (!strcmp(key, "arch"))
		set_word(&arch->name, &words, key, origin, lineno);
	else if (!strcmp(key, "kconfig"))
		set_word(&arch->kconfig, &words, key, origin, lineno);
	else if (!strcmp(key, "defconfig"))
		set_word(&arch->defconfig, &words, key, origin, lineno);
	else if (!strcmp(key, "flags"))
		set_word(&arch->flags_cmd, &words, key, origin, lineno);
	else if (!strcmp(key, "feature"))
		add_words(&arch->features, &words);
	else if (!strcmp(key, "include"))
		add_words(&arch->includes, &words);
	else if (!strcmp(key, "dirty-test"))
		add_words(&arch->dirty_tests, &words);
	else if (!strcmp(key, "tracking"))
		add_tracking(arch, &words, origin, lineno);
	else
		die("%s:%d: unknown key '%s'", origin, lineno, key);
	strv_free(&words);
}

struct arch *arch_parse(const char *text, const char *origin)
{
	struct arch *arch = xcalloc(1, sizeof(*arch));
	char *copy = xstrdup(text), *line, *save = NULL;
	int lineno = 0;

	/* strtok_r by hand: empty lines must still count for line numbers. */
	for (line = copy; line; line = save) {
		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		parse_line(arch, line, origin, ++lineno);
	}
	free(copy);
	if (!arch->name || !arch->kconfig || !arch->defconfig ||
	    !arch->flags_cmd)
		die("%s: needs arch, kconfig, defconfig and flags", origin);
	return arch;
}

const struct arch *arch_lookup(const char *name)
{
	static struct arch *parsed[ARRAY_SIZE(builtin)];

	for (size_t i = 0; i < ARRAY_SIZE(builtin); i++) {
		if (strcmp(builtin[i].name, name))
			continue;
		if (!parsed[i])
			parsed[i] = arch_parse(builtin[i].text,
					       xasprintf("checker/arch/%s.def",
							 name));
		return parsed[i];
	}
	return NULL;
}

const char *arch_names(void)
{
	return "arm64, x86";
}

const struct tracking *arch_tracking(const struct arch *arch,
				     const char *feature)
{
	for (int i = 0; i < arch->nr_tracking; i++)
		if (!strcmp(arch->tracking[i].feature, feature))
			return &arch->tracking[i];
	return NULL;
}

// SPDX-License-Identifier: GPL-2.0
/* A kernel .config as Kconfig wrote it: CONFIG_X=value lines. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "util.h"

struct kconfig {
	char *text;
	struct strv names, values;
};

struct kconfig *kconfig_read(const char *path)
{
	struct kconfig *kc;
	char *line, *next;

	kc = xcalloc(1, sizeof(*kc));
	kc->text = read_file(path, NULL);
	if (!kc->text) {
		free(kc);
		return NULL;
	}
	for (line = kc->text; line; line = next) {
		char *eq;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		/* "# CONFIG_X is not set" lines and comments mean unset. */
		if (!starts_with(line, "CONFIG_"))
			continue;
		eq = strchr(line, '=');
		if (!eq)
			continue;
		*eq = '\0';
		strv_push(&kc->names, line + strlen("CONFIG_"));
		strv_push(&kc->values, eq + 1);
	}
	return kc;
}

const char *kconfig_get(const struct kconfig *kc, const char *name)
{
	for (int i = 0; i < kc->names.n; i++)
		if (!strcmp(kc->names.v[i], name))
			return kc->values.v[i];
	return NULL;
}

bool kconfig_enabled(const struct kconfig *kc, const char *name)
{
	const char *v = kconfig_get(kc, name);

	return v && (!strcmp(v, "y") || !strcmp(v, "m"));
}

void kconfig_free(struct kconfig *kc)
{
	if (!kc)
		return;
	strv_free(&kc->names);
	strv_free(&kc->values);
	free(kc->text);
	free(kc);
}

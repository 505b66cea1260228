// SPDX-License-Identifier: GPL-2.0
/* The rule table: one entry per line of rules.def, docs from the rule files. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules.h"
#include "rule_docs.h"

struct rule rules[NR_RULES] = {
/* In rules.def order, which is enum rule_id's. */
#define RULE(id, sev) { #id, SEV_##sev, init_##id, DOC_##id, true },
#include "rules.def"
#undef RULE
};

const char *severity_name(enum severity sev)
{
	static const char *const names[] = {
		[SEV_NOTE] = "note",
		[SEV_WARNING] = "warning",
		[SEV_ERROR] = "error",
	};

	return names[sev];
}

int rule_lookup(const char *name)
{
	for (int i = 0; i < NR_RULES; i++)
		if (!strcasecmp(rules[i].name, name))
			return i;
	return -1;
}

bool rules_select(const char *list, bool enable, const char **bad)
{
	static char name[64];
	const char *p = list;

	while (*p) {
		size_t n = strcspn(p, ",");
		int id;

		if (n >= sizeof(name))
			n = sizeof(name) - 1;
		memcpy(name, p, n);
		name[n] = '\0';
		id = rule_lookup(name);
		if (id < 0) {
			*bad = name;
			return false;
		}
		rules[id].enabled = enable;
		p += n;
		if (*p == ',')
			p++;
	}
	return true;
}

void rules_init(void)
{
	for (int i = 0; i < NR_RULES; i++)
		if (rules[i].enabled)
			rules[i].init(i);
}

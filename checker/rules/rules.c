// SPDX-License-Identifier: GPL-2.0
/* The rule table: one entry per line of rules.def, docs from the rule files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules.h"
#include "rule_docs.h"

struct rule rules[NR_RULES] = {
/* In rules.def order, which is enum rule_id's. */
/* A third word, OPT_IN, keeps a rule off unless --enable names it. */
#define RULE(id, sev, ...) \
	{ #id, SEV_##sev, init_##id, DOC_##id, sizeof(#__VA_ARGS__) > 1 },
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

bool rules_select(const char *list, bool enable, bool *enabled, char *bad,
		  size_t bad_size)
{
	const char *p = list;

	while (*p) {
		size_t n = strcspn(p, ",");
		char name[64];
		int id = -1;

		if (n < sizeof(name)) {
			memcpy(name, p, n);
			name[n] = '\0';
			id = rule_lookup(name);
		}
		/* "all": every rule, the opt-in ones too. */
		if (n == 3 && !strncasecmp(p, "all", 3)) {
			for (int i = 0; i < NR_RULES; i++)
				enabled[i] = enable;
			p += n + (p[n] == ',');
			continue;
		}
		if (id < 0) {
			snprintf(bad, bad_size, "%.*s", (int)n, p);
			return false;
		}
		enabled[id] = enable;
		p += n;
		if (*p == ',')
			p++;
	}
	return true;
}

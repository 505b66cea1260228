/* SPDX-License-Identifier: GPL-2.0 */
/* The rule registry: built from rules.def, read by rules, explain, --enable. */
#ifndef PTECHECK_RULES_H
#define PTECHECK_RULES_H

#include <stdbool.h>
#include <stddef.h>

enum severity { SEV_NOTE, SEV_WARNING, SEV_ERROR };

enum rule_id {
#define RULE(id, ...) RULE_##id,
#include "rules.def"
#undef RULE
	NR_RULES
};

struct engine;

struct rule {
	const char *name;
	enum severity severity;
	void (*init)(struct engine *engine, int id);
	const char *doc; /* the rule file's leading comment */
	bool opt_in; /* runs only when --enable names it */
};

extern struct rule rules[NR_RULES];

/* Each rule's registration function, declared as one list. */
#define RULE(id, ...) init_##id(struct engine *engine, int id),
void
#include "rules.def"
	rules_end(void);
#undef RULE

const char *severity_name(enum severity sev);
int rule_lookup(const char *name);
/*
 * Apply an --enable=/--disable= list to @enabled ("all": every rule);
 * false on an unknown id, named in @bad (@bad_size bytes).
 */
bool rules_select(const char *list, bool enable, bool *enabled, char *bad,
		  size_t bad_size);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* Per-arch knowledge, read from the data files in checker/arch/. */
#ifndef PTECHECK_ARCH_H
#define PTECHECK_ARCH_H

#include <stdbool.h>

#include "util.h"

struct tracking {
	char *feature; /* soft_dirty, uffd_wp */
	char *pte_macro; /* present-entry bit */
	char *swp_macro; /* its swap twin */
};

struct arch {
	char *name;
	char *kconfig;
	char *defconfig;
	char *flags_cmd;
	struct strv features;
	struct strv includes;
	struct strv dirty_tests;
	struct tracking tracking[8];
	int nr_tracking;
};

/* The built-in description of @name, or NULL for an arch we do not know. */
const struct arch *arch_lookup(const char *name);
/* Parse a data file's text; a bad line is an input error (exit 2). */
struct arch *arch_parse(const char *text, const char *origin);
const char *arch_names(void);
const struct tracking *arch_tracking(const struct arch *arch,
				     const char *feature);

#endif

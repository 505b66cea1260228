/* SPDX-License-Identifier: GPL-2.0 */
/* The three ways in: tree mode, -p compile_commands.json, Kbuild CHECK=. */
#ifndef PTECHECK_CHECK_H
#define PTECHECK_CHECK_H

#include "layout.h"
#include "options.h"
#include "tree.h"

struct source;

struct sources {
	struct source *v;
	int n, alloc;
};

/* What one configuration's run works on, after the header probe. */
struct config_run {
	struct build build;
	struct strv template; /* tree mode's c_flags */
	struct sources srcs; /* -p mode's TUs in scope */
	struct strv names; /* what makes a source worth parsing */
	struct layout layout;
};

const struct arch *load_arch(const struct options *opts);
/*
 * Prepare (or open) the build of one configuration, parse the header
 * probe, build its layout and run the layout and call hooks on it. False
 * when the tree's Kconfig refuses the matrix entry.
 */
bool run_probe(const struct options *opts, const struct arch *arch,
	       const struct tree *tree, const struct matrix_def *matrix,
	       struct config_run *run);

int cmd_check(int argc, char **argv);
int cmd_kbuild(int argc, char **argv);
int cmd_layout(int argc, char **argv);
int cmd_explain_helper(int argc, char **argv);
int cmd_gate(int argc, char **argv);

#endif

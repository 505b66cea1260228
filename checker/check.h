/* SPDX-License-Identifier: GPL-2.0 */
/* The three ways in: tree mode, -p compile_commands.json, Kbuild CHECK=. */
#ifndef PTECHECK_CHECK_H
#define PTECHECK_CHECK_H

#include "engine.h"
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
	const struct strv *probe_flags; /* the header probe's */
	struct strv *compdb_flags; /* -p: every command's */
	int nr_compdb_flags;
	struct strv names; /* what makes a source worth parsing */
	struct strv core_names; /* the same for core mm; none: not parsed */
	struct layout layout;
};

/* One invocation: what it was asked, on which tree, and what it found. */
struct session {
	struct options opts;
	const struct arch *arch;
	struct tree tree;
	struct findings findings;
	struct engine engine;
	FILE *deps; /* where parses note the files they read, if kept */
};

const struct arch *load_arch(const struct options *opts);
/* The rules @opts enables, reporting into @s's findings. */
void session_init_rules(struct session *s);
void session_free(struct session *s);
/*
 * Prepare (or open) the build of one configuration of @tree, parse the
 * header probe, build its layout and run the layout and call hooks on it.
 * False when the tree's Kconfig refuses the matrix entry.
 */
bool run_probe(struct session *s, const struct tree *tree,
	       const struct matrix_def *matrix, struct config_run *run);
void config_run_free(struct config_run *run);
/*
 * One check of @s's tree (its options, arch, rules and tree set) in its
 * one configuration, in this process: the findings into @s's, the layout
 * into @run's. The result cache serves a tree checked before, a copy of
 * it too (the gate's base). The gate's step.
 */
bool check_tree(struct session *s, struct config_run *run);

int cmd_check(int argc, char **argv);
int cmd_kbuild(int argc, char **argv);
int cmd_layout(int argc, char **argv);
int cmd_explain_helper(int argc, char **argv);
int cmd_gate(int argc, char **argv);

#endif

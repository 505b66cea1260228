/* SPDX-License-Identifier: GPL-2.0 */
/* Command-line options, from one table. */
#ifndef PTECHECK_OPTIONS_H
#define PTECHECK_OPTIONS_H

#include <stdbool.h>

#include "report.h"
#include "util.h"

struct options {
	const char *arch;
	const char *build_dir; /* --build: a prepared O= to reuse */
	const char *config; /* --config: the user's .config */
	const char *compdb_dir; /* -p: compile_commands.json's dir */
	const char *kdir;
	enum format format;
	bool format_given;
	enum fail_on fail_on;
	bool all_files; /* --all-files: no pre-filter */
	bool no_cache; /* --no-cache: no result cache */
	bool matrix; /* --matrix */
	const char *arch_data; /* --arch-data */
	const char *diff; /* layout --diff: the tree to compare with */
	const char *helper; /* explain-helper NAME */
	bool terse; /* checkpatch --terse */
	bool trust; /* gate: let patches run their build code */
	bool quiet; /* --quiet: no progress, no warnings */
	const char *baseline; /* --baseline: accepted findings */
	const char *write_baseline; /* --write-baseline */
	const char *html_dir; /* gate --html: the report's directory */
	const char *added_by; /* check --added-by: the patch KDIR has */
	char *cache_dir; /* PTECHECK_CACHE, else XDG_CACHE_HOME/ptecheck */
	int jobs;
	bool enabled[NR_RULES]; /* --enable/--disable */
	struct strv positional;
};

void options_defaults(struct options *opts);
char *default_cache_dir(void);
void options_free(struct options *opts);
/*
 * Parse @argv. An option of ours that is unknown is a usage error; with
 * @passthrough (Kbuild mode) anything else goes to @passthrough as a
 * compiler flag.
 */
void options_parse(struct options *opts, int argc, char **argv,
		   struct strv *passthrough);
/* The subcommands, for the help: which options and formats each takes. */
enum {
	CMD_CHECK = 1 << 0,
	CMD_LAYOUT = 1 << 1,
	CMD_EXPLAIN_HELPER = 1 << 2,
	CMD_GATE = 1 << 3,
	CMD_KBUILD = 1 << 4,
	CMD_OTHER = 1 << 5, /* rules, explain, --version, --help */
	CMD_ALL = (1 << 6) - 1,
};

/* The CMD_* of subcommand @name, 0 if it takes no options. */
unsigned int options_command(const char *name);
void options_usage(FILE *out, unsigned int cmd);
/* The OPTIONS and FORMATS sections of the man page, as man(7) macros. */
void options_man(FILE *out);

#endif

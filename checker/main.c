// SPDX-License-Identifier: GPL-2.0
/* ptecheck: keep page-table-entry bits honest. Dispatches the subcommands. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "util.h"
#include "options.h"
#include "rules/rules.h"

#ifndef PTECHECK_VERSION
#define PTECHECK_VERSION "unknown"
#endif

static int cmd_rules(int argc, char **argv)
{
	for (int i = 0; i < NR_RULES; i++)
		printf("%-24s %s\n", rules[i].name,
		       severity_name(rules[i].severity));
	return 0;
}

static int cmd_explain(int argc, char **argv)
{
	int id;

	if (argc != 1)
		die("explain takes one rule id (see 'ptecheck rules')");
	id = rule_lookup(argv[0]);
	if (id < 0)
		die("unknown rule '%s' (see 'ptecheck rules')", argv[0]);
	fputs(rules[id].doc, stdout);
	return 0;
}

static int cmd_version(int argc, char **argv)
{
	printf("ptecheck %s\n", PTECHECK_VERSION);
	return 0;
}

static int cmd_help(int argc, char **argv)
{
	options_usage(stdout, CMD_ALL);
	return 0;
}

/* The generated sections of ptecheck(1): see doc/ptecheck.1.in. */
static int cmd_help_man(int argc, char **argv)
{
	options_man(stdout);
	return 0;
}

/* `ptecheck CMD --help`: true if asked, after printing CMD's help. */
static bool command_help(int argc, char **argv)
{
	unsigned int cmd = options_command(argv[1]);

	if (!cmd)
		return false;
	for (int i = 2; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			options_usage(stdout, cmd);
			return true;
		}
	return false;
}

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
} commands[] = {
	/* clang-format off */
	{ "check", cmd_check },
	{ "layout", cmd_layout },
	{ "explain-helper", cmd_explain_helper },
	{ "gate", cmd_gate },
	{ "rules", cmd_rules },
	{ "explain", cmd_explain },
	{ "--version", cmd_version },
	{ "--help", cmd_help },
	{ "--help=man", cmd_help_man },
	{ "-h", cmd_help },
	/* clang-format on */
};

int main(int argc, char **argv)
{
	if (argc < 2) {
		options_usage(stderr, CMD_ALL);
		return EXIT_INPUT;
	}
	if (command_help(argc, argv))
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 2, argv + 2);
	/* Anything else is Kbuild calling us as $(CHECK) on one file. */
	return cmd_kbuild(argc - 1, argv + 1);
}

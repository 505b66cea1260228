// SPDX-License-Identifier: GPL-2.0
/* Command-line options, from one table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "options.h"
#include "rules/rules.h"

enum opt {
	OPT_ARCH,
	OPT_BUILD,
	OPT_CONFIG,
	OPT_COMPDB,
	OPT_FORMAT,
	OPT_FAIL_ON,
	OPT_ALL_FILES,
	OPT_JOBS,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_MATRIX,
	OPT_ARCH_DATA,
	OPT_DIFF,
	OPT_TERSE,
	OPT_SHOWFILE,
	OPT_TRUST,
	OPT_BASELINE,
	OPT_WRITE_BASELINE,
};

static const struct option_spec {
	const char *name;
	enum opt opt;
	const char *arg; /* NULL: a flag */
	const char *help;
} table[] = {
	{ "--arch", OPT_ARCH, "ARCH",
	  "architecture (arm64, x86); default arm64" },
	{ "--build", OPT_BUILD, "DIR",
	  "reuse this prepared O= build directory" },
	{ "--config", OPT_CONFIG, "FILE",
	  "check under this .config (made into a cached O= build)" },
	{ "-p", OPT_COMPDB, "DIR",
	  "read DIR/compile_commands.json (libclang's compilation database)" },
	{ "--matrix", OPT_MATRIX, NULL,
	  "check every configuration of the arch data's matrix" },
	{ "--diff", OPT_DIFF, "KDIR",
	  "layout: what changed from the layout of this other tree" },
	{ "--arch-data", OPT_ARCH_DATA, "FILE",
	  "read the arch's knowledge from FILE, not the built-in data" },
	{ "--format", OPT_FORMAT, "FMT",
	  "check: gcc (default) or json; layout: text (default), json or svg" },
	{ "--fail-on", OPT_FAIL_ON, "LEVEL",
	  "error, warning (default) or never: what makes the exit status 1" },
	{ "--all-files", OPT_ALL_FILES, NULL,
	  "parse every source in scope, not only those that can hold findings" },
	{ "-j", OPT_JOBS, "N",
	  "parse N TUs at a time (default: the number of CPUs)" },
	{ "--terse", OPT_TERSE, NULL,
	  "checkpatch format: one line a finding, as checkpatch --terse" },
	{ "--showfile", OPT_SHOWFILE, NULL,
	  "checkpatch format: name the file (always done; accepted)" },
	{ "--baseline", OPT_BASELINE, "FILE",
	  "leave out the findings FILE accepts (made by --write-baseline)" },
	{ "--write-baseline", OPT_WRITE_BASELINE, "FILE",
	  "write this run's findings to FILE as accepted, and exit 0" },
	{ "--trust", OPT_TRUST, NULL,
	  "gate: apply patches that touch Makefiles, Kconfig or scripts/" },
	{ "--enable", OPT_ENABLE, "IDS", "only these rules (comma-separated)" },
	{ "--disable", OPT_DISABLE, "IDS",
	  "not these rules (comma-separated)" },
};

void options_defaults(struct options *opts)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	memset(opts, 0, sizeof(*opts));
	opts->arch = "arm64";
	opts->format = FORMAT_GCC;
	opts->fail_on = FAIL_ON_WARNING;
	opts->jobs = cpus > 0 ? cpus : 1;
	for (int i = 0; i < NR_RULES; i++)
		opts->enabled[i] = true;
}

void options_usage(FILE *out)
{
	fputs("usage: ptecheck check [options] KDIR\n"
	      "       ptecheck check -p BUILD_DIR [options] [KDIR]\n"
	      "       ptecheck [options] COMPILER_FLAGS... FILE.c   (Kbuild: make C=2 CHECK=ptecheck)\n"
	      "       ptecheck layout [options] [--diff OTHER_KDIR] KDIR\n"
	      "       ptecheck explain-helper NAME [options] KDIR\n"
	      "       ptecheck rules | explain ID | --version | --help\n\noptions:\n",
	      out);
	for (size_t i = 0; i < ARRAY_SIZE(table); i++) {
		int n = fprintf(out, "  %s %s", table[i].name,
				table[i].arg ? table[i].arg : "");

		fprintf(out, "%*s%s\n", n < 22 ? 22 - n : 1, "", table[i].help);
	}
}

static void apply(struct options *opts, enum opt opt, const char *name,
		  const char *value)
{
	char bad[64], *end;
	long jobs;

	switch (opt) {
	case OPT_ARCH:
		opts->arch = value;
		break;
	case OPT_BUILD:
		opts->build_dir = value;
		break;
	case OPT_CONFIG:
		opts->config = value;
		break;
	case OPT_COMPDB:
		opts->compdb_dir = value;
		break;
	case OPT_FORMAT:
		if (!strcmp(value, "gcc"))
			opts->format = FORMAT_GCC;
		else if (!strcmp(value, "json"))
			opts->format = FORMAT_JSON;
		else if (!strcmp(value, "text"))
			opts->format = FORMAT_TEXT;
		else if (!strcmp(value, "svg"))
			opts->format = FORMAT_SVG;
		else if (!strcmp(value, "checkpatch"))
			opts->format = FORMAT_CHECKPATCH;
		else if (!strcmp(value, "sarif"))
			opts->format = FORMAT_SARIF;
		else if (!strcmp(value, "b4"))
			opts->format = FORMAT_B4;
		else if (!strcmp(value, "serial"))
			opts->format = FORMAT_SERIAL;
		else
			die("--format: unknown format '%s' (gcc, json, checkpatch, sarif, b4, text, svg)",
			    value);
		opts->format_given = true;
		break;
	case OPT_FAIL_ON:
		if (!strcmp(value, "error"))
			opts->fail_on = FAIL_ON_ERROR;
		else if (!strcmp(value, "warning"))
			opts->fail_on = FAIL_ON_WARNING;
		else if (!strcmp(value, "never"))
			opts->fail_on = FAIL_ON_NEVER;
		else
			die("--fail-on: unknown level '%s' (error, warning, never)",
			    value);
		break;
	case OPT_ALL_FILES:
		opts->all_files = true;
		break;
	case OPT_MATRIX:
		opts->matrix = true;
		break;
	case OPT_ARCH_DATA:
		opts->arch_data = value;
		break;
	case OPT_DIFF:
		opts->diff = value;
		break;
	case OPT_TERSE:
		opts->terse = true;
		break;
	case OPT_SHOWFILE:
		break;
	case OPT_TRUST:
		opts->trust = true;
		break;
	case OPT_BASELINE:
		opts->baseline = value;
		break;
	case OPT_WRITE_BASELINE:
		opts->write_baseline = value;
		break;
	case OPT_JOBS:
		jobs = strtol(value, &end, 10);
		if (*end || jobs < 1 || jobs > 256)
			die("-j: not a job count: '%s'", value);
		opts->jobs = jobs;
		break;
	case OPT_ENABLE:
	case OPT_DISABLE:
		if (opt == OPT_ENABLE)
			for (int i = 0; i < NR_RULES; i++)
				opts->enabled[i] = false;
		if (!rules_select(value, opt == OPT_ENABLE, opts->enabled, bad,
				  sizeof(bad)))
			die("%s: unknown rule '%s' (see 'ptecheck rules')",
			    name, bad);
		break;
	}
}

static bool name_is_short(const char *name)
{
	return name[0] == '-' && name[1] != '-';
}

static const struct option_spec *lookup(const char *arg, const char **value)
{
	for (size_t i = 0; i < ARRAY_SIZE(table); i++) {
		size_t n = strlen(table[i].name);

		if (strncmp(arg, table[i].name, n))
			continue;
		if (!arg[n]) {
			*value = NULL;
			return &table[i];
		}
		/* --opt=value, and -jN as short options are written. */
		if (table[i].arg &&
		    (arg[n] == '=' || name_is_short(table[i].name))) {
			*value = arg + n + (arg[n] == '=');
			return &table[i];
		}
	}
	return NULL;
}

void options_parse(struct options *opts, int argc, char **argv,
		   struct strv *passthrough)
{
	for (int i = 0; i < argc; i++) {
		const struct option_spec *spec;
		const char *value;

		/* In Kbuild mode -p is no option of ours: it is never passed. */
		spec = lookup(argv[i], &value);
		if (spec && !(passthrough && spec->opt == OPT_COMPDB)) {
			if (spec->arg && !value) {
				if (i + 1 >= argc)
					die("%s needs an argument (%s)",
					    spec->name, spec->arg);
				value = argv[++i];
			}
			apply(opts, spec->opt, spec->name, value);
		} else if (passthrough) {
			strv_push(passthrough, argv[i]);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			die("unknown option '%s' (see 'ptecheck --help')",
			    argv[i]);
		} else {
			strv_push(&opts->positional, argv[i]);
		}
	}
}

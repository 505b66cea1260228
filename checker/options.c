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
	OPT_NO_CACHE,
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
	OPT_QUIET,
	OPT_HTML,
	OPT_ADDED_BY,
};

/* Which subcommands take an option: its help lists it under them. */
#define CHK CMD_CHECK
#define LAY CMD_LAYOUT
#define HLP CMD_EXPLAIN_HELPER
#define GAT CMD_GATE
#define KBD CMD_KBUILD

static const struct option_spec {
	const char *name;
	enum opt opt;
	const char *arg; /* NULL: a flag */
	unsigned int cmds; /* CMD_* */
	const char *help;
} table[] = {
	{ "--arch", OPT_ARCH, "ARCH", CHK | LAY | HLP | GAT,
	  "architecture (arm64, riscv, x86, ...; check: all for each); default arm64" },
	{ "--build", OPT_BUILD, "DIR", CHK | LAY | HLP,
	  "reuse this prepared O= build directory" },
	{ "--config", OPT_CONFIG, "FILE", CHK | LAY | HLP | GAT,
	  "check under this .config (made into a cached O= build)" },
	{ "-p", OPT_COMPDB, "DIR", CHK | LAY | HLP,
	  "read DIR/compile_commands.json (libclang's compilation database)" },
	{ "--matrix", OPT_MATRIX, NULL, CHK | LAY,
	  "check every configuration of the arch data's matrix" },
	{ "--diff", OPT_DIFF, "KDIR", LAY,
	  "layout: what changed from the layout of this other tree" },
	{ "--arch-data", OPT_ARCH_DATA, "FILE", CHK | LAY | HLP | GAT | KBD,
	  "read the arch's knowledge from FILE, not the built-in data" },
	{ "--format", OPT_FORMAT, "FMT", CHK | LAY | HLP | GAT,
	  "output format, one of the command's formats listed below" },
	{ "--fail-on", OPT_FAIL_ON, "LEVEL", CHK | GAT | KBD,
	  "error, warning (default) or never: what makes the exit status 1" },
	{ "--all-files", OPT_ALL_FILES, NULL, CHK,
	  "parse every source in scope, not only those that can hold findings" },
	{ "--no-cache", OPT_NO_CACHE, NULL, CHK,
	  "neither reuse nor keep findings of an unchanged tree (builds are kept)" },
	{ "-j", OPT_JOBS, "N", CHK | LAY | GAT,
	  "parse N TUs at a time (default: the number of CPUs)" },
	{ "--terse", OPT_TERSE, NULL, CHK | GAT,
	  "checkpatch format: one line a finding, as checkpatch --terse" },
	{ "--showfile", OPT_SHOWFILE, NULL, CHK | GAT,
	  "checkpatch format: name the file (always done; accepted)" },
	{ "--baseline", OPT_BASELINE, "FILE", CHK,
	  "leave out the findings FILE accepts (made by --write-baseline)" },
	{ "--write-baseline", OPT_WRITE_BASELINE, "FILE", CHK,
	  "write this run's findings to FILE as accepted, and exit 0" },
	{ "--added-by", OPT_ADDED_BY, "PATCH", CHK,
	  "KDIR has PATCH applied: report two definitions of one bit at the one it adds" },
	{ "--html", OPT_HTML, "DIR", GAT,
	  "gate: also write DIR/index.html and a page per patch" },
	{ "--trust", OPT_TRUST, NULL, GAT,
	  "gate: apply patches that touch Makefiles, Kconfig or scripts/" },
	{ "--quiet", OPT_QUIET, NULL, CHK | LAY | HLP | GAT | KBD,
	  "no progress line on a terminal, no warnings; errors still show" },
	{ "--enable", OPT_ENABLE, "IDS", CHK | GAT | KBD,
	  "only these rules (comma-separated; all: every rule, the opt-in too)" },
	{ "--disable", OPT_DISABLE, "IDS", CHK | GAT | KBD,
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
		opts->enabled[i] = !rules[i].opt_in;
	opts->cache_dir = default_cache_dir();
}

void options_free(struct options *opts)
{
	strv_free(&opts->positional);
	free(opts->cache_dir);
	opts->cache_dir = NULL;
}

/* The one place the environment names the cache; lower layers take it. */
char *default_cache_dir(void)
{
	const char *env = getenv("PTECHECK_CACHE");

	if (env && *env)
		return xstrdup(env);
	env = getenv("XDG_CACHE_HOME");
	if (env && *env)
		return xasprintf("%s/ptecheck", env);
	return xasprintf("%s/.cache/ptecheck", getenv("HOME") ?: "/tmp");
}

/* The formats each command's --format takes; the first is its default. */
static const struct format_spec {
	unsigned int cmd;
	const char *name;
	const char *formats;
} formats[] = {
	{ CMD_CHECK, "check", "gcc, json, checkpatch, sarif, b4" },
	{ CMD_LAYOUT, "layout", "text, json, svg, html" },
	{ CMD_EXPLAIN_HELPER, "explain-helper", "text, json" },
	{ CMD_GATE, "gate", "text, checkpatch, json, sarif, b4" },
};

static const struct usage_spec {
	unsigned int cmd;
	const char *synopsis;
} usages[] = {
	{ CMD_CHECK, "check [options] KDIR" },
	{ CMD_CHECK, "check -p BUILD_DIR [options] [KDIR]" },
	{ CMD_KBUILD,
	  "[options] COMPILER_FLAGS... FILE.c   (Kbuild: make C=2 CHECK=ptecheck)" },
	{ CMD_LAYOUT, "layout [options] [--diff OTHER_KDIR] KDIR" },
	{ CMD_EXPLAIN_HELPER, "explain-helper NAME [options] KDIR" },
	{ CMD_GATE, "gate [options] KDIR PATCH...|DIR|MBOX|BASE..TIP|-" },
	{ CMD_OTHER, "rules | explain ID | --version | --help | CMD --help" },
};

unsigned int options_command(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (!strcmp(name, formats[i].name))
			return formats[i].cmd;
	return 0;
}

/* @cmd: one CMD_*, or CMD_ALL for the whole help. */
void options_usage(FILE *out, unsigned int cmd)
{
	const char *lead = "usage:";

	for (size_t i = 0; i < ARRAY_SIZE(usages); i++) {
		if (!(usages[i].cmd & cmd))
			continue;
		fprintf(out, "%-6s ptecheck %s\n", lead, usages[i].synopsis);
		lead = "";
	}
	fputs("\noptions:\n", out);
	for (size_t i = 0; i < ARRAY_SIZE(table); i++) {
		int n;

		if (!(table[i].cmds & cmd))
			continue;
		n = fprintf(out, "  %s %s", table[i].name,
			    table[i].arg ? table[i].arg : "");
		fprintf(out, "%*s%s\n", n < 22 ? 22 - n : 1, "", table[i].help);
	}
	fputs("\nformats (the first is the default):\n", out);
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (formats[i].cmd & cmd)
			fprintf(out, "  %-20s%s\n", formats[i].name,
				formats[i].formats);
}

/* man(7) escapes: a leading dot or quote, and every hyphen, backslash. */
static void man_text(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '-')
			fputs("\\-", out);
		else if (*s == '\\')
			fputs("\\e", out);
		else
			fputc(*s, out);
	}
}

/* The OPTIONS and FORMATS sections of ptecheck(1), from the same tables. */
void options_man(FILE *out)
{
	fputs(".SH OPTIONS\n", out);
	for (size_t i = 0; i < ARRAY_SIZE(table); i++) {
		bool first = true;

		fputs(".TP\n.B ", out);
		man_text(out, table[i].name);
		if (table[i].arg) {
			fputs(" \\fI", out);
			man_text(out, table[i].arg);
			fputs("\\fR", out);
		}
		fputc('\n', out);
		man_text(out, table[i].help);
		fputs(" (", out);
		for (size_t j = 0; j < ARRAY_SIZE(formats); j++) {
			if (!(table[i].cmds & formats[j].cmd))
				continue;
			fprintf(out, "%s%s", first ? "" : ", ",
				formats[j].name);
			first = false;
		}
		if (table[i].cmds & CMD_KBUILD)
			fprintf(out, "%sKbuild mode", first ? "" : ", ");
		fputs(").\n", out);
	}
	fputs(".SH FORMATS\n"
	      "Each command's \\fB\\-\\-format\\fR takes these; the first is the default.\n",
	      out);
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++) {
		fputs(".TP\n.B ", out);
		man_text(out, formats[i].name);
		fputc('\n', out);
		man_text(out, formats[i].formats);
		fputc('\n', out);
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
		else if (!strcmp(value, "html"))
			opts->format = FORMAT_HTML;
		else if (!strcmp(value, "checkpatch"))
			opts->format = FORMAT_CHECKPATCH;
		else if (!strcmp(value, "sarif"))
			opts->format = FORMAT_SARIF;
		else if (!strcmp(value, "b4"))
			opts->format = FORMAT_B4;
		else if (!strcmp(value, "serial"))
			opts->format = FORMAT_SERIAL;
		else
			die("--format: unknown format '%s' (gcc, json, checkpatch, sarif, b4, text, svg, html)",
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
	case OPT_NO_CACHE:
		opts->no_cache = true;
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
	case OPT_QUIET:
		opts->quiet = true;
		/* Messages belong to stderr, one per process: say it now. */
		messages_quiet(true);
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
	case OPT_HTML:
		opts->html_dir = value;
		break;
	case OPT_ADDED_BY:
		opts->added_by = value;
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

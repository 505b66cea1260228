/* SPDX-License-Identifier: GPL-2.0 */
/* Findings: the one place that knows output formats and exit status. */
#ifndef PTECHECK_REPORT_H
#define PTECHECK_REPORT_H

#include <stdio.h>

#include "rules/rules.h"
#include "util.h"

enum format {
	FORMAT_GCC,
	FORMAT_JSON,
	FORMAT_TEXT,
	FORMAT_SVG,
	FORMAT_HTML, /* layout: one self-contained page */
	FORMAT_CHECKPATCH,
	FORMAT_SARIF,
	FORMAT_B4,
	FORMAT_SERIAL, /* between ptecheck processes (gate) */
};
enum fail_on { FAIL_ON_ERROR, FAIL_ON_WARNING, FAIL_ON_NEVER };

struct finding {
	int rule;
	char *file; /* relative to KDIR */
	unsigned int line, column;
	char *message;
	struct strv configs; /* the configurations it holds in */
	char *patch; /* gate: the patch that introduces it, or NULL */
};

/* The findings of one run: every rule reports into the one it is given. */
struct findings {
	struct finding *v;
	int n, alloc;
	char *config; /* the configuration findings now hold in */
	int nr_configs; /* how many were checked */
};

/* Findings from now on hold in this configuration (its report label). */
void findings_set_config(struct findings *fs, const char *label);
void findings_free(struct findings *fs);

/* Rules report through this; one site seen from many TUs is one finding. */
void findings_add(struct findings *fs, int rule, const char *file,
		  unsigned int line, unsigned int column, const char *fmt, ...)
	__printf(6, 7);

/* Add a copy of @f as it is, from patch @patch (gate), never merged. */
void findings_append(struct findings *fs, const struct finding *f,
		     const char *patch);

/* Worker processes hand their findings (from index @from) to the parent. */
void report_serialize(const struct findings *fs, FILE *out, int from);
void report_deserialize(struct findings *fs, FILE *in);

/* Sort by file, line, column, rule: stable output for diffs and tests. */
void report_sort(struct findings *fs);

/*
 * Drop the findings an in-code comment accepts: "ptecheck-ignore: ID" on
 * the finding's line or the line above (several IDs, comma-separated).
 */
void report_suppress(struct findings *fs, const char *kdir);
/* The line-shift-proof key: rule, file, message, source line (trimmed). */
char *finding_key(const struct finding *f, const char *kdir);
/* Baselines: accepted findings, one key a line; --baseline drops them. */
bool report_write_baseline(const struct findings *fs, const char *path,
			   const char *kdir);
bool report_apply_baseline(struct findings *fs, const char *path,
			   const char *kdir);

struct report_context {
	const char *config; /* the configuration the findings hold in */
	const char *build; /* its O= directory, where there is one */
	const char *kdir;
	int files_checked;
	int from_cache; /* configurations whose results the cache gave */
	bool terse; /* checkpatch --terse */
};

/* One finding as a JSON object, as --format json lists them. */
void report_json_finding(FILE *out, const struct finding *f,
			 const struct report_context *ctx);
void report_print(const struct findings *fs, FILE *out, enum format format,
		  const struct report_context *ctx);
void report_summary(const struct findings *fs, FILE *out,
		    const struct report_context *ctx);
int report_exit_status(const struct findings *fs, enum fail_on fail_on);

#endif

// SPDX-License-Identifier: GPL-2.0
/* Findings: the one place that knows output formats and exit status. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "util.h"

static struct finding *findings;
static int nr_findings, alloc_findings;
static char *current_config;
static int nr_configs;

void report_set_config(const char *label)
{
	free(current_config);
	current_config = xstrdup(label);
	nr_configs++;
}

static void add_config(struct finding *f)
{
	char *next;

	if (!current_config || strstr(f->configs, current_config))
		return;
	next = *f->configs ? xasprintf("%s; %s", f->configs, current_config) :
			     xstrdup(current_config);
	free(f->configs);
	f->configs = next;
}

static bool same_site(const struct finding *f, int rule, const char *file,
		      unsigned int line, unsigned int column)
{
	return f->rule == rule && f->line == line && f->column == column &&
	       !strcmp(f->file, file);
}

static void add_finding(int rule, const char *file, unsigned int line,
			unsigned int column, char *message)
{
	struct finding *f;

	for (int i = 0; i < nr_findings; i++) {
		if (same_site(&findings[i], rule, file, line, column)) {
			add_config(&findings[i]);
			free(message);
			return;
		}
	}
	if (nr_findings == alloc_findings) {
		alloc_findings = alloc_findings ? alloc_findings * 2 : 32;
		findings =
			xrealloc(findings, alloc_findings * sizeof(*findings));
	}
	f = &findings[nr_findings++];
	f->rule = rule;
	f->file = xstrdup(file);
	f->line = line;
	f->column = column;
	f->message = message;
	f->configs = xstrdup("");
	add_config(f);
}

void report(int rule, const char *file, unsigned int line, unsigned int column,
	    const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	add_finding(rule, file, line, column, msg);
}

/* One finding per line: rule, line, column, file, message; tab-separated. */
void report_serialize(FILE *out, int from)
{
	for (int i = from; i < nr_findings; i++) {
		const struct finding *f = &findings[i];

		fprintf(out, "%d\t%u\t%u\t%s\t%s\n", f->rule, f->line,
			f->column, f->file, f->message);
	}
}

void report_deserialize(FILE *in)
{
	char *line = NULL;
	size_t n = 0;

	while (getline(&line, &n, in) > 0) {
		char *file, *msg;
		unsigned int l, c;
		int rule;

		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%d\t%u\t%u\t", &rule, &l, &c) != 3 ||
		    rule < 0 || rule >= NR_RULES)
			continue;
		file = line;
		for (int field = 0; field < 3 && file; field++) {
			file = strchr(file, '\t');
			if (file)
				file++;
		}
		if (!file)
			continue;
		msg = strchr(file, '\t');
		if (!msg)
			continue;
		*msg++ = '\0';
		add_finding(rule, file, l, c, xstrdup(msg));
	}
	free(line);
}

int report_count(void)
{
	return nr_findings;
}

const struct finding *report_get(int i)
{
	return &findings[i];
}

static int cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int r = strcmp(x->file, y->file);

	if (r)
		return r;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return x->rule - y->rule;
}

void report_sort(void)
{
	qsort(findings, nr_findings, sizeof(*findings), cmp_finding);
}

static int count_severity(enum severity sev)
{
	int n = 0;

	for (int i = 0; i < nr_findings; i++)
		n += rules[findings[i].rule].severity == sev;
	return n;
}

static void print_json(FILE *out, const struct report_context *ctx)
{
	fputs("{\"version\":1,\"findings\":[", out);
	for (int i = 0; i < nr_findings; i++) {
		const struct finding *f = &findings[i];

		fputs(i ? ",\n{" : "\n{", out);
		fputs("\"rule\":", out);
		json_string(out, rules[f->rule].name);
		fputs(",\"severity\":", out);
		json_string(out, severity_name(rules[f->rule].severity));
		fputs(",\"file\":", out);
		json_string(out, f->file);
		fprintf(out, ",\"line\":%u,\"column\":%u,\"message\":", f->line,
			f->column);
		json_string(out, f->message);
		fputs(",\"config\":", out);
		json_string(out, *f->configs ? f->configs : ctx->config);
		fputc('}', out);
	}
	fprintf(out,
		"],\n\"summary\":{\"errors\":%d,\"warnings\":%d,\"notes\":%d,\"files_checked\":%d,\"config\":",
		count_severity(SEV_ERROR), count_severity(SEV_WARNING),
		count_severity(SEV_NOTE), ctx->files_checked);
	json_string(out, ctx->config);
	fputs("}}\n", out);
}

void report_print(FILE *out, enum format format,
		  const struct report_context *ctx)
{
	if (format == FORMAT_JSON) {
		print_json(out, ctx);
		return;
	}
	for (int i = 0; i < nr_findings; i++) {
		const struct finding *f = &findings[i];

		fprintf(out, "%s:%u:%u: %s: %s", f->file, f->line, f->column,
			severity_name(rules[f->rule].severity), f->message);
		/* Several configurations checked: say which it holds in. */
		if (nr_configs > 1)
			fprintf(out, " (in %s)", f->configs);
		fprintf(out, " [%s]\n", rules[f->rule].name);
	}
}

void report_summary(FILE *out, const struct report_context *ctx)
{
	fprintf(out,
		"ptecheck: %d errors, %d warnings, %d notes in %d files checked; config: %s\n",
		count_severity(SEV_ERROR), count_severity(SEV_WARNING),
		count_severity(SEV_NOTE), ctx->files_checked, ctx->config);
}

int report_exit_status(enum fail_on fail_on)
{
	if (fail_on == FAIL_ON_NEVER)
		return EXIT_CLEAN;
	if (count_severity(SEV_ERROR))
		return EXIT_FINDINGS;
	if (fail_on == FAIL_ON_WARNING && count_severity(SEV_WARNING))
		return EXIT_FINDINGS;
	return EXIT_CLEAN;
}

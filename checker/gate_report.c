// SPDX-License-Identifier: GPL-2.0
/*
 * The gate's report: per patch what it introduces and fixes, the bits it
 * takes or frees in each state and a verdict, in text, checkpatch, JSON,
 * SARIF and b4. Findings are written by report.c, bit changes by
 * layout_diff.c: this file only puts them together per patch.
 */
#include <stdlib.h>
#include <string.h>

#include "gate_report.h"

void gate_report_init(struct gate_report *r, enum format format, bool terse,
		      int total)
{
	memset(r, 0, sizeof(*r));
	r->format = format;
	r->terse = terse;
	r->total = total;
	r->patches = xcalloc(total + 1, sizeof(*r->patches));
}

/* Matched by rule, file and message: a line that moves is no change. */
static bool same(const struct finding *a, const struct finding *b)
{
	return a->rule == b->rule && !strcmp(a->file, b->file) &&
	       !strcmp(a->message, b->message);
}

/* Into @out, the findings of @in that @of does not match, one for one. */
static void difference(const struct findings *in, const struct findings *of,
		       struct findings *out, const char *patch)
{
	bool *used = xcalloc(of->n + 1, sizeof(*used));

	for (int i = 0; i < in->n; i++) {
		bool matched = false;

		for (int j = 0; j < of->n && !matched; j++) {
			if (!used[j] && same(&in->v[i], &of->v[j])) {
				used[j] = true;
				matched = true;
			}
		}
		if (!matched)
			findings_append(out, &in->v[i], patch);
	}
	free(used);
}

static int count(const struct findings *fs, enum severity sev)
{
	int n = 0;

	for (int i = 0; i < fs->n; i++)
		n += rules[fs->v[i].rule].severity == sev;
	return n;
}

/* Indented by four, as the text format nests findings and bits. */
static void indent(FILE *out, const char *text)
{
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");

		fprintf(out, "    %.*s\n", (int)n, p);
		p += n + (p[n] == '\n');
	}
}

static void text_findings(FILE *out, const char *what,
			  const struct findings *fs)
{
	struct report_context ctx = { 0 };
	char *text = NULL;
	size_t len = 0;
	FILE *mem;

	fprintf(out, "  %s:%s\n", what, fs->n ? "" : " nothing");
	mem = open_memstream(&text, &len);
	report_print(fs, mem, FORMAT_GCC, &ctx);
	fclose(mem);
	indent(out, text);
	free(text);
}

static void print_text(FILE *out, const struct gate_patch *p, int total)
{
	char *diff = NULL;
	size_t len = 0;
	FILE *mem;

	fprintf(out, "[%d/%d] %s\n", p->index, total, p->name);
	text_findings(out, "introduces", &p->introduced);
	text_findings(out, "fixes", &p->fixed);
	mem = open_memstream(&diff, &len);
	layout_print_diff(mem, p->before, p->after, false);
	fclose(mem);
	fputs("  layout:\n", out);
	indent(out, diff);
	fprintf(out, "  verdict: %s\n", p->failed ? "FAIL" : "pass");
	free(diff);
}

/* checkpatch's report of the one patch, its source lines from @tree. */
static void print_checkpatch(FILE *out, const struct gate_patch *p, bool terse,
			     const char *tree)
{
	struct report_context ctx = { .kdir = tree, .terse = terse };

	report_print(&p->introduced, out, FORMAT_CHECKPATCH, &ctx);
	if (terse)
		return;
	fprintf(out, "\n%s %s.\n", p->name,
		p->failed ?
			"has style problems, please review" :
			"has no obvious style problems and is ready for submission");
}

bool gate_report_patch(struct gate_report *r, const char *name,
		       const char *subject, const struct findings *before,
		       const struct findings *after, const struct layout *was,
		       const struct layout *now, const char *tree)
{
	struct gate_patch *p = &r->patches[r->n++];

	p->index = r->n;
	p->name = xstrdup(name);
	p->subject = xstrdup(subject && *subject ? subject : name);
	p->before = was;
	p->after = now;
	difference(after, before, &p->introduced, p->subject);
	difference(before, after, &p->fixed, p->subject);
	p->failed = count(&p->introduced, SEV_ERROR) > 0;

	if (r->format == FORMAT_TEXT)
		print_text(stdout, p, r->total);
	else if (r->format == FORMAT_CHECKPATCH)
		print_checkpatch(stdout, p, r->terse, tree);
	fflush(stdout);
	return p->failed;
}

int gate_report_failed(const struct gate_report *r)
{
	int failed = 0;

	for (int i = 0; i < r->n; i++)
		failed += r->patches[i].failed;
	return failed;
}

static void json_findings(FILE *out, const struct findings *fs,
			  const struct report_context *ctx)
{
	fputc('[', out);
	for (int i = 0; i < fs->n; i++) {
		fputs(i ? ",\n" : "\n", out);
		report_json_finding(out, &fs->v[i], ctx);
	}
	fputc(']', out);
}

/* The contract in README ("Gating a series"): keep it additive. */
static void print_json(FILE *out, const struct gate_report *r,
		       const char *config)
{
	struct report_context ctx = { .config = config };
	int errors = 0, warnings = 0, notes = 0;

	fputs("{\"version\":1,\"config\":", out);
	json_string(out, config);
	fputs(",\"patches\":[", out);
	for (int i = 0; i < r->n; i++) {
		const struct gate_patch *p = &r->patches[i];

		fprintf(out, "%s{\"index\":%d,\"subject\":", i ? ",\n" : "\n",
			p->index);
		json_string(out, p->subject);
		fputs(",\"file\":", out);
		json_string(out, p->name);
		fputs(",\"introduces\":", out);
		json_findings(out, &p->introduced, &ctx);
		fputs(",\"fixes\":", out);
		json_findings(out, &p->fixed, &ctx);
		fputs(",\n\"layout\":", out);
		layout_diff_json(out, p->before, p->after);
		fprintf(out, ",\"verdict\":\"%s\"}",
			p->failed ? "fail" : "pass");
		errors += count(&p->introduced, SEV_ERROR);
		warnings += count(&p->introduced, SEV_WARNING);
		notes += count(&p->introduced, SEV_NOTE);
	}
	fprintf(out,
		"],\n\"summary\":{\"patches\":%d,\"failed\":%d,\"errors\":%d,\"warnings\":%d,\"notes\":%d,\"verdict\":\"%s\"}}\n",
		r->n, gate_report_failed(r), errors, warnings, notes,
		gate_report_failed(r) ? "fail" : "pass");
}

void gate_report_finish(struct gate_report *r, const char *config,
			const char *kdir)
{
	struct report_context ctx = { .config = config, .kdir = kdir };
	struct findings all = { 0 };

	switch (r->format) {
	case FORMAT_TEXT:
		printf("gate: %d patches, %d introduce errors; config: %s\n",
		       r->n, gate_report_failed(r), config);
		break;
	case FORMAT_JSON:
		print_json(stdout, r, config);
		break;
	case FORMAT_SARIF:
	case FORMAT_B4:
		/* One run, one array: what the series introduces, in order. */
		for (int i = 0; i < r->n; i++) {
			const struct findings *fs = &r->patches[i].introduced;

			for (int j = 0; j < fs->n; j++)
				findings_append(&all, &fs->v[j],
						fs->v[j].patch);
		}
		report_print(&all, stdout, r->format, &ctx);
		findings_free(&all);
		break;
	default:
		break;
	}
	fflush(stdout);
}

void gate_report_free(struct gate_report *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->patches[i].name);
		free(r->patches[i].subject);
		findings_free(&r->patches[i].introduced);
		findings_free(&r->patches[i].fixed);
	}
	free(r->patches);
	memset(r, 0, sizeof(*r));
}

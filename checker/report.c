// SPDX-License-Identifier: GPL-2.0
/* Findings: the one place that knows output formats and exit status. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "util.h"

#ifndef PTECHECK_VERSION
#define PTECHECK_VERSION "unknown"
#endif

void findings_set_config(struct findings *fs, const char *label)
{
	free(fs->config);
	fs->config = xstrdup(label);
	fs->nr_configs++;
}

static void finding_free(struct finding *f)
{
	free(f->file);
	free(f->message);
	free(f->patch);
	strv_free(&f->configs);
}

void findings_free(struct findings *fs)
{
	for (int i = 0; i < fs->n; i++)
		finding_free(&fs->v[i]);
	free(fs->v);
	free(fs->config);
	memset(fs, 0, sizeof(*fs));
}

/* Configuration labels are compared whole: "4k-48" is not "64k-48". */
static bool has_config(const struct finding *f, const char *config)
{
	for (int i = 0; i < f->configs.n; i++)
		if (!strcmp(f->configs.v[i], config))
			return true;
	return false;
}

static void add_config(const struct findings *fs, struct finding *f)
{
	if (fs->config && !has_config(f, fs->config))
		strv_push(&f->configs, fs->config);
}

static bool same_site(const struct finding *f, int rule, const char *file,
		      unsigned int line, unsigned int column)
{
	return f->rule == rule && f->line == line && f->column == column &&
	       !strcmp(f->file, file);
}

static void add_finding(struct findings *fs, int rule, const char *file,
			unsigned int line, unsigned int column, char *message)
{
	struct finding *f;

	/*
	 * One finding a site in a configuration. Across configurations a
	 * site whose text differs (riscv's swap offset ends at bit 63 or 31)
	 * is a finding of its own, so that each names its configurations.
	 */
	for (int i = 0; i < fs->n; i++) {
		struct finding *same = &fs->v[i];

		if (!same_site(same, rule, file, line, column))
			continue;
		if (!strcmp(same->message, message) || !fs->config ||
		    has_config(same, fs->config)) {
			add_config(fs, same);
			free(message);
			return;
		}
	}
	if (fs->n == fs->alloc) {
		fs->alloc = fs->alloc ? fs->alloc * 2 : 32;
		fs->v = xrealloc(fs->v, fs->alloc * sizeof(*fs->v));
	}
	f = &fs->v[fs->n++];
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->file = xstrdup(file);
	f->line = line;
	f->column = column;
	f->message = message;
	add_config(fs, f);
}

void findings_append(struct findings *fs, const struct finding *f,
		     const char *patch)
{
	struct finding *copy;

	if (fs->n == fs->alloc) {
		fs->alloc = fs->alloc ? fs->alloc * 2 : 32;
		fs->v = xrealloc(fs->v, fs->alloc * sizeof(*fs->v));
	}
	copy = &fs->v[fs->n++];
	memset(copy, 0, sizeof(*copy));
	copy->rule = f->rule;
	copy->file = xstrdup(f->file);
	copy->line = f->line;
	copy->column = f->column;
	copy->message = xstrdup(f->message);
	for (int i = 0; i < f->configs.n; i++)
		strv_push(&copy->configs, f->configs.v[i]);
	copy->patch = patch ? xstrdup(patch) : NULL;
}

void findings_add(struct findings *fs, int rule, const char *file,
		  unsigned int line, unsigned int column, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	add_finding(fs, rule, file, line, column, msg);
}

/* One finding per line: rule, line, column, file, message; tab-separated. */
void report_serialize(const struct findings *fs, FILE *out, int from)
{
	for (int i = from; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];

		fprintf(out, "%d\t%u\t%u\t%s\t%s\n", f->rule, f->line,
			f->column, f->file, f->message);
	}
}

void report_deserialize(struct findings *fs, FILE *in)
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
		add_finding(fs, rule, file, l, c, xstrdup(msg));
	}
	free(line);
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
	if (x->rule != y->rule)
		return x->rule - y->rule;
	return strcmp(x->message, y->message);
}

void report_sort(struct findings *fs)
{
	if (fs->n)
		qsort(fs->v, fs->n, sizeof(*fs->v), cmp_finding);
}

static int count_severity(const struct findings *fs, enum severity sev)
{
	int n = 0;

	for (int i = 0; i < fs->n; i++)
		n += rules[fs->v[i].rule].severity == sev;
	return n;
}

/* "4k-48; 4k-52", or the run's one configuration. */
static char *configs_text(const struct finding *f,
			  const struct report_context *ctx)
{
	char *text = xstrdup(""), *next;

	if (!f->configs.n)
		return xstrdup(ctx->config ? ctx->config : "");
	for (int i = 0; i < f->configs.n; i++) {
		next = xasprintf("%s%s%s", text, i ? "; " : "",
				 f->configs.v[i]);
		free(text);
		text = next;
	}
	return text;
}

void report_json_finding(FILE *out, const struct finding *f,
			 const struct report_context *ctx)
{
	char *configs = configs_text(f, ctx);

	fputs("{\"rule\":", out);
	json_string(out, rules[f->rule].name);
	fputs(",\"severity\":", out);
	json_string(out, severity_name(rules[f->rule].severity));
	fputs(",\"file\":", out);
	json_string(out, f->file);
	fprintf(out, ",\"line\":%u,\"column\":%u,\"message\":", f->line,
		f->column);
	json_string(out, f->message);
	fputs(",\"config\":", out);
	json_string(out, configs);
	fputc('}', out);
	free(configs);
}

static void print_json(const struct findings *fs, FILE *out,
		       const struct report_context *ctx)
{
	fputs("{\"version\":1,\"findings\":[", out);
	for (int i = 0; i < fs->n; i++) {
		fputs(i ? ",\n" : "\n", out);
		report_json_finding(out, &fs->v[i], ctx);
	}
	fprintf(out,
		"],\n\"summary\":{\"errors\":%d,\"warnings\":%d,\"notes\":%d,\"files_checked\":%d,\"config\":",
		count_severity(fs, SEV_ERROR), count_severity(fs, SEV_WARNING),
		count_severity(fs, SEV_NOTE), ctx->files_checked);
	json_string(out, ctx->config);
	if (ctx->build) {
		fputs(",\"build\":", out);
		json_string(out, ctx->build);
	}
	fprintf(out, ",\"from_cache\":%d}}\n", ctx->from_cache);
}

static const char *const checkpatch_level[] = {
	[SEV_NOTE] = "CHECK",
	[SEV_WARNING] = "WARNING",
	[SEV_ERROR] = "ERROR",
};

static unsigned int count_lines(const char *kdir, const char *file)
{
	char *path = xasprintf("%s/%s", kdir, file);
	char *text = read_file(path, NULL);
	unsigned int n = 0;

	for (char *p = text; p && *p; p++)
		n += *p == '\n';
	free(text);
	free(path);
	return n;
}

static char *line_of(const char *kdir, const char *file, unsigned int line);

/*
 * checkpatch's own layout, which people and bots parse: a LEVEL:TYPE:
 * line, "#NN: FILE: path:NN:", the source line, a blank line, and the
 * total; --terse gives "path:NN: LEVEL:TYPE: msg" lines.
 */
static void print_checkpatch(const struct findings *fs, FILE *out,
			     const struct report_context *ctx)
{
	unsigned int lines = 0;

	for (int i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];
		const char *level = checkpatch_level[rules[f->rule].severity];
		char *src;

		if (ctx->terse) {
			fprintf(out, "%s:%u: %s:%s: %s\n", f->file, f->line,
				level, rules[f->rule].name, f->message);
			continue;
		}
		src = ctx->kdir ? line_of(ctx->kdir, f->file, f->line) : NULL;
		fprintf(out, "%s:%s: %s\n#%u: FILE: %s:%u:\n+%s\n\n", level,
			rules[f->rule].name, f->message, f->line, f->file,
			f->line, src ? src : "");
		free(src);
	}
	for (int i = 0; i < fs->n; i++) {
		bool seen = false;

		for (int j = 0; j < i && !seen; j++)
			seen = !strcmp(fs->v[j].file, fs->v[i].file);
		if (!seen && ctx->kdir)
			lines += count_lines(ctx->kdir, fs->v[i].file);
	}
	if (ctx->terse)
		return;
	/* checkpatch counts CHECKs only when there are any (--strict). */
	fprintf(out, "total: %d errors, %d warnings, ",
		count_severity(fs, SEV_ERROR), count_severity(fs, SEV_WARNING));
	if (count_severity(fs, SEV_NOTE))
		fprintf(out, "%d checks, ", count_severity(fs, SEV_NOTE));
	fprintf(out, "%u lines checked\n", lines);
}

static const char *const sarif_level[] = {
	[SEV_NOTE] = "note",
	[SEV_WARNING] = "warning",
	[SEV_ERROR] = "error",
};

/* A rule doc's first paragraph, on one line: its title. */
static char *first_paragraph(const char *doc)
{
	const char *end = strstr(doc, "\n\n");
	char *text = xasprintf("%.*s",
			       end ? (int)(end - doc) : (int)strlen(doc), doc);

	for (char *p = text; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return text;
}

/* SARIF 2.1.0: every rule of the table, its doc, one result a finding. */
static void print_sarif(const struct findings *fs, FILE *out,
			const struct report_context *ctx)
{
	char *base;

	fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"ptecheck\",\"version\":",
	      out);
	json_string(out, PTECHECK_VERSION);
	fputs(",\"rules\":[", out);
	for (int i = 0; i < NR_RULES; i++) {
		char *first = first_paragraph(rules[i].doc);

		fputs(i ? ",{\"id\":" : "{\"id\":", out);
		json_string(out, rules[i].name);
		fputs(",\"shortDescription\":{\"text\":", out);
		json_string(out, first);
		fputs("},\"fullDescription\":{\"text\":", out);
		json_string(out, rules[i].doc);
		fputs("},\"defaultConfiguration\":{\"level\":", out);
		json_string(out, sarif_level[rules[i].severity]);
		fputs("}}", out);
		free(first);
	}
	fputs("]}},\"originalUriBaseIds\":{\"KDIR\":{\"uri\":", out);
	base = xasprintf("file://%s/", ctx->kdir ? ctx->kdir : "");
	json_string(out, base);
	free(base);
	fputs("}},\"results\":[", out);
	for (int i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];
		char *configs;

		fprintf(out, "%s{\"ruleId\":", i ? "," : "");
		json_string(out, rules[f->rule].name);
		fprintf(out,
			",\"ruleIndex\":%d,\"level\":\"%s\",\"message\":{\"text\":",
			f->rule, sarif_level[rules[f->rule].severity]);
		json_string(out, f->message);
		fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":",
		      out);
		json_string(out, f->file);
		fprintf(out,
			",\"uriBaseId\":\"KDIR\"},\"region\":{\"startLine\":%u,\"startColumn\":%u}}}],\"properties\":{\"config\":",
			f->line, f->column ? f->column : 1);
		configs = configs_text(f, ctx);
		json_string(out, configs);
		free(configs);
		if (f->patch) {
			fputs(",\"patch\":", out);
			json_string(out, f->patch);
		}
		fputs("}}", out);
	}
	fputs("]}]}\n", out);
}

/* b4's review-perpatch-check-cmd: a JSON array, [] when clean. */
static void print_b4(const struct findings *fs, FILE *out,
		     const struct report_context *ctx)
{
	fputc('[', out);
	for (int i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];
		enum severity sev = rules[f->rule].severity;
		char *summary =
			xasprintf("%s: %s", rules[f->rule].name, f->message);
		char *details = f->patch ?
					xasprintf("%s:%u:%u (introduced by %s)",
						  f->file, f->line, f->column,
						  f->patch) :
					xasprintf("%s:%u:%u", f->file, f->line,
						  f->column);

		fputs(i ? ",{\"tool\":\"ptecheck\",\"status\":" :
			  "{\"tool\":\"ptecheck\",\"status\":",
		      out);
		json_string(out, sev == SEV_ERROR ? "fail" : "warn");
		fputs(",\"summary\":", out);
		json_string(out, summary);
		fputs(",\"details\":", out);
		json_string(out, details);
		fputc('}', out);
		free(summary);
		free(details);
	}
	fputs("]\n", out);
}

void report_print(const struct findings *fs, FILE *out, enum format format,
		  const struct report_context *ctx)
{
	switch (format) {
	case FORMAT_JSON:
		print_json(fs, out, ctx);
		return;
	case FORMAT_CHECKPATCH:
		print_checkpatch(fs, out, ctx);
		return;
	case FORMAT_SARIF:
		print_sarif(fs, out, ctx);
		return;
	case FORMAT_B4:
		print_b4(fs, out, ctx);
		return;
	case FORMAT_SERIAL:
		report_serialize(fs, out, 0);
		return;
	default:
		break;
	}
	for (int i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];

		fprintf(out, "%s:%u:%u: %s: %s", f->file, f->line, f->column,
			severity_name(rules[f->rule].severity), f->message);
		/* Several configurations checked: say which it holds in. */
		if (fs->nr_configs > 1) {
			char *configs = configs_text(f, ctx);

			fprintf(out, " (in %s)", configs);
			free(configs);
		}
		fprintf(out, " [%s]\n", rules[f->rule].name);
	}
}

void report_summary(const struct findings *fs, FILE *out,
		    const struct report_context *ctx)
{
	fprintf(out,
		"ptecheck: %d errors, %d warnings, %d notes in %d files checked; config: %s\n",
		count_severity(fs, SEV_ERROR), count_severity(fs, SEV_WARNING),
		count_severity(fs, SEV_NOTE), ctx->files_checked, ctx->config);
}

int report_exit_status(const struct findings *fs, enum fail_on fail_on)
{
	if (fail_on == FAIL_ON_NEVER)
		return EXIT_CLEAN;
	if (count_severity(fs, SEV_ERROR))
		return EXIT_FINDINGS;
	if (fail_on == FAIL_ON_WARNING && count_severity(fs, SEV_WARNING))
		return EXIT_FINDINGS;
	return EXIT_CLEAN;
}

static char *line_of(const char *kdir, const char *file, unsigned int line)
{
	char *path = xasprintf("%s/%s", kdir, file);
	char *text = file_line(path, line);

	free(path);
	return text;
}

static bool ignores(const char *text, const char *rule)
{
	const char *p = text ? strstr(text, "ptecheck-ignore:") : NULL;

	if (!p)
		return false;
	p += strlen("ptecheck-ignore:");
	while (*p) {
		size_t n;

		p += strspn(p, " ,\t");
		n = strcspn(p, " ,\t*/");
		if (n == strlen(rule) && !strncmp(p, rule, n))
			return true;
		if (!n)
			break;
		p += n;
	}
	return false;
}

void report_suppress(struct findings *fs, const char *kdir)
{
	int kept = 0;

	for (int i = 0; i < fs->n; i++) {
		struct finding *f = &fs->v[i];
		char *here = line_of(kdir, f->file, f->line);
		char *above = f->line > 1 ?
				      line_of(kdir, f->file, f->line - 1) :
				      NULL;
		bool drop = ignores(here, rules[f->rule].name) ||
			    ignores(above, rules[f->rule].name);

		free(here);
		free(above);
		if (drop)
			finding_free(f);
		else
			fs->v[kept++] = *f;
	}
	fs->n = kept;
}

char *finding_key(const struct finding *f, const char *kdir)
{
	char *src = kdir ? line_of(kdir, f->file, f->line) : NULL;
	char *key, *p = src ? src : "";

	/* The source line, trimmed, tells apart sites with one message. */
	p += strspn(p, " \t");
	key = xasprintf("%s\t%s\t%s\t%s", rules[f->rule].name, f->file,
			f->message, p);
	free(src);
	return key;
}

bool report_write_baseline(const struct findings *fs, const char *path,
			   const char *kdir)
{
	FILE *out = fopen(path, "w");

	if (!out)
		return false;
	fputs("# ptecheck baseline: accepted findings, rule<TAB>file<TAB>message<TAB>source line\n",
	      out);
	for (int i = 0; i < fs->n; i++) {
		char *key = finding_key(&fs->v[i], kdir);

		fprintf(out, "%s\n", key);
		free(key);
	}
	return fclose(out) == 0;
}

/* Each baseline line accepts one finding with that key: a multiset. */
bool report_apply_baseline(struct findings *fs, const char *path,
			   const char *kdir)
{
	char *text = read_file(path, NULL), *line, *next;
	bool *used;
	int kept = 0;

	if (!text)
		return false;
	used = xcalloc(fs->n ? fs->n : 1, sizeof(*used));
	for (line = text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (*line == '#')
			continue;
		for (int i = 0; i < fs->n; i++) {
			char *key;

			if (used[i])
				continue;
			key = finding_key(&fs->v[i], kdir);
			used[i] = !strcmp(key, line);
			free(key);
			if (used[i])
				break;
		}
	}
	for (int i = 0; i < fs->n; i++)
		if (used[i])
			finding_free(&fs->v[i]);
		else
			fs->v[kept++] = fs->v[i];
	fs->n = kept;
	free(used);
	free(text);
	return true;
}

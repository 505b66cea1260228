// SPDX-License-Identifier: GPL-2.0
/*
 * The layout as one HTML page: a table per state, bit 63 on the left as
 * the Arm ARM draws it, each bit a cell whose title names its owners.
 * Everything is inline so that the page opens from a CI artifact store
 * or a mail attachment with no network.
 */
#include <stdlib.h>
#include <string.h>

#include "gate_report.h"
#include "layout_html.h"

static const char *str(const char *s)
{
	return s ? s : "";
}

void html_string(FILE *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '&')
			fputs("&amp;", out);
		else if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (c == '"')
			fputs("&quot;", out);
		else if (c == '\'')
			fputs("&#39;", out);
		else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			fputc('?', out);
		else
			fputc(c, out);
	}
}

static uint64_t free_sw(const struct state_layout *st)
{
	return st->sw_mask & ~st->used_sw;
}

static bool is_free(const struct state_layout *st, int bit)
{
	return free_sw(st) >> bit & 1;
}

/* Colours as in the SVG; a free software bit is hatched. */
static const char style[] =
	"body { font-family: 'DejaVu Sans', Arial, sans-serif; color: #222; margin: 1em; }\n"
	"main { display: flex; flex-direction: column; }\n"
	"#switcher { order: -1; margin: 0.5em 0; }\n"
	"#switcher button { margin: 0 0.3em 0.3em 0; font: inherit; font-size: 0.85em; }\n"
	"#switcher button[aria-pressed=true] { background: #333; color: #fff; }\n"
	"h1 { font-size: 1.3em; } h2 { font-size: 1.1em; } h3 { font-size: 1em; margin: 1em 0 0.3em; }\n"
	".meta, .note { font-size: 0.9em; color: #555; }\n"
	"table.bits { border-collapse: collapse; table-layout: fixed; }\n"
	"table.bits th { font-size: 0.75em; font-weight: normal; text-align: right; padding-right: 0.5em; width: 4em; }\n"
	"td.bit { width: 1.6em; min-width: 1.6em; height: 1.6em; border: 1px solid #333; text-align: center; font-size: 0.65em; }\n"
	"td.bit:hover, td.run:hover { outline: 2px solid #000; }\n"
	"td.run { border: 1px solid #333; vertical-align: bottom; text-align: center; font-family: 'DejaVu Sans Mono', monospace; font-size: 0.65em; height: 11em; overflow: hidden; }\n"
	"td.run span.up { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }\n"
	".role-hw { background: #c9c9c9; } .role-addr { background: #a8d4f0; }\n"
	".role-sw { background: #f9a85e; } .role-marker { background: #c3a6e6; }\n"
	".role-field { background: #a5db9a; } .role-flag { background: #ffe26e; }\n"
	".role-zero { background: #f2a0a0; } .none { background: #fff; }\n"
	".free { background: repeating-linear-gradient(45deg, #ffe4c4 0 3px, #f0a050 3px 5px); outline: 2px solid #c05000; outline-offset: -3px; }\n"
	".multi { box-shadow: inset 0 -5px 0 #555; }\n"
	"td.changed { outline: 3px solid #d00000; outline-offset: -3px; font-weight: bold; }\n"
	"li.change { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.85em; }\n"
	".legend span { display: inline-block; padding: 0.1em 0.5em; margin: 0 0.3em 0.3em 0; border: 1px solid #333; font-size: 0.8em; }\n";

/* Shows one configuration at a time once the switcher exists. */
static const char script[] =
	"(function () {\n"
	"\tvar nav = document.getElementById('switcher');\n"
	"\tif (!nav)\n"
	"\t\treturn;\n"
	"\tvar sections = document.querySelectorAll('section.config');\n"
	"\tvar buttons = nav.querySelectorAll('button');\n"
	"\tfunction show(n) {\n"
	"\t\tfor (var i = 0; i < sections.length; i++)\n"
	"\t\t\tsections[i].hidden = i !== n;\n"
	"\t\tfor (var i = 0; i < buttons.length; i++)\n"
	"\t\t\tbuttons[i].setAttribute('aria-pressed', String(i === n));\n"
	"\t}\n"
	"\tfor (var i = 0; i < buttons.length; i++)\n"
	"\t\tbuttons[i].addEventListener('click', show.bind(null, i));\n"
	"\tshow(0);\n"
	"})();\n";

void html_begin(struct html_page *page, FILE *out, const char *title)
{
	memset(page, 0, sizeof(*page));
	page->out = out;
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
	      out);
	html_string(out, title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
		style);
	html_string(out, title);
	fputs("</h1>\n<p class=\"meta\">bit 63 on the left, bit 0 on the right; hover over a bit for its owners</p>\n<main>\n",
	      out);
}

/* "bit 58: PTE_UFFD_WP (sw)", for a title attribute. */
static void bit_title(FILE *out, const struct state_layout *st, int bit)
{
	const struct bit_cell *cell = &st->bits[bit];

	fprintf(out, "bit %d: ", bit);
	if (!cell->nr_owners)
		fputs(is_free(st, bit) ? "free software bit" : "no owner", out);
	for (int i = 0; i < cell->nr_owners; i++) {
		fputs(i ? ", " : "", out);
		html_string(out, str(cell->owners[i].name));
		fprintf(out, " (%s)", role_name(cell->owners[i].role));
	}
	if (cell->nr_owners && is_free(st, bit))
		fputs("; free software bit", out);
}

static void owner_list(FILE *out, const struct bit_cell *cell)
{
	for (int i = 0; i < cell->nr_owners; i++) {
		fputs(i ? " " : "", out);
		html_string(out, str(cell->owners[i].name));
	}
}

static void cell_class(FILE *out, const struct state_layout *st, int bit)
{
	const struct bit_cell *cell = &st->bits[bit];

	if (cell->nr_owners)
		fprintf(out, "role-%s", role_name(cell->owners[0].role));
	else
		fputs("none", out);
	if (is_free(st, bit))
		fputs(" free", out);
	if (cell->nr_owners > 1)
		fputs(" multi", out);
}

/* One row of 64 bit cells; @changed marks the bits that changed owner. */
static void bit_row(FILE *out, const char *label, const struct state_layout *st,
		    uint64_t changed)
{
	fprintf(out, "<tr class=\"cells %s\"><th>%s</th>", label, label);
	for (int bit = 63; bit >= 0; bit--) {
		fputs("<td class=\"bit ", out);
		cell_class(out, st, bit);
		if (changed >> bit & 1)
			fputs(" changed", out);
		fprintf(out, "\" data-bit=\"%d\" data-owners=\"", bit);
		owner_list(out, &st->bits[bit]);
		fputs("\" title=\"", out);
		bit_title(out, st, bit);
		fprintf(out, "\">%d</td>", bit);
	}
	fputs("</tr>\n", out);
}

static int run_end(const struct state_layout *st, int lo)
{
	int hi = lo;

	while (hi < 63 &&
	       bit_cell_same_owners(&st->bits[lo], &st->bits[hi + 1]) &&
	       is_free(st, lo) == is_free(st, hi + 1))
		hi++;
	return hi;
}

/* The owners once per run of same-owner bits, read upwards when narrow. */
static void run_row(FILE *out, const struct state_layout *st)
{
	fputs("<tr class=\"runs\"><th>owners</th>", out);
	for (int hi = 63; hi >= 0; hi--) {
		const struct bit_cell *cell = &st->bits[hi];
		int lo = hi;

		while (lo > 0 && run_end(st, lo - 1) >= hi)
			lo--;
		fprintf(out, "<td class=\"run ");
		cell_class(out, st, hi);
		fprintf(out, "\" colspan=\"%d\" title=\"", hi - lo + 1);
		if (lo == hi)
			fprintf(out, "bit %d: ", hi);
		else
			fprintf(out, "bits %d-%d: ", lo, hi);
		if (!cell->nr_owners)
			fputs(is_free(st, hi) ? "free software bit" :
						"no owner",
			      out);
		for (int i = 0; i < cell->nr_owners; i++) {
			fputs(i ? ", " : "", out);
			html_string(out, str(cell->owners[i].name));
			fprintf(out, " (%s)", role_name(cell->owners[i].role));
		}
		fprintf(out, "\"><span class=\"%s\">", hi - lo < 4 ? "up" : "");
		if (!cell->nr_owners && is_free(st, hi))
			fputs("free", out);
		for (int i = 0; i < cell->nr_owners; i++) {
			fputs(i ? " + " : "", out);
			html_string(out, str(cell->owners[i].name));
		}
		fputs("</span></td>", out);
		hi = lo;
	}
	fputs("</tr>\n", out);
}

static void free_line(FILE *out, const struct state_layout *st)
{
	char bits[256];

	if (!st->sw_mask)
		return;
	format_bits(free_sw(st), bits, sizeof(bits));
	fprintf(out, " <span class=\"note\">free software bits: %s</span>",
		*bits ? bits : "none");
}

static void state_table(FILE *out, const struct state_layout *st)
{
	fputs("<div class=\"state\" data-state=\"", out);
	html_string(out, str(st->name));
	fputs("\">\n<h3>", out);
	html_string(out, st->name ? st->name : "?");
	free_line(out, st);
	fputs("</h3>\n<table class=\"bits\">\n", out);
	bit_row(out, "bits", st, 0);
	run_row(out, st);
	fputs("</table>\n</div>\n", out);
}

static void layout_heading(FILE *out, const struct layout *layout)
{
	fputs("<p class=\"meta\">arch ", out);
	html_string(out, str(layout->arch));
	if (layout->kdir) {
		fputs("; tree ", out);
		html_string(out, layout->kdir);
	}
	fputs("</p>\n", out);
	for (int i = 0; i < layout->nr_dynamic; i++) {
		fputs(i ? ", " : "<p class=\"note\">not constant, left out: ",
		      out);
		html_string(out, str(layout->dynamic[i]));
	}
	if (layout->nr_dynamic)
		fputs("</p>\n", out);
}

void html_layout(struct html_page *page, const struct layout *layout)
{
	FILE *out = page->out;

	fprintf(out,
		"<section class=\"config\" id=\"config-%d\" data-config=\"",
		page->configs.n);
	html_string(out, str(layout->config));
	fputs("\">\n<h2>config: ", out);
	html_string(out, str(layout->config));
	fputs("</h2>\n", out);
	layout_heading(out, layout);
	for (int s = 0; s < layout->nr_states; s++)
		state_table(out, &layout->states[s]);
	fputs("</section>\n", out);
	strv_push(&page->configs, str(layout->config));
}

static const struct state_layout *find_state(const struct layout *layout,
					     const char *name)
{
	for (int s = 0; s < layout->nr_states; s++)
		if (!strcmp(str(layout->states[s].name), name))
			return &layout->states[s];
	return NULL;
}

static void change_item(FILE *out, const struct state_layout *b,
			const struct state_layout *a, int bit)
{
	const struct bit_cell *cells[2] = { &b->bits[bit], &a->bits[bit] };

	fprintf(out, "<li class=\"change\" data-bit=\"%d\">bit %d: ", bit, bit);
	for (int k = 0; k < 2; k++) {
		const struct bit_cell *cell = cells[k];

		fputs(k ? " &rarr; " : "", out);
		if (!cell->nr_owners)
			fputs("-", out);
		for (int i = 0; i < cell->nr_owners; i++) {
			fputs(i ? " + " : "", out);
			html_string(out, str(cell->owners[i].name));
			fprintf(out, " (%s)", role_name(cell->owners[i].role));
		}
	}
	fputs("</li>\n", out);
}

static int diff_state(FILE *out, const struct state_layout *b,
		      const struct state_layout *a)
{
	uint64_t changed = 0;
	char was[256], now[256];

	for (int bit = 0; bit < 64; bit++)
		if (!bit_cell_same_owners(&b->bits[bit], &a->bits[bit]))
			changed |= 1ULL << bit;
	fputs("<div class=\"state\" data-state=\"", out);
	html_string(out, str(a->name));
	fprintf(out, "\" data-changed=\"%d\">\n<h3>",
		__builtin_popcountll(changed));
	html_string(out, str(a->name));
	fputs(changed ? "" :
			" <span class=\"note\">no bit changes owner</span>",
	      out);
	fputs("</h3>\n<table class=\"bits\">\n", out);
	bit_row(out, "before", b, changed);
	bit_row(out, "after", a, changed);
	run_row(out, a);
	fputs("</table>\n", out);
	if (changed) {
		fputs("<ul class=\"changes\">\n", out);
		for (int bit = 63; bit >= 0; bit--)
			if (changed >> bit & 1)
				change_item(out, b, a, bit);
		fputs("</ul>\n", out);
	}
	if (a->sw_mask && free_sw(a) != free_sw(b)) {
		format_bits(free_sw(b), was, sizeof(was));
		format_bits(free_sw(a), now, sizeof(now));
		fprintf(out,
			"<p class=\"note free-change\">free software bits: %s &rarr; %s%s</p>\n",
			*was ? was : "none", *now ? now : "none",
			free_sw(b) && !free_sw(a) ? " (the last taken)" : "");
	}
	fputs("</div>\n", out);
	return __builtin_popcountll(changed);
}

void html_diff(struct html_page *page, const struct layout *before,
	       const struct layout *after)
{
	FILE *out = page->out;
	int changes = 0;

	fputs("<section class=\"diff\" id=\"diff\">\n<h2>before &rarr; after</h2>\n<p class=\"meta\">before: ",
	      out);
	html_string(out, str(before->kdir));
	fputs("<br>after: ", out);
	html_string(out, str(after->kdir));
	fputs("<br>config: ", out);
	html_string(out, str(after->config));
	fputs("</p>\n", out);
	for (int s = 0; s < after->nr_states; s++) {
		const struct state_layout *a = &after->states[s];
		const struct state_layout *b = find_state(before, str(a->name));

		if (b)
			changes += diff_state(out, b, a);
	}
	fprintf(out,
		"<p class=\"summary\" data-changes=\"%d\">%d bits change owner</p>\n</section>\n",
		changes, changes);
}

static void role_key(FILE *out)
{
	fputs("<p class=\"legend\">", out);
	for (int r = 0; r < NR_ROLES; r++)
		fprintf(out, "<span class=\"role-%s\">%s</span>", role_name(r),
			role_name(r));
	fputs("<span class=\"none\">no owner</span><span class=\"free\">free software bit</span><span class=\"none multi\">two or more owners</span><span class=\"none changed\">changed owner</span></p>\n",
	      out);
}

void html_end(struct html_page *page)
{
	FILE *out = page->out;

	if (page->configs.n > 1) {
		fputs("<nav id=\"switcher\">configuration:\n", out);
		for (int i = 0; i < page->configs.n; i++) {
			fprintf(out,
				"<button type=\"button\" data-config=\"%d\" aria-pressed=\"false\">",
				i);
			html_string(out, page->configs.v[i]);
			fputs("</button>\n", out);
		}
		fputs("</nav>\n", out);
	}
	fputs("</main>\n", out);
	role_key(out);
	fprintf(out, "<script>\n%s</script>\n</body>\n</html>\n", script);
	strv_free(&page->configs);
}

static FILE *open_page(const char *dir, const char *name, char **path)
{
	FILE *out;

	*path = xasprintf("%s/%s", dir, name);
	out = fopen(*path, "w");
	if (!out)
		die("%s: cannot write", *path);
	return out;
}

static void close_page(FILE *out, char *path)
{
	if (ferror(out) | fclose(out))
		die("%s: cannot write", path);
	free(path);
}

/* The findings of @fs as a list, as the gcc format writes them. */
static void finding_list(FILE *out, const char *what, const char *cls,
			 const struct findings *fs)
{
	fprintf(out, "<h2>%s: %s</h2>\n", what, fs->n ? "" : "nothing");
	if (!fs->n)
		return;
	fprintf(out, "<ul class=\"%s\">\n", cls);
	for (int i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];
		const char *severity = severity_name(rules[f->rule].severity);

		fprintf(out, "<li class=\"finding %s\" data-rule=\"%s\">",
			severity, rules[f->rule].name);
		html_string(out, str(f->file));
		fprintf(out, ":%u:%u: %s: ", f->line, f->column, severity);
		html_string(out, str(f->message));
		fprintf(out, " [%s]</li>\n", rules[f->rule].name);
	}
	fputs("</ul>\n", out);
}

void gate_html_page(const char *dir, const struct gate_patch *p, int total)
{
	char *file = xasprintf("%04d.html", p->index);
	char *title = xasprintf("ptecheck gate [%d/%d] %s", p->index, total,
				str(p->name));
	const char *verdict = p->failed ? "FAIL" : "pass";
	struct html_page page;
	char *path;
	FILE *out = open_page(dir, file, &path);

	html_begin(&page, out, title);
	fputs("<p class=\"subject\">", out);
	html_string(out, str(p->subject));
	fprintf(out,
		"</p>\n<p class=\"verdict\" data-verdict=\"%s\">verdict: %s</p>\n",
		verdict, verdict);
	fputs("<nav class=\"pages\"><a href=\"index.html\">index</a>", out);
	if (p->index > 1)
		fprintf(out, " <a href=\"%04d.html\">previous</a>",
			p->index - 1);
	if (p->index < total)
		fprintf(out, " <a href=\"%04d.html\">next</a>", p->index + 1);
	fputs("</nav>\n", out);
	finding_list(out, "introduces", "introduced", &p->introduced);
	finding_list(out, "fixes", "fixed", &p->fixed);
	html_diff(&page, p->before, p->after);
	html_end(&page);
	close_page(out, path);
	free(title);
	free(file);
}

void gate_html_index(const char *dir, const struct gate_report *r,
		     const char *config)
{
	struct html_page page;
	char *path;
	FILE *out = open_page(dir, "index.html", &path);

	html_begin(&page, out, "ptecheck gate");
	fputs("<p class=\"meta\">config: ", out);
	html_string(out, str(config));
	fputs("</p>\n<ol class=\"patches\">\n", out);
	for (int i = 0; i < r->n; i++) {
		const struct gate_patch *p = &r->patches[i];

		fprintf(out, "<li><a href=\"%04d.html\">", p->index);
		html_string(out, str(p->name));
		fputs("</a> <span class=\"subject\">", out);
		html_string(out, str(p->subject));
		fprintf(out,
			"</span> <span class=\"verdict\">%s</span> <span class=\"counts\">%d introduced, %d fixed</span></li>\n",
			p->failed ? "FAIL" : "pass", p->introduced.n,
			p->fixed.n);
	}
	fputs("</ol>\n", out);
	html_end(&page);
	close_page(out, path);
}

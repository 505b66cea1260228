// SPDX-License-Identifier: GPL-2.0
/* `ptecheck layout` output: the bit layout of each state as text, JSON, SVG. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "util.h"

static const char *const role_names[NR_ROLES] = {
	[ROLE_HW] = "hw",	  [ROLE_ADDR] = "addr",	  [ROLE_SW] = "sw",
	[ROLE_MARKER] = "marker", [ROLE_FIELD] = "field", [ROLE_FLAG] = "flag",
	[ROLE_ZERO] = "zero",
};

const char *role_name(enum role role)
{
	if ((unsigned int)role >= NR_ROLES)
		return "?";
	return role_names[role];
}

static const char *str(const char *s)
{
	return s ? s : "";
}

void format_bits(uint64_t mask, char *buf, int size)
{
	int pos = 0;

	if (size <= 0)
		return;
	buf[0] = '\0';
	for (int lo = 0; lo < 64 && pos < size; lo++) {
		int hi = lo;

		if (!(mask >> lo & 1))
			continue;
		while (hi < 63 && (mask >> (hi + 1) & 1))
			hi++;
		if (hi == lo)
			pos += snprintf(buf + pos, size - pos, "%s%d",
					pos ? "," : "", lo);
		else
			pos += snprintf(buf + pos, size - pos, "%s%d-%d",
					pos ? "," : "", lo, hi);
		lo = hi;
	}
}

bool bit_cell_same_owners(const struct bit_cell *a, const struct bit_cell *b)
{
	if (a->nr_owners != b->nr_owners)
		return false;
	for (int i = 0; i < a->nr_owners; i++) {
		if (a->owners[i].role != b->owners[i].role ||
		    strcmp(str(a->owners[i].name), str(b->owners[i].name)))
			return false;
	}
	return true;
}

static uint64_t free_sw(const struct state_layout *st)
{
	return st->sw_mask & ~st->used_sw;
}

static bool is_free(const struct state_layout *st, int bit)
{
	return free_sw(st) >> bit & 1;
}

/* The last bit of the run of same-owner bits that starts at @lo. */
static int run_end(const struct state_layout *st, int lo, bool split_free)
{
	int hi = lo;

	while (hi < 63 &&
	       bit_cell_same_owners(&st->bits[lo], &st->bits[hi + 1]) &&
	       (!split_free || is_free(st, lo) == is_free(st, hi + 1)))
		hi++;
	return hi;
}

static void format_range(int lo, int hi, char *buf, int size)
{
	if (lo == hi)
		snprintf(buf, size, "%d", lo);
	else
		snprintf(buf, size, "%d-%d", lo, hi);
}

/* text */

static int range_width(const struct layout *layout)
{
	int width = 1;
	char range[16];

	for (int s = 0; s < layout->nr_states; s++) {
		const struct state_layout *st = &layout->states[s];

		for (int lo = 0; lo < 64; lo++) {
			int hi = run_end(st, lo, false);
			int len;

			format_range(lo, hi, range, sizeof(range));
			len = strlen(range);
			if (len > width)
				width = len;
			lo = hi;
		}
	}
	return width;
}

static void print_text_state(FILE *out, const struct state_layout *st,
			     int width)
{
	char range[16], bits[256];

	fprintf(out, "%s:\n", st->name ? st->name : "?");
	for (int lo = 0; lo < 64; lo++) {
		const struct bit_cell *cell = &st->bits[lo];
		int hi = run_end(st, lo, false);

		format_range(lo, hi, range, sizeof(range));
		fprintf(out, "  %-*s  ", width, range);
		if (!cell->nr_owners)
			fputc('-', out);
		for (int i = 0; i < cell->nr_owners; i++)
			fprintf(out, "%s%s (%s)", i ? " + " : "",
				str(cell->owners[i].name),
				role_name(cell->owners[i].role));
		fputc('\n', out);
		lo = hi;
	}
	if (st->sw_mask) {
		format_bits(free_sw(st), bits, sizeof(bits));
		fprintf(out, "  free software bits: %s\n",
			*bits ? bits : "none");
	}
}

void layout_print_text(FILE *out, const struct layout *layout)
{
	int width = range_width(layout);

	fprintf(out, "arch %s, config: %s\n", str(layout->arch),
		str(layout->config));
	for (int i = 0; i < layout->nr_dynamic; i++)
		fprintf(out, "%s %s", i ? "," : "not constant, left out:",
			layout->dynamic[i]);
	if (layout->nr_dynamic)
		fputc('\n', out);
	for (int s = 0; s < layout->nr_states; s++) {
		fputc('\n', out);
		print_text_state(out, &layout->states[s], width);
	}
}

/* json */

void json_bits(FILE *out, uint64_t mask)
{
	bool first = true;

	fputc('[', out);
	for (int bit = 0; bit < 64; bit++) {
		if (!(mask >> bit & 1))
			continue;
		fprintf(out, "%s%d", first ? "" : ",", bit);
		first = false;
	}
	fputc(']', out);
}

static void print_json_state(FILE *out, const struct state_layout *st)
{
	fputs("{\"name\":", out);
	json_string(out, str(st->name));
	fputs(",\"sw_mask\":", out);
	json_bits(out, st->sw_mask);
	fputs(",\"free_sw\":", out);
	json_bits(out, free_sw(st));
	fputs(",\"bits\":[", out);
	for (int bit = 0; bit < 64; bit++) {
		const struct bit_cell *cell = &st->bits[bit];

		fprintf(out, "%s{\"bit\":%d,\"owners\":[", bit ? "," : "", bit);
		for (int i = 0; i < cell->nr_owners; i++) {
			fputs(i ? ",{\"name\":" : "{\"name\":", out);
			json_string(out, str(cell->owners[i].name));
			fputs(",\"role\":", out);
			json_string(out, role_name(cell->owners[i].role));
			fputc('}', out);
		}
		fputs("]}", out);
	}
	fputs("]}", out);
}

void layout_print_json(FILE *out, const struct layout *layout)
{
	fputs("{\"version\":1,\"arch\":", out);
	json_string(out, str(layout->arch));
	fputs(",\"config\":", out);
	json_string(out, str(layout->config));
	fputs(",\"dynamic\":[", out);
	for (int i = 0; i < layout->nr_dynamic; i++) {
		if (i)
			fputc(',', out);
		json_string(out, layout->dynamic[i]);
	}
	fputs("],\"states\":[", out);
	for (int s = 0; s < layout->nr_states; s++) {
		if (s)
			fputc(',', out);
		print_json_state(out, &layout->states[s]);
	}
	fputs("]}\n", out);
}

/* svg */

/*
 * Geometry in pixels. Labels are monospace so that their width can be
 * estimated here: CHAR_W per character at LABEL_PX.
 */
#define MARGIN 16
#define NAME_W 170
#define CELL_W 22
#define CELL_H 132
#define BAND_H 10
#define NUM_H 14
#define ROW_GAP 18
#define LABEL_PX 10
#define CHAR_W 6.1
#define CAPTION_H 58
#define LEGEND_H 40

static const char *const role_fill[NR_ROLES] = {
	[ROLE_HW] = "#c9c9c9",	  [ROLE_ADDR] = "#a8d4f0",
	[ROLE_SW] = "#f9a85e",	  [ROLE_MARKER] = "#c3a6e6",
	[ROLE_FIELD] = "#a5db9a", [ROLE_FLAG] = "#ffe26e",
	[ROLE_ZERO] = "#f2a0a0",
};

#define UNOWNED_FILL "#ffffff"
#define FREE_FILL "url(#free)"
#define FREE_STROKE "#c05000"

static const char *fill_of(enum role role)
{
	if ((unsigned int)role >= NR_ROLES)
		return UNOWNED_FILL;
	return role_fill[role];
}

/* XML text: escape markup, drop what XML 1.0 cannot carry. */
static void xml_string(FILE *out, const char *s)
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
			fputs("&apos;", out);
		else if (c < 0x20 && c != '\t' && c != '\n')
			fputc('?', out);
		else
			fputc(c, out);
	}
}

/* Left edge of bit @bit: bit 63 on the left, as the Arm ARM draws it. */
static int cell_x(int bit)
{
	return MARGIN + NAME_W + (63 - bit) * CELL_W;
}

static int row_y(int s)
{
	return MARGIN + CAPTION_H + s * (NUM_H + CELL_H + ROW_GAP) + NUM_H;
}

/* The owners of @cell as "A + B", or "free" / "" when it has none. */
static char *run_label(const struct state_layout *st, int bit)
{
	const struct bit_cell *cell = &st->bits[bit];
	char *label, *next;

	if (!cell->nr_owners)
		return xstrdup(is_free(st, bit) ? "free" : "");
	label = xstrdup("");
	for (int i = 0; i < cell->nr_owners; i++) {
		next = xasprintf("%s%s%s", label, i ? " + " : "",
				 str(cell->owners[i].name));
		free(label);
		label = next;
	}
	return label;
}

/* @s cut to @max characters, the last an ellipsis, on UTF-8 bounds. */
static char *fit_label(const char *s, int max)
{
	int chars = 0, cut = 0;

	for (const char *p = s; *p; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	if (chars <= max)
		return xstrdup(s);
	if (max < 1)
		return xstrdup("");
	for (chars = 0; s[cut]; cut++) {
		if (((unsigned char)s[cut] & 0xc0) != 0x80 && ++chars == max)
			break;
	}
	return xasprintf("%.*s\u2026", cut, s);
}

/* One line of label centred on (@x, @cy): across, or read bottom to top. */
static void svg_text(FILE *out, double x, double cy, bool up, double px,
		     const char *s, double room)
{
	char *text = fit_label(s, (int)(room / (CHAR_W * px / LABEL_PX)));

	fprintf(out, "<text class=\"l\" x=\"%.1f\" y=\"%.1f\"", x,
		cy + px * 0.35);
	if (px != LABEL_PX)
		fprintf(out, " style=\"font-size: %.1fpx\"", px);
	if (up)
		fprintf(out, " transform=\"rotate(-90 %.1f %.1f)\"", x, cy);
	fputc('>', out);
	xml_string(out, text);
	fputs("</text>\n", out);
	free(text);
}

static void svg_label(FILE *out, const struct state_layout *st, int lo, int hi,
		      int y, int height)
{
	const struct bit_cell *cell = &st->bits[lo];
	double x = (cell_x(lo) + cell_x(hi) + CELL_W) / 2.0;
	double cy = y + height / 2.0;
	int width = (hi - lo + 1) * CELL_W - 4;
	int n = cell->nr_owners;
	char *label = run_label(st, lo);
	bool fits = strlen(label) * CHAR_W <= width;
	/* Too narrow across: read it bottom to top. */
	bool up = !fits && width < 3 * CELL_W;
	double pitch, px;

	if (n < 2 || fits) {
		svg_text(out, x, cy, up, LABEL_PX, label,
			 up ? height - 8 : width);
		free(label);
		return;
	}
	/* One line per owner: side by side when read upwards, else stacked. */
	pitch = up ? (width + 2.0) / n : LABEL_PX + 3.0;
	if (pitch > LABEL_PX + 1.0)
		pitch = LABEL_PX + 1.0;
	px = up ? pitch - 1 : LABEL_PX;
	if (px > LABEL_PX)
		px = LABEL_PX;
	if (px < 6) {
		svg_text(out, x, cy, up, LABEL_PX, label, height - 8);
		free(label);
		return;
	}
	for (int i = 0; i < n; i++) {
		double off = (i - (n - 1) / 2.0) * pitch;

		if (up)
			svg_text(out, x + off, cy, true, px,
				 str(cell->owners[i].name), height - 8);
		else
			svg_text(out, x, cy + off, false, px,
				 str(cell->owners[i].name), width);
	}
	free(label);
}

static void svg_title(FILE *out, const struct state_layout *st, int bit)
{
	const struct bit_cell *cell = &st->bits[bit];

	fprintf(out, "<title>bit %d: ", bit);
	if (!cell->nr_owners)
		fputs(is_free(st, bit) ? "free software bit" : "no owner", out);
	for (int i = 0; i < cell->nr_owners; i++) {
		fputs(i ? ", " : "", out);
		xml_string(out, str(cell->owners[i].name));
		fprintf(out, " (%s)", role_name(cell->owners[i].role));
	}
	if (cell->nr_owners && is_free(st, bit))
		fputs("; free software bit", out);
	fputs("</title>", out);
}

static void svg_cells(FILE *out, const struct state_layout *st, int y)
{
	for (int bit = 63; bit >= 0; bit--) {
		const struct bit_cell *cell = &st->bits[bit];
		int bands = cell->nr_owners > 1 ? cell->nr_owners - 1 : 0;
		int x = cell_x(bit);
		const char *fill;

		if (cell->nr_owners)
			fill = fill_of(cell->owners[0].role);
		else
			fill = is_free(st, bit) ? FREE_FILL : UNOWNED_FILL;
		fprintf(out,
			"<g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
			x, y, CELL_W, CELL_H, fill);
		/* The other owners of an overlapping bit, as bands below. */
		for (int i = 1; i <= bands; i++)
			fprintf(out,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#333\" stroke-width=\"0.5\"/>",
				x, y + CELL_H - (bands - i + 1) * BAND_H,
				CELL_W, BAND_H, fill_of(cell->owners[i].role));
		svg_title(out, st, bit);
		fputs("</g>\n", out);
	}
}

static void svg_runs(FILE *out, const struct state_layout *st, int y)
{
	for (int lo = 0; lo < 64; lo++) {
		const struct bit_cell *cell = &st->bits[lo];
		int hi = run_end(st, lo, true);
		int bands = cell->nr_owners > 1 ? cell->nr_owners - 1 : 0;
		bool free_bit = is_free(st, lo);

		/* A tick between the bits of a field, as the Arm ARM has. */
		for (int bit = lo + 1; bit <= hi; bit++)
			fprintf(out,
				"<line class=\"t\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
				cell_x(bit - 1), y, cell_x(bit - 1), y + 6);
		fprintf(out,
			"<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
			free_bit ? "f" : "r", cell_x(hi) + (free_bit ? 1 : 0),
			y + (free_bit ? 1 : 0),
			(hi - lo + 1) * CELL_W - (free_bit ? 2 : 0),
			CELL_H - (free_bit ? 2 : 0));
		svg_label(out, st, lo, hi, y, CELL_H - bands * BAND_H);
		lo = hi;
	}
}

static void svg_state(FILE *out, const struct state_layout *st, int s)
{
	int y = row_y(s);
	char bits[256];

	fprintf(out, "<g id=\"state-%d\">\n", s);
	fprintf(out, "<text class=\"s\" x=\"%d\" y=\"%d\">", MARGIN,
		y + CELL_H / 2);
	xml_string(out, st->name ? st->name : "?");
	fputs("</text>\n", out);
	if (st->sw_mask) {
		format_bits(free_sw(st), bits, sizeof(bits));
		fprintf(out,
			"<text class=\"c\" x=\"%d\" y=\"%d\">free sw bits: %s</text>\n",
			MARGIN, y + CELL_H / 2 + 18, *bits ? bits : "none");
	}
	for (int bit = 63; bit >= 0; bit--)
		fprintf(out, "<text class=\"n\" x=\"%d\" y=\"%d\">%d</text>\n",
			cell_x(bit) + CELL_W / 2, y - 4, bit);
	svg_cells(out, st, y);
	svg_runs(out, st, y);
	/* Byte boundaries, to count bits by eye. */
	for (int bit = 56; bit > 0; bit -= 8)
		fprintf(out,
			"<line class=\"b\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
			cell_x(bit - 1), y - NUM_H, cell_x(bit - 1), y + 12);
	fputs("</g>\n", out);
}

static void svg_legend(FILE *out, int y)
{
	static const struct {
		const char *fill, *text;
	} extra[] = {
		{ UNOWNED_FILL, "no owner" },
		{ FREE_FILL, "free software bit" },
	};
	int x = MARGIN;

	for (int r = 0; r < NR_ROLES; r++) {
		fprintf(out,
			"<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\" class=\"k\"/>",
			x, y, role_fill[r]);
		fprintf(out, "<text class=\"c\" x=\"%d\" y=\"%d\">%s</text>\n",
			x + 20, y + 11, role_name(r));
		x += 30 + 7 * strlen(role_name(r)) + 14;
	}
	for (size_t i = 0; i < ARRAY_SIZE(extra); i++) {
		fprintf(out,
			"<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\" class=\"%s\"/>",
			x, y, extra[i].fill, i ? "fk" : "k");
		fprintf(out, "<text class=\"c\" x=\"%d\" y=\"%d\">%s</text>\n",
			x + 20, y + 11, extra[i].text);
		x += 30 + 7 * strlen(extra[i].text) + 14;
	}
	fprintf(out,
		"<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"#ffffff\" class=\"k\"/><rect x=\"%d\" y=\"%d\" width=\"14\" height=\"5\" fill=\"#888\" class=\"k\"/>",
		x, y, x, y + 9);
	fprintf(out,
		"<text class=\"c\" x=\"%d\" y=\"%d\">bit with 2+ owners: colour of the first, a band per other owner</text>\n",
		x + 20, y + 11);
}

void layout_print_svg(FILE *out, const struct layout *layout)
{
	int width = cell_x(0) + CELL_W + MARGIN;
	int legend_y = row_y(layout->nr_states) - NUM_H;
	int height = legend_y + LEGEND_H;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out,
		"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n",
		width, height, width, height);
	fputs("<title>ptecheck layout: arch ", out);
	xml_string(out, str(layout->arch));
	fputs(", config: ", out);
	xml_string(out, str(layout->config));
	fputs("</title>\n", out);
	fputs("<defs>\n"
	      "<style type=\"text/css\">\n"
	      "text { font-family: 'DejaVu Sans', Arial, sans-serif; fill: #222; }\n"
	      ".h { font-size: 16px; font-weight: bold; }\n"
	      ".c { font-size: 12px; }\n"
	      ".s { font-size: 15px; font-weight: bold; }\n"
	      ".n { font-size: 9px; text-anchor: middle; fill: #555; }\n"
	      ".l { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 10px; text-anchor: middle; pointer-events: none; }\n"
	      ".r { fill: none; stroke: #333; stroke-width: 1; pointer-events: none; }\n"
	      ".f { fill: none; stroke: " FREE_STROKE
	      "; stroke-width: 2.5; pointer-events: none; }\n"
	      ".k { stroke: #333; stroke-width: 0.5; }\n"
	      ".fk { stroke: " FREE_STROKE "; stroke-width: 2; }\n"
	      ".t { stroke: #333; stroke-width: 0.75; pointer-events: none; }\n"
	      ".b { stroke: #000; stroke-width: 1.5; pointer-events: none; }\n"
	      "</style>\n"
	      "<pattern id=\"free\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\n"
	      "<rect width=\"6\" height=\"6\" fill=\"#ffe4c4\"/>\n"
	      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#f0a050\" stroke-width=\"3\"/>\n"
	      "</pattern>\n"
	      "</defs>\n",
	      out);
	fprintf(out, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
		width, height);
	fprintf(out, "<text class=\"h\" x=\"%d\" y=\"%d\">arch ", MARGIN,
		MARGIN + 14);
	xml_string(out, str(layout->arch));
	fputs(", config: ", out);
	xml_string(out, str(layout->config));
	fputs("</text>\n", out);
	fprintf(out, "<text class=\"c\" x=\"%d\" y=\"%d\">", MARGIN,
		MARGIN + 34);
	if (layout->kdir) {
		fputs("tree ", out);
		xml_string(out, layout->kdir);
		fputs("; ", out);
	}
	fputs("bit 63 on the left, bit 0 on the right; hover over a bit for its owners</text>\n",
	      out);
	for (int s = 0; s < layout->nr_states; s++)
		svg_state(out, &layout->states[s], s);
	svg_legend(out, legend_y);
	fputs("</svg>\n", out);
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `ptecheck layout --format html` and `ptecheck gate --html DIR`: one
 * self-contained page (inline CSS and script, nothing fetched) with the
 * 64-bit map of each state, one section per configuration, and the
 * before/after view of a diff.
 */
#ifndef PTECHECK_LAYOUT_HTML_H
#define PTECHECK_LAYOUT_HTML_H

#include <stdbool.h>
#include <stdio.h>

#include "layout.h"
#include "util.h"

/* A page being written: sections are streamed, the switcher comes last. */
struct html_page {
	FILE *out;
	struct strv configs; /* the label of each configuration section */
};

/* HTML text or a double-quoted attribute value: markup escaped. */
void html_string(FILE *out, const char *s);

void html_begin(struct html_page *page, FILE *out, const char *title);
/* One configuration: a section of the page, a button of the switcher. */
void html_layout(struct html_page *page, const struct layout *layout);
/* Before/after rows of each state, the bits that changed owner marked. */
void html_diff(struct html_page *page, const struct layout *before,
	       const struct layout *after);
void html_end(struct html_page *page);

struct gate_patch;
struct gate_report;
/*
 * gate --html: DIR/NNNN.html for patch @p of @total (its verdict, what
 * it introduces and fixes, its layout diff from the step before);
 * gate_html_index() writes DIR/index.html linking them.
 */
void gate_html_page(const char *dir, const struct gate_patch *p, int total);
void gate_html_index(const char *dir, const struct gate_report *r,
		     const char *config);

#endif

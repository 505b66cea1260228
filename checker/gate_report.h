/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gate's report: per patch what it introduces and fixes, the bits it
 * takes or frees in each state and a verdict, in each of the gate's
 * formats. The findings themselves are written by report.c.
 */
#ifndef PTECHECK_GATE_REPORT_H
#define PTECHECK_GATE_REPORT_H

#include "layout.h"
#include "report.h"

struct gate_patch {
	int index; /* from 1, in the order applied */
	char *name; /* the patch file's name */
	char *subject; /* its Subject (git mailinfo), else its name */
	struct findings introduced, fixed;
	const struct layout *before, *after;
	bool failed; /* it introduces an error */
};

struct gate_report {
	enum format format; /* text, checkpatch, json, sarif or b4 */
	bool terse; /* checkpatch --terse */
	int total; /* patches in the series */
	struct gate_patch *patches;
	int n;
};

void gate_report_init(struct gate_report *r, enum format format, bool terse,
		      int total);
/*
 * One patch is applied and checked: @before and @after are the findings
 * of the tree without and with it, @tree the tree with it (for the
 * source lines of checkpatch). Text and checkpatch print it now, the
 * other formats at the end. Returns true when it introduces an error.
 */
bool gate_report_patch(struct gate_report *r, const char *name,
		       const char *subject, const struct findings *before,
		       const struct findings *after, const struct layout *was,
		       const struct layout *now, const char *tree);
/* The whole series is through: the summary, or the whole document. */
void gate_report_finish(struct gate_report *r, const char *config,
			const char *kdir);
/* How many patches introduce an error. */
int gate_report_failed(const struct gate_report *r);
void gate_report_free(struct gate_report *r);

#endif

// SPDX-License-Identifier: GPL-2.0
/* Findings from a worker process: report_deserialize(), and back again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "report.h"

static void read_back(struct findings *fs, char *buf, size_t len)
{
	FILE *in = fmemopen(buf, len, "r");

	if (len && in) {
		report_deserialize(fs, in);
		fclose(in);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct findings first = { 0 }, again = { 0 };
	char *text = fuzz_text(data, size), *buf = NULL;
	size_t len = 0;
	FILE *out;

	read_back(&first, text, size);
	/* What was read must survive being written and read once more. */
	out = open_memstream(&buf, &len);
	report_serialize(&first, out, 0);
	fclose(out);
	read_back(&again, buf, len);
	if (again.n != first.n)
		abort();
	for (int i = 0; i < first.n; i++)
		if (strcmp(first.v[i].file, again.v[i].file) ||
		    strcmp(first.v[i].message, again.v[i].message) ||
		    first.v[i].line != again.v[i].line)
			abort();
	findings_free(&first);
	findings_free(&again);
	free(buf);
	free(text);
	return 0;
}

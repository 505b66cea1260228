// SPDX-License-Identifier: GPL-2.0
/* ptecheck-ignore: comments in the source: report_suppress(). */
#include "fuzz.h"
#include "report.h"
#include "rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct findings fs = { 0 };

	fuzz_file("f.c", data, size);
	for (unsigned int line = 0; line < 8; line++)
		for (int i = 0; i < NR_RULES; i++)
			findings_add(&fs, i, "f.c", line, 1, "m");
	report_suppress(&fs, fuzz_dir());
	findings_free(&fs);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/* --baseline files: report_apply_baseline(). */
#include "fuzz.h"
#include "report.h"
#include "rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file("baseline", data, size);
	struct findings fs = { 0 };

	/* Two sites with one key, so that the multiset is tried too. */
	for (int i = 0; i < NR_RULES; i++)
		findings_add(&fs, i, "mm/memory.c", 10 + i, 1, "message %d",
			     i % 3);
	findings_add(&fs, 0, "mm/memory.c", 99, 1, "message 0");
	report_apply_baseline(&fs, path, NULL);
	findings_free(&fs);
	return 0;
}

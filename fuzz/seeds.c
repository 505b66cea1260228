// SPDX-License-Identifier: GPL-2.0
/*
 * Seeds that ptecheck itself writes: the serial format of a worker and a
 * baseline file, through report_serialize() and report_write_baseline().
 * Usage: seeds SERIAL_FILE BASELINE_FILE
 */
#include <stdio.h>

#include "report.h"
#include "rules/rules.h"

int main(int argc, char **argv)
{
	struct findings fs = { 0 };
	FILE *out;

	if (argc != 3)
		return 2;
	for (int i = 0; i < NR_RULES; i++)
		findings_add(&fs, i, "arch/arm64/include/asm/pgtable.h",
			     100 + i, 9, "%s: pte bit %d", rules[i].name, i);
	out = fopen(argv[1], "w");
	if (!out)
		return 2;
	report_serialize(&fs, out, 0);
	if (fclose(out) || !report_write_baseline(&fs, argv[2], NULL))
		return 2;
	findings_free(&fs);
	return 0;
}

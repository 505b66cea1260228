// SPDX-License-Identifier: GPL-2.0
/*
 * What the gate makes of git apply's answers about a patch:
 * patch_check_git_output(). The input is one byte (odd: --trust), the
 * output of git apply --numstat -z, a 0xff byte, then --summary's.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "patch_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *sep;
	char *numstat, *summary;
	size_t len;

	if (!size)
		return 0;
	sep = memchr(data + 1, 0xff, size - 1);
	len = sep ? (size_t)(sep - data - 1) : size - 1;
	/* Exactly @len bytes, so reading past them is caught. */
	numstat = malloc(len ? len : 1);
	memcpy(numstat, data + 1, len);
	summary = sep ? fuzz_text(sep + 1, size - (sep + 1 - data)) :
			fuzz_text(data, 0);
	FUZZ_RUN(0, patch_check_git_output("fuzz.patch", numstat, len, summary,
					   data[0] & 1));
	free(summary);
	free(numstat);
	return 0;
}

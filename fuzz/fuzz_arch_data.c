// SPDX-License-Identifier: GPL-2.0
/* The arch data, checker/arch/NAME.def: arch_parse(). */
#include <stdlib.h>

#include "arch.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);

	/* The arch data lives as long as ptecheck: freed all at once. */
	FUZZ_RUN(0, arch_parse(text, "fuzz.def"));
	free(text);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/* The command line: options_parse(); NUL bytes part the arguments. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "options.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), *argv[64];
	struct strv passthrough = { 0 };
	struct options opts;
	int argc = 0;

	for (char *p = text; p < text + size && argc < 64; p += strlen(p) + 1)
		argv[argc++] = p;
	options_defaults(&opts);
	/* Kbuild mode (odd sizes) passes what is not ours to the compiler. */
	FUZZ_RUN(0, options_parse(&opts, argc, argv,
				  size & 1 ? &passthrough : NULL));
	options_free(&opts);
	free(text);
	return 0;
}

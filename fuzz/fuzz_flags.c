// SPDX-License-Identifier: GPL-2.0
/* Kbuild flag lines and .cmd files: shell_split(), flags_from_cmd_file(). */
#include <stdlib.h>

#include "flags.h"
#include "fuzz.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strv words = { 0 }, out = { 0 }, obj = { 0 };
	char *text = fuzz_text(data, size);

	if (shell_split(text, &words)) {
		flags_for_libclang(words.v, words.n, &out, NULL);
		flags_for_object(&out, "mm/memory.c", &obj);
	}
	strv_free(&words);
	strv_free(&out);
	strv_free(&obj);
	free(text);
	flags_from_cmd_file(fuzz_file(".memory.o.cmd", data, size), &out);
	strv_free(&out);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/* A kernel .config: kconfig_read(). */
#include "config.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kconfig *kc = kconfig_read(fuzz_file(".config", data, size));

	if (kc) {
		kconfig_enabled(kc, "ARM64");
		kconfig_get(kc, "PGTABLE_LEVELS");
		kconfig_free(kc);
	}
	return 0;
}

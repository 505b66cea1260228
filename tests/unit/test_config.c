// SPDX-License-Identifier: GPL-2.0
/* config.c: a .config as Kconfig writes it. */
#include "unit.h"

#include "config.h"

static const char dot_config[] =
	"#\n"
	"# Automatically generated file; DO NOT EDIT.\n"
	"# Linux/arm64 6.12.9 Kernel Configuration\n"
	"#\n"
	"CONFIG_CC_VERSION_TEXT=\"Debian clang version 14.0.6\"\n"
	"CONFIG_ARM64=y\n"
	"CONFIG_ARM64_VA_BITS_48=y\n"
	"CONFIG_ARM64_VA_BITS=48\n"
	"CONFIG_NR_CPUS=256\n"
	"CONFIG_LOCALVERSION=\"\"\n"
	"CONFIG_EXT4_FS=m\n"
	"CONFIG_USERFAULTFD=y\n"
	"# CONFIG_MEM_SOFT_DIRTY is not set\n"
	"# CONFIG_CHECKPOINT_RESTORE is not set\n"
	"\n"
	"#\n"
	"# Memory Management options\n"
	"#\n"
	"CONFIG_HAVE_ARCH_USERFAULTFD_WP=y\n"
	"CONFIG_ILLEGAL_POINTER_VALUE=0xdead000000000000\n";

static struct kconfig *read_text(const char *text)
{
	char *path = unit_temp_file(text);
	struct kconfig *kc = kconfig_read(path);

	unlink(path);
	free(path);
	assert_non_null(kc);
	return kc;
}

static void test_values(void **state)
{
	struct kconfig *kc = read_text(dot_config);

	assert_string_equal(kconfig_get(kc, "ARM64"), "y");
	assert_string_equal(kconfig_get(kc, "EXT4_FS"), "m");
	assert_string_equal(kconfig_get(kc, "NR_CPUS"), "256");
	assert_string_equal(kconfig_get(kc, "ARM64_VA_BITS"), "48");
	assert_string_equal(kconfig_get(kc, "ILLEGAL_POINTER_VALUE"),
			    "0xdead000000000000");
	/* Strings as Kconfig wrote them, quotes and all. */
	assert_string_equal(kconfig_get(kc, "CC_VERSION_TEXT"),
			    "\"Debian clang version 14.0.6\"");
	assert_string_equal(kconfig_get(kc, "LOCALVERSION"), "\"\"");
	/* The last line, with no blank line after it. */
	assert_string_equal(kconfig_get(kc, "HAVE_ARCH_USERFAULTFD_WP"), "y");
	kconfig_free(kc);
}

static void test_unset(void **state)
{
	struct kconfig *kc = read_text(dot_config);

	assert_null(kconfig_get(kc, "MEM_SOFT_DIRTY"));
	assert_null(kconfig_get(kc, "CHECKPOINT_RESTORE"));
	assert_null(kconfig_get(kc, "X86_64"));
	/* Names are whole: no prefix of a longer one, no CONFIG_ in them. */
	assert_null(kconfig_get(kc, "ARM64_VA"));
	assert_null(kconfig_get(kc, "CONFIG_ARM64"));
	assert_null(kconfig_get(kc, "arm64"));
	assert_null(kconfig_get(kc, ""));
	kconfig_free(kc);
}

static void test_enabled(void **state)
{
	struct kconfig *kc = read_text(dot_config);

	assert_true(kconfig_enabled(kc, "ARM64"));
	assert_true(kconfig_enabled(kc, "USERFAULTFD"));
	assert_true(kconfig_enabled(kc, "EXT4_FS"));
	assert_false(kconfig_enabled(kc, "MEM_SOFT_DIRTY"));
	assert_false(kconfig_enabled(kc, "X86_64"));
	assert_false(kconfig_enabled(kc, "NR_CPUS"));
	assert_false(kconfig_enabled(kc, "LOCALVERSION"));
	assert_false(kconfig_enabled(kc, "CC_VERSION_TEXT"));
	kconfig_free(kc);
}

/* A real .config is some 300 KB: the line that matters may be far in. */
static void test_large(void **state)
{
	size_t n = 20000, len = 0, alloc = n * 40 + 64;
	char *text = xmalloc(alloc);
	struct kconfig *kc;

	for (size_t i = 0; i < n; i++)
		len += snprintf(text + len, alloc - len,
				i % 2 ? "CONFIG_OPT_%zu=y\n" :
					"# CONFIG_OPT_%zu is not set\n", i);
	snprintf(text + len, alloc - len, "CONFIG_MEM_SOFT_DIRTY=y");
	kc = read_text(text);
	assert_true(kconfig_enabled(kc, "MEM_SOFT_DIRTY"));
	assert_true(kconfig_enabled(kc, "OPT_19999"));
	assert_false(kconfig_enabled(kc, "OPT_19998"));
	assert_true(kconfig_enabled(kc, "OPT_1"));
	kconfig_free(kc);
	free(text);
}

static void test_empty_and_missing(void **state)
{
	struct kconfig *kc = read_text("");

	assert_null(kconfig_get(kc, "ARM64"));
	assert_false(kconfig_enabled(kc, "ARM64"));
	kconfig_free(kc);

	assert_null(kconfig_read("/nonexistent/.config"));
	/* A directory is not a .config either. */
	assert_null(kconfig_read("/"));
	kconfig_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_unset),
		cmocka_unit_test(test_enabled),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_empty_and_missing),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The lines a patch adds, numbered in the file after it: a git
 * format-patch mail (its "---" line and signature are no hunk lines), two
 * hunks in one file, a new file, a removed one, "\ No newline".
 */
#include "unit.h"
#include "patch_lines.h"

static const char mail[] =
	"From 1 Mon Sep 17 00:00:00 2001\n"
	"Subject: [PATCH] arm64/mm: soft-dirty\n"
	"\n"
	"---\n"
	" arch/arm64/include/asm/pgtable-prot.h | 2 ++\n"
	"\n"
	"diff --git a/arch/arm64/include/asm/pgtable-prot.h b/arch/arm64/include/asm/pgtable-prot.h\n"
	"--- a/arch/arm64/include/asm/pgtable-prot.h\n"
	"+++ b/arch/arm64/include/asm/pgtable-prot.h\n"
	"@@ -26,3 +26,4 @@\n"
	" #define A 1\n"
	"+#define B 2\n"
	" #define C 3\n"
	"-#define D 4\n"
	"+#define D 5\n"
	"@@ -40 +41,2 @@ static int f(void)\n"
	" x\n"
	"+y\n"
	"diff --git a/new.h b/new.h\n"
	"new file mode 100644\n"
	"--- /dev/null\n"
	"+++ b/new.h\n"
	"@@ -0,0 +1,2 @@\n"
	"+one\n"
	"+two\n"
	"\\ No newline at end of file\n"
	"diff --git a/old.h b/old.h\n"
	"--- a/old.h\n"
	"+++ /dev/null\n"
	"@@ -1,1 +0,0 @@\n"
	"-gone\n"
	"-- \n"
	"2.39.5\n";

static void test_added(void **state)
{
	struct strv added = { 0 };

	patch_added_lines(mail, &added);
	assert_int_equal(added.n, 5);
	assert_string_equal(added.v[0], "arch/arm64/include/asm/pgtable-prot.h:27");
	assert_string_equal(added.v[1], "arch/arm64/include/asm/pgtable-prot.h:29");
	assert_string_equal(added.v[2], "arch/arm64/include/asm/pgtable-prot.h:42");
	assert_string_equal(added.v[3], "new.h:1");
	assert_string_equal(added.v[4], "new.h:2");
	assert_true(patch_line_added(&added, "new.h", 2));
	assert_false(patch_line_added(&added, "new.h", 3));
	assert_false(patch_line_added(&added, "new", 1));
	assert_false(patch_line_added(&added, "arch/arm64/include/asm/pgtable-prot.h", 26));
	strv_free(&added);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_added),
	};

	return cmocka_run_group_tests_name("patch_lines", tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0
/* mm_callers.c: reading what core mm wraps around an arch helper. */
#include "unit.h"

#include "mm_callers.h"

#define A "mkuffd_wp"
#define B "wrprotect"

/* 6.1's callers write-protect around the helper, at any level. */
static void test_nested(void **state)
{
	assert_true(text_nests_calls("pte = pte_wrprotect(pte_mkuffd_wp(pte));", A, B));
	assert_true(text_nests_calls("e = pte_mkuffd_wp(pte_wrprotect(e));", A, B));
	assert_true(text_nests_calls("p = pmd_wrprotect( pmd_mkuffd_wp\n(p));", A, B));
	assert_true(text_nests_calls("x = huge_pte_wrprotect(huge_pte_mkuffd_wp(x));", A, B));
}

/* 6.12's callers rely on the helper alone; neighbours are not nesting. */
static void test_not_nested(void **state)
{
	assert_false(text_nests_calls("pte = pte_mkuffd_wp(pte);", A, B));
	assert_false(text_nests_calls("pte = pte_wrprotect(pte); pte = pte_mkuffd_wp(pte);", A, B));
	/* A second argument is not the wrapped entry. */
	assert_false(text_nests_calls("f(pte_wrprotect(x), pte_mkuffd_wp(y));", A, B));
	assert_false(text_nests_calls("pte_wrprotect(x)(pte_mkuffd_wp(y));", A, B));
	/* Whole names only: mkuffd_wp is no helper of any level. */
	assert_false(text_nests_calls("mkuffd_wp(wrprotect(x));", A, B));
	assert_false(text_nests_calls("", A, B));
}

/* What a comment or a string says is not code. */
static void test_noise(void **state)
{
	assert_false(text_nests_calls("/* pte_wrprotect(pte_mkuffd_wp(pte)) */ x;", A, B));
	assert_false(text_nests_calls("// pte_wrprotect(pte_mkuffd_wp(pte))\n", A, B));
	assert_false(text_nests_calls("s = \"pte_wrprotect(pte_mkuffd_wp(\";", A, B));
	assert_false(text_nests_calls("/* unterminated pte_wrprotect(pte_mkuffd_wp(", A, B));
	assert_true(text_nests_calls("c = '\\''; pte_wrprotect(pte_mkuffd_wp(p));", A, B));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_not_nested),
		cmocka_unit_test(test_noise),
	};

	return cmocka_run_group_tests_name("mm_callers", tests, NULL, NULL);
}

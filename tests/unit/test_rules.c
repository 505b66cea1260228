// SPDX-License-Identifier: GPL-2.0
/* rules/rules.c: the rule table, lookup and --enable/--disable lists. */
#include "unit.h"

#include "rules/rules.h"

#define MK RULE_MKDIRTY_HOUSEKEEPING

static bool enabled[NR_RULES];

static int setup(void **state)
{
	for (int i = 0; i < NR_RULES; i++)
		enabled[i] = true;
	return 0;
}

static void test_table(void **state)
{
	assert_true(NR_RULES >= 1);
	assert_string_equal(rules[MK].name, "MKDIRTY_HOUSEKEEPING");
	assert_int_equal(rules[MK].severity, SEV_ERROR);
	assert_non_null(rules[MK].init);
	/* The doc is the rule file's comment: it speaks of the helper. */
	assert_non_null(rules[MK].doc);
	assert_non_null(strstr(rules[MK].doc, "__pte_mkdirty"));
	/* The core mm rules name the shapes they understand. */
	assert_non_null(strstr(rules[RULE_TRACKING_DROPPED].doc,
			       "THP collapse"));
	assert_non_null(strstr(rules[RULE_TRACKING_DROPPED].doc,
			       "pte markers"));
	assert_non_null(strstr(rules[RULE_TRACKING_DROPPED].doc,
			       "Hugetlb entries hold uffd-wp only"));
	assert_non_null(strstr(rules[RULE_WRONG_STATE_HELPER].doc,
			       "huge_pte_clear_uffd_wp"));
	for (int i = 0; i < NR_RULES; i++) {
		/* Upper-case ids, checkpatch style, each found by its name. */
		for (const char *p = rules[i].name; *p; p++)
			assert_true((*p >= 'A' && *p <= 'Z') || *p == '_' ||
				    (*p >= '0' && *p <= '9'));
		assert_int_equal(rule_lookup(rules[i].name), i);
		assert_true(rules[i].doc[0] != '\0');
	}
	assert_string_equal(severity_name(SEV_ERROR), "error");
	assert_string_equal(severity_name(SEV_WARNING), "warning");
	assert_string_equal(severity_name(SEV_NOTE), "note");
}

static void test_lookup(void **state)
{
	assert_int_equal(rule_lookup("MKDIRTY_HOUSEKEEPING"), MK);
	assert_int_equal(rule_lookup("mkdirty_housekeeping"), MK);
	assert_int_equal(rule_lookup("MkDirty_HouseKeeping"), MK);
	/* Whole names only. */
	assert_int_equal(rule_lookup("MKDIRTY"), -1);
	assert_int_equal(rule_lookup("MKDIRTY_HOUSEKEEPING_"), -1);
	assert_int_equal(rule_lookup(" MKDIRTY_HOUSEKEEPING"), -1);
	assert_int_equal(rule_lookup(""), -1);
	assert_int_equal(rule_lookup("SWBIT_OVERLAP_NOT_A_RULE"), -1);
}

static void test_select(void **state)
{
	char bad[64] = "";

	assert_true(rules_select("mkdirty_housekeeping", false, enabled, bad,
				 sizeof(bad)));
	assert_false(enabled[MK]);
	assert_string_equal(bad, "");
	assert_true(rules_select("MKDIRTY_HOUSEKEEPING,", true, enabled, bad,
				 sizeof(bad)));
	assert_true(enabled[MK]);
	/* Nothing to select is no error. */
	assert_true(rules_select("", false, enabled, bad, sizeof(bad)));
	assert_true(enabled[MK]);
	assert_string_equal(bad, "");
	/* "all": every rule, the opt-in ones too; then one taken out. */
	memset(enabled, 0, sizeof(enabled));
	assert_true(rules_select("all", true, enabled, bad, sizeof(bad)));
	for (int i = 0; i < NR_RULES; i++)
		assert_true(enabled[i]);
	assert_true(rules_select("ALL,MKDIRTY_HOUSEKEEPING", false, enabled,
				 bad, sizeof(bad)));
	for (int i = 0; i < NR_RULES; i++)
		assert_false(enabled[i]);
}

static void test_select_unknown(void **state)
{
	char bad[64] = "";

	assert_false(rules_select("NO_SUCH_RULE", false, enabled, bad,
				  sizeof(bad)));
	assert_string_equal(bad, "NO_SUCH_RULE");
	assert_true(enabled[MK]);

	/* The unknown one named, not its neighbours. */
	assert_false(rules_select("MKDIRTY_HOUSEKEEPING,swbit_overlapx", true,
				  enabled, bad, sizeof(bad)));
	assert_string_equal(bad, "swbit_overlapx");

	assert_false(rules_select("foo,MKDIRTY_HOUSEKEEPING", false, enabled,
				  bad, sizeof(bad)));
	assert_string_equal(bad, "foo");
	assert_true(enabled[MK]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_table, setup),
		cmocka_unit_test_setup(test_lookup, setup),
		cmocka_unit_test_setup(test_select, setup),
		cmocka_unit_test_setup(test_select_unknown, setup),
	};

	return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}

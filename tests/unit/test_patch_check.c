// SPDX-License-Identifier: GPL-2.0
/*
 * What the gate makes of git apply's answers (--numstat -z, --summary)
 * about a patch. The answers here are the ones git 2.39 gives for the
 * patches of tests/hostile/data/.
 */
#include "unit.h"
#include "patch_check.h"

struct answer {
	const char *numstat; /* NULs written as "|" */
	const char *summary;
	bool trust;
};

static bool decide(const struct answer *a)
{
	char *numstat = xstrdup(a->numstat);
	size_t len = strlen(numstat);
	bool kconfig;

	for (char *p = numstat; *p; p++)
		if (*p == '|')
			*p = '\0';
	kconfig = patch_check_git_output("p.patch", numstat, len, a->summary,
					 a->trust);
	free(numstat);
	return kconfig;
}

static void decide_child(void *a)
{
	decide(a);
}

static void test_accepted(void **state)
{
	struct answer code = { "1\t1\tarch/arm64/mm/fault.c|", "", false };
	struct answer kconfig = { "1\t0\tarch/arm64/Kconfig|", "", false };
	struct answer created = {
		"0\t0\tarch/arm64/mm/empty.c|",
		" create mode 100644 arch/arm64/mm/empty.c\n", false
	};
	struct answer renamed = {
		"0\t0\tarch/arm64/mm/b.c|",
		" rename arch/arm64/mm/{a.c => b.c} (100%)\n", false
	};
	struct answer trusted = { "1\t1\tscripts/x.sh|", "", true };

	assert_false(decide(&code));
	assert_true(decide(&kconfig));
	assert_false(decide(&created));
	assert_false(decide(&renamed));
	assert_false(decide(&trusted));
}

static void test_refused(void **state)
{
	struct answer empty = { "", "", false };
	struct answer no_change = { "0\t0\tarch/arm64/mm/fault.c|", "",
				    false };
	struct answer binary = { "-\t-\tblob|", "", false };
	struct answer up = { "0\t0\t../x|", " rename a => ../x (100%)\n",
			     false };
	/* numstat names only the new side of a rename: --summary the old. */
	struct answer from_outside = {
		"0\t0\tarch/x.c|", " rename ../../etc/passwd => arch/x.c (100%)\n",
		false
	};
	struct answer short_form = {
		"1\t1\tarch/y|", " rename arch/{../../z => y} (90%)\n", false
	};
	struct answer git = { "2\t0\t.git/hooks/post-checkout|", "", false };
	struct answer link = {
		"1\t0\tarch/l|", " create mode 120000 arch/l\n", false
	};
	struct answer mode = {
		"0\t0\tarch/arm64/mm/fault.c|",
		" mode change 100644 => 100755 arch/arm64/mm/fault.c\n", false
	};
	struct answer build = { "1\t1\tarch/arm64/Makefile|", "", false };

	assert_dies_with(decide_child, &empty,
			 "ptecheck: p.patch: not a patch (no file changes)");
	assert_dies_with(decide_child, &no_change,
			 "ptecheck: p.patch: not a patch (no file changes)");
	assert_dies_with(decide_child, &binary,
			 "ptecheck: p.patch: binary patches are not supported (blob)");
	assert_dies_with(decide_child, &up,
			 "ptecheck: p.patch: refused: ../x is outside the tree");
	assert_dies_with(decide_child, &from_outside,
			 "ptecheck: p.patch: refused: ../../etc/passwd is outside the tree");
	assert_dies_with(decide_child, &short_form,
			 "ptecheck: p.patch: refused: arch/../../z is outside the tree");
	assert_dies_with(decide_child, &git,
			 "ptecheck: p.patch: refused: .git/hooks/post-checkout is inside git's own data");
	assert_dies_with(decide_child, &link,
			 "ptecheck: p.patch: refused: creates a symbolic link, arch/l");
	assert_dies_with(decide_child, &mode,
			 "ptecheck: p.patch: refused: changes a file mode (100644 => 100755 arch/arm64/mm/fault.c)");
	assert_dies_with(decide_child, &build,
			 "ptecheck: p.patch: touches arch/arm64/Makefile, which preparing a build would run; pass --trust if you trust it");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests_name("patch_check", tests, NULL, NULL);
}

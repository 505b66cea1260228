// SPDX-License-Identifier: GPL-2.0
/*
 * report.c: findings, their order, output formats and exit status. Each
 * test runs in a process of its own, on the one list below.
 */
#include "unit.h"

#include "report.h"

static struct findings fs;

#define MK RULE_MKDIRTY_HOUSEKEEPING
#define MSG "pte_mkdirty() also sets PTE_SOFT_DIRTY; " \
	    "this path only propagates dirtiness: use __pte_mkdirty()"

static void assert_finding(int i, const char *file, unsigned int line,
			   unsigned int column, const char *message)
{
	const struct finding *f;

	assert_true(i < fs.n);
	f = &fs.v[i];
	assert_int_equal(f->rule, MK);
	assert_string_equal(f->file, file);
	assert_int_equal(f->line, line);
	assert_int_equal(f->column, column);
	assert_string_equal(f->message, message);
}

/* What report_print() writes, as a string to free. */
static char *printed(enum format format, const char *config, int files)
{
	struct report_context ctx = {
		.config = config, .kdir = "/k", .files_checked = files,
	};
	size_t len;
	char *buf;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	report_print(&fs, f, format, &ctx);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void test_starts_empty(void **state)
{
	char *out = printed(FORMAT_GCC, "c", 0);

	assert_int_equal(fs.n, 0);
	assert_string_equal(out, "");
	free(out);
	assert_int_equal(report_exit_status(&fs, FAIL_ON_ERROR), EXIT_CLEAN);
	assert_int_equal(report_exit_status(&fs, FAIL_ON_WARNING), EXIT_CLEAN);
	assert_int_equal(report_exit_status(&fs, FAIL_ON_NEVER), EXIT_CLEAN);
}

/* A header seen from many TUs reports the same site many times. */
static void test_dedupe(void **state)
{
	findings_add(&fs, MK, "arch/arm64/include/asm/pgtable.h", 1234, 10, "first %d", 1);
	findings_add(&fs, MK, "arch/arm64/include/asm/pgtable.h", 1234, 10, "second");
	assert_int_equal(fs.n, 1);
	assert_finding(0, "arch/arm64/include/asm/pgtable.h", 1234, 10,
		       "first 1");

	/* Any of file, line, column differing is another site. */
	findings_add(&fs, MK, "arch/arm64/include/asm/pgtable.h", 1234, 11, "col");
	findings_add(&fs, MK, "arch/arm64/include/asm/pgtable.h", 1235, 10, "line");
	findings_add(&fs, MK, "arch/arm64/mm/contpte.c", 1234, 10, "file");
	assert_int_equal(fs.n, 4);
	findings_add(&fs, MK, "arch/arm64/mm/contpte.c", 1234, 10, "again");
	assert_int_equal(fs.n, 4);
	assert_finding(3, "arch/arm64/mm/contpte.c", 1234, 10, "file");
}

/* Enough findings to make the list grow, each kept once. */
static void test_many(void **state)
{
	for (int pass = 0; pass < 2; pass++)
		for (unsigned int i = 0; i < 100; i++)
			findings_add(&fs, MK, "mm/hugetlbpage.c", i + 1, 5, "n%u", i);
	assert_int_equal(fs.n, 100);
	for (int i = 0; i < 100; i++) {
		char *msg = xasprintf("n%d", i);

		assert_finding(i, "mm/hugetlbpage.c", i + 1, 5, msg);
		free(msg);
	}
}

static void test_sort(void **state)
{
	findings_add(&fs, MK, "b.c", 1, 1, "b1");
	findings_add(&fs, MK, "a.c", 10, 2, "a10.2");
	findings_add(&fs, MK, "a.c", 9, 7, "a9");
	findings_add(&fs, MK, "a.c", 10, 1, "a10.1");
	findings_add(&fs, MK, "a.c", 100, 1, "a100");
	findings_add(&fs, MK, "a/b.c", 2, 1, "ab");
	report_sort(&fs);
	assert_int_equal(fs.n, 6);
	/* By file (bytewise), then line and column as numbers. */
	assert_finding(0, "a.c", 9, 7, "a9");
	assert_finding(1, "a.c", 10, 1, "a10.1");
	assert_finding(2, "a.c", 10, 2, "a10.2");
	assert_finding(3, "a.c", 100, 1, "a100");
	assert_finding(4, "a/b.c", 2, 1, "ab");
	assert_finding(5, "b.c", 1, 1, "b1");
	/* Sorting twice changes nothing. */
	report_sort(&fs);
	assert_finding(0, "a.c", 9, 7, "a9");
	assert_finding(5, "b.c", 1, 1, "b1");
}

/* As check.c does it: a worker serializes what it found, the parent reads. */
static void test_serialize_round_trip(void **state)
{
	FILE *f = tmpfile();
	int status;
	pid_t pid;

	assert_non_null(f);
	findings_add(&fs, MK, "arch/arm64/mm/contpte.c", 65, 9, MSG);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* Found before the fork: the parent has it already. */
		findings_add(&fs, MK, "arch/arm64/mm/contpte.c", 65, 9, MSG);
		findings_add(&fs, MK, "arch/arm64/mm/hugetlbpage.c", 120, 17,
		       "a message  with  spaces,\ta tab and \"quotes\" ");
		findings_add(&fs, MK, "arch/arm64/include/asm/pgtable.h", 7, 1, "%s", MSG);
		report_serialize(&fs, f, 1);
		fflush(f);
		_exit(fs.n == 3 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	rewind(f);
	report_deserialize(&fs, f);
	assert_int_equal(fs.n, 3);
	assert_finding(0, "arch/arm64/mm/contpte.c", 65, 9, MSG);
	assert_finding(1, "arch/arm64/mm/hugetlbpage.c", 120, 17,
		       "a message  with  spaces,\ta tab and \"quotes\" ");
	assert_finding(2, "arch/arm64/include/asm/pgtable.h", 7, 1, MSG);

	/* Two workers that saw the same header: still one finding. */
	rewind(f);
	report_deserialize(&fs, f);
	assert_int_equal(fs.n, 3);
	fclose(f);
}

static void test_serialize_from(void **state)
{
	char *buf;
	size_t len;
	FILE *f;

	findings_add(&fs, MK, "x.c", 1, 2, "one");
	findings_add(&fs, MK, "y.c", 3, 4, "two words");
	f = open_memstream(&buf, &len);
	report_serialize(&fs, f, 1);
	fclose(f);
	assert_string_equal(buf, "0\t3\t4\ty.c\ttwo words\n");
	free(buf);

	f = open_memstream(&buf, &len);
	report_serialize(&fs, f, 2);
	fclose(f);
	assert_string_equal(buf, "");
	free(buf);
}

static void test_deserialize_skips_bad_lines(void **state)
{
	FILE *f = tmpfile();

	assert_non_null(f);
	fputs("not a finding\n"
	      "\n"
	      "99\t1\t1\tx.c\tunknown rule\n"
	      "-1\t1\t1\tx.c\tnegative rule\n"
	      "0\t1\t1\tno-message.c\n"
	      "0\t3\t4\tok.c\tfine\n"
	      "0\t5\t6\tlast.c\tno newline at the end", f);
	rewind(f);
	report_deserialize(&fs, f);
	fclose(f);
	assert_int_equal(fs.n, 2);
	assert_finding(0, "ok.c", 3, 4, "fine");
	assert_finding(1, "last.c", 5, 6, "no newline at the end");
}

static void test_exit_status_error(void **state)
{
	findings_add(&fs, MK, "a.c", 1, 1, "x");
	assert_int_equal(rules[MK].severity, SEV_ERROR);
	assert_int_equal(report_exit_status(&fs, FAIL_ON_ERROR), EXIT_FINDINGS);
	assert_int_equal(report_exit_status(&fs, FAIL_ON_WARNING), EXIT_FINDINGS);
	assert_int_equal(report_exit_status(&fs, FAIL_ON_NEVER), EXIT_CLEAN);
}

/* No rule is a warning or a note yet: make this process's one so. */
static void test_exit_status_warning(void **state)
{
	rules[MK].severity = SEV_WARNING;
	findings_add(&fs, MK, "a.c", 1, 1, "x");
	assert_int_equal(report_exit_status(&fs, FAIL_ON_ERROR), EXIT_CLEAN);
	assert_int_equal(report_exit_status(&fs, FAIL_ON_WARNING), EXIT_FINDINGS);
	assert_int_equal(report_exit_status(&fs, FAIL_ON_NEVER), EXIT_CLEAN);
}

static void test_exit_status_note(void **state)
{
	rules[MK].severity = SEV_NOTE;
	findings_add(&fs, MK, "a.c", 1, 1, "x");
	assert_int_equal(report_exit_status(&fs, FAIL_ON_ERROR), EXIT_CLEAN);
	assert_int_equal(report_exit_status(&fs, FAIL_ON_WARNING), EXIT_CLEAN);
	assert_int_equal(report_exit_status(&fs, FAIL_ON_NEVER), EXIT_CLEAN);
}

static void test_print_gcc(void **state)
{
	char *out;

	findings_add(&fs, MK, "arch/arm64/mm/hugetlbpage.c", 120, 17, MSG);
	findings_add(&fs, MK, "arch/arm64/mm/contpte.c", 65, 9, MSG);
	report_sort(&fs);
	out = printed(FORMAT_GCC, "arm64 defconfig", 3);
	assert_string_equal(out,
		"arch/arm64/mm/contpte.c:65:9: error: " MSG
		" [MKDIRTY_HOUSEKEEPING]\n"
		"arch/arm64/mm/hugetlbpage.c:120:17: error: " MSG
		" [MKDIRTY_HOUSEKEEPING]\n");
	free(out);

	rules[MK].severity = SEV_WARNING;
	out = printed(FORMAT_GCC, "arm64 defconfig", 3);
	assert_non_null(strstr(out, "contpte.c:65:9: warning: pte_mkdirty()"));
	free(out);
}

static void test_print_json(void **state)
{
	char *out;

	findings_add(&fs, MK, "arch/arm64/mm/contpte.c", 65, 9,
	       "say \"hi\" C:\\dir\tthen\nnew line \x01 end");
	out = printed(FORMAT_JSON, "arm64 defconfig (USERFAULTFD=y \"q\")", 12);
	assert_string_equal(out,
		"{\"version\":1,\"findings\":[\n"
		"{\"rule\":\"MKDIRTY_HOUSEKEEPING\",\"severity\":\"error\","
		"\"file\":\"arch/arm64/mm/contpte.c\",\"line\":65,\"column\":9,"
		"\"message\":\"say \\\"hi\\\" C:\\\\dir\\tthen\\nnew line "
		"\\u0001 end\","
		"\"config\":\"arm64 defconfig (USERFAULTFD=y \\\"q\\\")\"}],\n"
		"\"summary\":{\"errors\":1,\"warnings\":0,\"notes\":0,"
		"\"files_checked\":12,"
		"\"config\":\"arm64 defconfig (USERFAULTFD=y \\\"q\\\")\","
		"\"from_cache\":0}}\n");
	free(out);
}

static void test_print_json_two(void **state)
{
	char *out;

	findings_add(&fs, MK, "b.c", 2, 1, "two");
	findings_add(&fs, MK, "a.c", 1, 1, "one");
	report_sort(&fs);
	out = printed(FORMAT_JSON, "c", 2);
	assert_string_equal(out,
		"{\"version\":1,\"findings\":[\n"
		"{\"rule\":\"MKDIRTY_HOUSEKEEPING\",\"severity\":\"error\","
		"\"file\":\"a.c\",\"line\":1,\"column\":1,\"message\":\"one\","
		"\"config\":\"c\"},\n"
		"{\"rule\":\"MKDIRTY_HOUSEKEEPING\",\"severity\":\"error\","
		"\"file\":\"b.c\",\"line\":2,\"column\":1,\"message\":\"two\","
		"\"config\":\"c\"}],\n"
		"\"summary\":{\"errors\":2,\"warnings\":0,\"notes\":0,"
		"\"files_checked\":2,\"config\":\"c\",\"from_cache\":0}}\n");
	free(out);
}

static void test_print_json_empty(void **state)
{
	char *out = printed(FORMAT_JSON, "arm64 defconfig", 40);

	assert_string_equal(out,
		"{\"version\":1,\"findings\":[],\n"
		"\"summary\":{\"errors\":0,\"warnings\":0,\"notes\":0,"
		"\"files_checked\":40,\"config\":\"arm64 defconfig\","
		"\"from_cache\":0}}\n");
	free(out);
}

/*
 * --matrix: a finding names every configuration it holds in, each once,
 * and a label inside another ("4k-48" in "64k-48") is not taken for it.
 */
static void test_configs(void **state)
{
	char *out;

	findings_set_config(&fs, "64k-48");
	findings_add(&fs, MK, "a.c", 1, 1, "x");
	findings_set_config(&fs, "4k-48");
	findings_add(&fs, MK, "a.c", 1, 1, "x");
	findings_add(&fs, MK, "a.c", 1, 1, "x");
	/* Another text at a site of this configuration: one site, one. */
	findings_add(&fs, MK, "a.c", 1, 1, "x2");
	findings_set_config(&fs, "64k-52");
	findings_add(&fs, MK, "a.c", 1, 1, "x");
	findings_add(&fs, MK, "b.c", 1, 1, "y");
	/* The site says otherwise in another configuration: its own. */
	findings_set_config(&fs, "rv32");
	findings_add(&fs, MK, "b.c", 1, 1, "y31");
	out = printed(FORMAT_GCC, "c", 2);
	assert_string_equal(out,
		"a.c:1:1: error: x (in 64k-48; 4k-48; 64k-52) "
		"[MKDIRTY_HOUSEKEEPING]\n"
		"b.c:1:1: error: y (in 64k-52) [MKDIRTY_HOUSEKEEPING]\n"
		"b.c:1:1: error: y31 (in rv32) [MKDIRTY_HOUSEKEEPING]\n");
	free(out);
	findings_free(&fs);
	assert_int_equal(fs.n, 0);
}

static void test_summary(void **state)
{
	struct report_context ctx = {
		.config = "arm64 defconfig (USERFAULTFD=y)", .kdir = "/k",
		.files_checked = 7,
	};
	size_t len;
	char *buf;
	FILE *f;

	findings_add(&fs, MK, "a.c", 1, 1, "x");
	findings_add(&fs, MK, "a.c", 2, 1, "y");
	f = open_memstream(&buf, &len);
	report_summary(&fs, f, &ctx);
	fclose(f);
	assert_string_equal(buf,
		"ptecheck: 2 errors, 0 warnings, 0 notes in 7 files checked; "
		"config: arm64 defconfig (USERFAULTFD=y)\n");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_starts_empty),
		cmocka_unit_test(test_dedupe),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_serialize_round_trip),
		cmocka_unit_test(test_serialize_from),
		cmocka_unit_test(test_deserialize_skips_bad_lines),
		cmocka_unit_test(test_exit_status_error),
		cmocka_unit_test(test_exit_status_warning),
		cmocka_unit_test(test_exit_status_note),
		cmocka_unit_test(test_print_gcc),
		cmocka_unit_test(test_print_json),
		cmocka_unit_test(test_print_json_two),
		cmocka_unit_test(test_print_json_empty),
		cmocka_unit_test(test_configs),
		cmocka_unit_test(test_summary),
	};

	return unit_run_forked("report", tests, ARRAY_SIZE(tests));
}

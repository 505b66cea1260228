// SPDX-License-Identifier: GPL-2.0
/* options.c: the command line, in check mode and in Kbuild mode. */
#include "unit.h"

#include "options.h"

#define MK RULE_MKDIRTY_HOUSEKEEPING

/* Parse the NULL-terminated list; @pass non-NULL is Kbuild mode. */
static void parse(struct options *opts, struct strv *pass,
		  const char *const *args)
{
	int argc = 0;

	while (args[argc])
		argc++;
	options_defaults(opts);
	options_parse(opts, argc, (char **)args, pass);
}

#define PARSE(opts, pass, ...)						\
	parse(opts, pass, (const char *const[]){ __VA_ARGS__, NULL })

static int setup(void **state)
{
	return 0;
}

static void test_defaults(void **state)
{
	struct options o;

	PARSE(&o, NULL, "/src/linux");
	assert_string_equal(o.arch, "arm64");
	assert_int_equal(o.format, FORMAT_GCC);
	assert_int_equal(o.fail_on, FAIL_ON_WARNING);
	assert_true(o.jobs >= 1);
	assert_false(o.all_files);
	assert_null(o.config);
	assert_null(o.build_dir);
	assert_null(o.compdb_dir);
	assert_strv(&o.positional, "/src/linux");
	strv_free(&o.positional);
}

static void test_format(void **state)
{
	struct options o;

	PARSE(&o, NULL, "--format", "json", "KDIR");
	assert_int_equal(o.format, FORMAT_JSON);
	assert_strv(&o.positional, "KDIR");
	strv_free(&o.positional);

	PARSE(&o, NULL, "--format=json");
	assert_int_equal(o.format, FORMAT_JSON);
	assert_int_equal(o.positional.n, 0);

	/* The last one holds. */
	PARSE(&o, NULL, "--format=json", "--format", "gcc");
	assert_int_equal(o.format, FORMAT_GCC);
}

static void test_jobs(void **state)
{
	struct options o;

	PARSE(&o, NULL, "-j3");
	assert_int_equal(o.jobs, 3);
	PARSE(&o, NULL, "-j", "3");
	assert_int_equal(o.jobs, 3);
	PARSE(&o, NULL, "-j256");
	assert_int_equal(o.jobs, 256);
	PARSE(&o, NULL, "-j", "1", "KDIR");
	assert_int_equal(o.jobs, 1);
	assert_strv(&o.positional, "KDIR");
	strv_free(&o.positional);
}

static void test_fail_on(void **state)
{
	struct options o;

	PARSE(&o, NULL, "--fail-on", "never");
	assert_int_equal(o.fail_on, FAIL_ON_NEVER);
	PARSE(&o, NULL, "--fail-on=error");
	assert_int_equal(o.fail_on, FAIL_ON_ERROR);
	PARSE(&o, NULL, "--fail-on", "never", "--fail-on", "warning");
	assert_int_equal(o.fail_on, FAIL_ON_WARNING);
}

static void test_the_rest(void **state)
{
	struct options o;

	PARSE(&o, NULL, "--arch", "x86", "--config=/tmp/my.config",
	      "--build", "/tmp/o", "-p", "/tmp/compdb", "--all-files",
	      "/src/linux");
	assert_string_equal(o.arch, "x86");
	assert_string_equal(o.config, "/tmp/my.config");
	assert_string_equal(o.build_dir, "/tmp/o");
	assert_string_equal(o.compdb_dir, "/tmp/compdb");
	assert_true(o.all_files);
	assert_strv(&o.positional, "/src/linux");
	strv_free(&o.positional);

	/* Positionals keep their order; "-" alone is one of them. */
	PARSE(&o, NULL, "a", "--arch=arm64", "-", "b");
	assert_string_equal(o.arch, "arm64");
	assert_strv(&o.positional, "a", "-", "b");
	strv_free(&o.positional);
}

static void test_rules(void **state)
{
	struct options o;

	PARSE(&o, NULL, "--disable", "mkdirty_housekeeping");
	assert_false(o.enabled[MK]);
	assert_true(o.enabled[MK + 1]);
	PARSE(&o, NULL, "--enable=MKDIRTY_HOUSEKEEPING");
	assert_true(o.enabled[MK]);
	/* --enable names the rules that run: the others do not. */
	assert_false(o.enabled[MK + 1]);
	PARSE(&o, NULL, "--enable", "MKDIRTY_HOUSEKEEPING",
	      "--disable=Mkdirty_Housekeeping");
	assert_false(o.enabled[MK]);
}

/* make C=2 CHECK=ptecheck: $(CHECKFLAGS) $(c_flags) file.c */
static void test_kbuild(void **state)
{
	struct strv pass = { 0 };
	struct options o;

	PARSE(&o, &pass, "-D__linux__", "-Wbitwise", "-Wno-return-void",
	      "-D__aarch64__", "-mlittle-endian", "-m64", "--arch=arm64",
	      "-Wp,-MMD,arch/arm64/mm/.contpte.o.d", "-nostdinc",
	      "-I", "/k/include", "-include", "/k/include/linux/kconfig.h",
	      "-pg", "-p", "-DARM64_ASM_ARCH=\"armv8.5-a\"", "-c", "-o",
	      "arch/arm64/mm/contpte.o", "/k/arch/arm64/mm/contpte.c");
	assert_string_equal(o.arch, "arm64");
	assert_null(o.compdb_dir);
	assert_int_equal(o.positional.n, 0);
	assert_strv(&pass, "-D__linux__", "-Wbitwise", "-Wno-return-void",
		    "-D__aarch64__", "-mlittle-endian", "-m64",
		    "-Wp,-MMD,arch/arm64/mm/.contpte.o.d", "-nostdinc",
		    "-I", "/k/include", "-include",
		    "/k/include/linux/kconfig.h", "-pg", "-p",
		    "-DARM64_ASM_ARCH=\"armv8.5-a\"", "-c", "-o",
		    "arch/arm64/mm/contpte.o", "/k/arch/arm64/mm/contpte.c");
	strv_free(&pass);

	/* Ours are still ours: CHECK="ptecheck --fail-on error". */
	PARSE(&o, &pass, "--fail-on", "error", "--arch=x86", "-Wbitwise",
	      "--format=json", "x.c");
	assert_string_equal(o.arch, "x86");
	assert_int_equal(o.fail_on, FAIL_ON_ERROR);
	assert_int_equal(o.format, FORMAT_JSON);
	assert_strv(&pass, "-Wbitwise", "x.c");
	strv_free(&pass);
}

static void parse_child(void *args)
{
	struct options o;

	parse(&o, NULL, args);
}

#define assert_usage_error(line, ...)					\
	assert_dies_with(parse_child,					\
			 ((const char *const[]){ __VA_ARGS__, NULL }),	\
			 line)

static void test_usage_errors(void **state)
{
	assert_usage_error("ptecheck: --format: unknown format 'xml' (gcc, json, checkpatch, sarif, b4, text, svg, html)",
			   "--format", "xml");
	assert_usage_error("ptecheck: --format: unknown format '' (gcc, json, checkpatch, sarif, b4, text, svg, html)",
			   "--format=");
	assert_usage_error("ptecheck: --format needs an argument (FMT)",
			   "KDIR", "--format");
	assert_usage_error("ptecheck: --fail-on: unknown level 'always' (error, warning, never)",
			   "--fail-on=always");
	assert_usage_error("ptecheck: -j: not a job count: '0'", "-j0");
	assert_usage_error("ptecheck: -j: not a job count: '257'", "-j", "257");
	assert_usage_error("ptecheck: -j: not a job count: '3x'", "-j3x");
	assert_usage_error("ptecheck: -j: not a job count: ''", "-j", "");
	assert_usage_error("ptecheck: unknown option '--bogus' (see 'ptecheck --help')",
			   "--bogus");
	assert_usage_error("ptecheck: unknown option '--all-files=yes' (see 'ptecheck --help')",
			   "--all-files=yes");
	assert_usage_error("ptecheck: unknown option '--archive' (see 'ptecheck --help')",
			   "--archive");
	assert_usage_error("ptecheck: --enable: unknown rule 'NOPE' (see 'ptecheck rules')",
			   "--enable", "MKDIRTY_HOUSEKEEPING,NOPE");
	assert_usage_error("ptecheck: --disable: unknown rule 'MKDIRTY' (see 'ptecheck rules')",
			   "--disable=MKDIRTY");
}

/* 2^32 + 1 is no job count, though it is 1 once cut to an int. */
static void test_jobs_overflow(void **state)
{
	assert_usage_error("ptecheck: -j: not a job count: '4294967297'",
			   "-j", "4294967297");
}

static void test_usage_text(void **state)
{
	size_t len;
	char *buf;
	FILE *f = open_memstream(&buf, &len);

	options_usage(f, CMD_ALL);
	fclose(f);
	assert_true(starts_with(buf, "usage: ptecheck check"));
	/* Every option of ours is in the help. */
	assert_non_null(strstr(buf, "\n  --format FMT "));
	assert_non_null(strstr(buf, "\n  --fail-on LEVEL "));
	assert_non_null(strstr(buf, "\n  -j N "));
	assert_non_null(strstr(buf, "\n  --all-files "));
	assert_non_null(strstr(buf, "\n  --enable IDS "));
	/* Every subcommand, and every format of check and gate. */
	assert_non_null(strstr(buf, "ptecheck gate "));
	assert_non_null(strstr(buf, "gcc, json, checkpatch, sarif, b4"));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_defaults, setup),
		cmocka_unit_test_setup(test_format, setup),
		cmocka_unit_test_setup(test_jobs, setup),
		cmocka_unit_test_setup(test_fail_on, setup),
		cmocka_unit_test_setup(test_the_rest, setup),
		cmocka_unit_test_setup(test_rules, setup),
		cmocka_unit_test_setup(test_kbuild, setup),
		cmocka_unit_test_setup(test_usage_errors, setup),
		cmocka_unit_test_setup(test_jobs_overflow, setup),
		cmocka_unit_test_setup(test_usage_text, setup),
	};

	return cmocka_run_group_tests_name("options", tests, NULL, NULL);
}

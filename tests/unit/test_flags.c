// SPDX-License-Identifier: GPL-2.0
/* flags.c: Kbuild command lines into libclang arguments. */
#include "unit.h"

#include "flags.h"

/* What flags_for_libclang() always adds at the end. */
#define TAIL "-Wno-everything", "-Qunused-arguments"

static void split_ok(const char *line, struct strv *out)
{
	assert_true(shell_split(line, out));
}

static void test_split_words(void **state)
{
	struct strv sv = { 0 };

	split_ok("  clang\t-O2  -c\tfoo.c \n", &sv);
	assert_strv(&sv, "clang", "-O2", "-c", "foo.c");
	strv_free(&sv);

	split_ok("", &sv);
	assert_int_equal(sv.n, 0);
	split_ok(" \t \n", &sv);
	assert_int_equal(sv.n, 0);
}

/* The quoting Kbuild writes into .cmd files, and what the shell passes. */
static void test_split_kbuild_quotes(void **state)
{
	struct strv sv = { 0 };

	split_ok("-DARM64_ASM_ARCH='\"armv8.5-a\"' "
		 "-DKBUILD_MODNAME='\"contpte\"' "
		 "-D__KBUILD_MODNAME=kmod_contpte", &sv);
	assert_strv(&sv, "-DARM64_ASM_ARCH=\"armv8.5-a\"",
		    "-DKBUILD_MODNAME=\"contpte\"",
		    "-D__KBUILD_MODNAME=kmod_contpte");
	strv_free(&sv);

	/* Quotes join what is around them into one word. */
	split_ok("-D\"FOO=a b\" 'x y'z \"\"'' a'b'\"c\"", &sv);
	assert_strv(&sv, "-DFOO=a b", "x yz", "", "abc");
	strv_free(&sv);

	/* An empty quoted word is still a word. */
	split_ok("a '' b", &sv);
	assert_strv(&sv, "a", "", "b");
	strv_free(&sv);
}

static void test_split_backslashes(void **state)
{
	struct strv sv = { 0 };

	/* Unquoted: the next character, whatever it is. */
	split_ok("a\\ b \\\"q\\\" \\\\x \\'", &sv);
	assert_strv(&sv, "a b", "\"q\"", "\\x", "'");
	strv_free(&sv);

	/* Single quotes: nothing is special, backslash included. */
	split_ok("'a\\b' '\\\"'", &sv);
	assert_strv(&sv, "a\\b", "\\\"");
	strv_free(&sv);

	/* Double quotes: \" and \\ escape. */
	split_ok("\"a\\\"b\" \"c\\\\d\" \"'\"", &sv);
	assert_strv(&sv, "a\"b", "c\\d", "'");
	strv_free(&sv);
}

/*
 * In double quotes, sh keeps a backslash that is not before $ ` " \ or a
 * newline: "a\b" is a\b, as `sh -c 'printf %s "a\b"'` shows.
 */
static void test_split_backslash_kept_in_double_quotes(void **state)
{
	struct strv sv = { 0 };

	split_ok("\"a\\b\" \"-DPATH=\\\"C:\\dir\\\"\"", &sv);
	assert_strv(&sv, "a\\b", "-DPATH=\"C:\\dir\"");
	strv_free(&sv);
}

static void test_split_unbalanced(void **state)
{
	struct strv sv = { 0 };

	assert_false(shell_split("-DX='\"armv8.5-a\"", &sv));
	strv_free(&sv);
	assert_false(shell_split("clang \"-DY=1", &sv));
	strv_free(&sv);
	/* An escaped quote opens nothing. */
	assert_true(shell_split("clang \\\"-DY=1", &sv));
	assert_strv(&sv, "clang", "\"-DY=1");
	strv_free(&sv);
}

/*
 * $(CHECK) $(CHECKFLAGS) $(c_flags) file.c as make C=2 runs it for arm64
 * (from a real 6.12 arch/arm64/mm/.contpte.o.cmd, shortened).
 */
static void test_libclang_kbuild_line(void **state)
{
	char *argv[] = {
		/* CHECKFLAGS */
		"-D__linux__", "-Dlinux", "-D__STDC__", "-Dunix", "-D__unix__",
		"-Wbitwise", "-Wno-return-void", "-Wno-unknown-attribute",
		"-D__aarch64__", "-mlittle-endian", "-m64", "--arch=arm64",
		/* c_flags */
		"-Wp,-MMD,arch/arm64/mm/.contpte.o.d", "-nostdinc",
		"-I/k/arch/arm64/include", "-I./arch/arm64/include/generated",
		"-include", "/k/include/linux/kconfig.h",
		"-include", "/k/include/linux/compiler_types.h",
		"-D__KERNEL__", "--target=aarch64-linux-gnu",
		"-Werror=unknown-warning-option", "-std=gnu11",
		"-DARM64_ASM_ARCH=\"armv8.5-a\"", "-O2", "-Wall", "-Wundef",
		"-Werror=implicit-function-declaration", "-Werror",
		"-DKBUILD_MODNAME=\"contpte\"",
		"-D__KBUILD_MODNAME=kmod_contpte",
		"-c", "-o", "arch/arm64/mm/contpte.o",
		"/k/arch/arm64/mm/contpte.c",
	};
	struct strv out = { 0 }, sources = { 0 };

	flags_for_libclang(argv, ARRAY_SIZE(argv), &out, &sources);
	assert_strv(&out, "-D__linux__", "-Dlinux", "-D__STDC__", "-Dunix",
		    "-D__unix__", "-D__aarch64__", "-mlittle-endian",
		    "-nostdinc", "-I/k/arch/arm64/include",
		    "-I./arch/arm64/include/generated",
		    "-include", "/k/include/linux/kconfig.h",
		    "-include", "/k/include/linux/compiler_types.h",
		    "-D__KERNEL__", "--target=aarch64-linux-gnu", "-std=gnu11",
		    "-DARM64_ASM_ARCH=\"armv8.5-a\"", "-O2", "-Wall", "-Wundef",
		    "-DKBUILD_MODNAME=\"contpte\"",
		    "-D__KBUILD_MODNAME=kmod_contpte", TAIL);
	assert_strv(&sources, "/k/arch/arm64/mm/contpte.c");
	strv_free(&out);
	strv_free(&sources);
}

static void test_libclang_drops(void **state)
{
	char *argv[] = {
		"-S", "-E", "-c", "-MD", "-MMD", "-MF", "x.d", "-MT", "x.o",
		"-MQ", "y.o", "-Wp,-MD,x.d", "-fverbose-asm", "-m32",
		"-Wsparse-all", "-Wsparse-error", "-Wno-decl", "--arch=x86",
		"-Werror-implicit-function-declaration", "-DKEEP", "-o",
	};
	struct strv out = { 0 };

	/* A trailing -o with no value is dropped, not read past. */
	flags_for_libclang(argv, ARRAY_SIZE(argv), &out, NULL);
	assert_strv(&out, "-DKEEP", TAIL);
	strv_free(&out);
}

/* What follows -include, -I, -isystem is a path, even one ending in .c. */
static void test_libclang_pairs(void **state)
{
	char *argv[] = {
		"-include", "gen.c", "-I", "odd.c", "-isystem", "/usr/inc.S",
		"-fsanitize-ignorelist=skip.c", "a.c", "dir/b.S", "c.h",
		"-x", "c", "-I",
	};
	struct strv out = { 0 }, sources = { 0 };

	flags_for_libclang(argv, ARRAY_SIZE(argv), &out, &sources);
	assert_strv(&out, "-include", "gen.c", "-I", "odd.c", "-isystem",
		    "/usr/inc.S", "-fsanitize-ignorelist=skip.c", "c.h",
		    "-x", "c", "-I", TAIL);
	assert_strv(&sources, "a.c", "dir/b.S");
	strv_free(&out);
	strv_free(&sources);

	/* Without a list for them, sources are still left out. */
	flags_for_libclang(argv + 7, 2, &out, NULL);
	assert_strv(&out, TAIL);
	strv_free(&out);
}

static void test_object_names(void **state)
{
	struct strv template = { 0 }, out = { 0 };

	strv_push(&template, "-D__KERNEL__");
	strv_push(&template,
		  "-DKBUILD_MODFILE=\"arch/arm64/kernel/asm-offsets\"");
	strv_push(&template, "-DKBUILD_BASENAME=\"asm_offsets\"");
	strv_push(&template, "-DKBUILD_MODNAME=\"asm_offsets\"");
	strv_push(&template, "-D__KBUILD_MODNAME=kmod_asm_offsets");
	strv_push(&template, "-std=gnu11");

	flags_for_object(&template, "/k/arch/arm64/mm/hugetlb-page.c", &out);
	assert_strv(&out, "-D__KERNEL__", "-std=gnu11",
		    "-DKBUILD_MODFILE=\"hugetlb_page\"",
		    "-DKBUILD_BASENAME=\"hugetlb_page\"",
		    "-DKBUILD_MODNAME=\"hugetlb_page\"",
		    "-D__KBUILD_MODNAME=kmod_hugetlb_page");
	strv_free(&out);

	/* A bare file name, and a template that names no object. */
	strv_free(&template);
	strv_push(&template, "-O2");
	flags_for_object(&template, "contpte.c", &out);
	assert_strv(&out, "-O2", "-DKBUILD_MODFILE=\"contpte\"",
		    "-DKBUILD_BASENAME=\"contpte\"",
		    "-DKBUILD_MODNAME=\"contpte\"",
		    "-D__KBUILD_MODNAME=kmod_contpte");
	strv_free(&out);
	strv_free(&template);
}

static const char cmd_file[] =
	"savedcmd_arch/arm64/mm/contpte.o := clang "
	"-Wp,-MMD,arch/arm64/mm/.contpte.o.d -nostdinc "
	"-I/k/arch/arm64/include -include /k/include/linux/kconfig.h "
	"-D__KERNEL__ -DARM64_ASM_ARCH='\"armv8.5-a\"' "
	"-DKBUILD_MODNAME='\"contpte\"' -D__KBUILD_MODNAME=kmod_contpte "
	"-c -o arch/arm64/mm/contpte.o /k/arch/arm64/mm/contpte.c  \n"
	"\n"
	"source_arch/arm64/mm/contpte.o := /k/arch/arm64/mm/contpte.c\n"
	"\n"
	"deps_arch/arm64/mm/contpte.o := \\\n"
	"  /k/include/linux/kconfig.h \\\n"
	"    $(wildcard include/config/CPU_BIG_ENDIAN) \\\n"
	"\n"
	"arch/arm64/mm/contpte.o: $(deps_arch/arm64/mm/contpte.o)\n";

static void test_cmd_file(void **state)
{
	char *path = unit_temp_file(cmd_file);
	struct strv out = { 0 };

	assert_true(flags_from_cmd_file(path, &out));
	assert_strv(&out, "-nostdinc", "-I/k/arch/arm64/include",
		    "-include", "/k/include/linux/kconfig.h", "-D__KERNEL__",
		    "-DARM64_ASM_ARCH=\"armv8.5-a\"",
		    "-DKBUILD_MODNAME=\"contpte\"",
		    "-D__KBUILD_MODNAME=kmod_contpte", TAIL);
	strv_free(&out);
	unlink(path);
	free(path);
}

/* Before 6.3 the line is cmd_, not savedcmd_. */
static void test_cmd_file_old_kernel(void **state)
{
	char *path = unit_temp_file(
		"cmd_arch/arm64/kernel/asm-offsets.s := clang -nostdinc "
		"-D__KERNEL__ -fverbose-asm -S "
		"-o arch/arm64/kernel/asm-offsets.s "
		"/k/arch/arm64/kernel/asm-offsets.c\n\n"
		"source_arch/arm64/kernel/asm-offsets.s := "
		"/k/arch/arm64/kernel/asm-offsets.c\n");
	struct strv out = { 0 };

	assert_true(flags_from_cmd_file(path, &out));
	assert_strv(&out, "-nostdinc", "-D__KERNEL__", TAIL);
	strv_free(&out);
	unlink(path);
	free(path);
}

/*
 * A cross gcc's line (s390 and mips Kbuild, trimmed): clang is told the
 * target and loses the options it refuses; the rest stays as it was.
 */
static void test_cmd_file_cross_gcc(void **state)
{
	char *path = unit_temp_file(
		"savedcmd_arch/s390/kernel/asm-offsets.s := s390x-linux-gnu-gcc "
		"-nostdinc -D__KERNEL__ -m64 -mpacked-stack -march=z13 "
		"-mindirect-branch=thunk-extern -mfunction-return=thunk-extern "
		"-mindirect-branch-table -fno-allow-store-data-races "
		"-ftrivial-auto-var-init=zero -fconserve-stack -mfentry "
		"-fverbose-asm -S -o arch/s390/kernel/asm-offsets.s "
		"/k/arch/s390/kernel/asm-offsets.c\n");
	struct strv out = { 0 };

	assert_true(flags_from_cmd_file(path, &out));
	assert_strv(&out, "--target=s390x-linux-gnu", "-nostdinc",
		    "-D__KERNEL__", "-mpacked-stack", "-march=z13", "-mfentry",
		    TAIL);
	strv_free(&out);
	unlink(path);
	free(path);
}

/* Not a cross gcc: no target to say; clang's own lines are untouched. */
static void test_compiler_names(void **state)
{
	char *argv[] = { "-DX", "-fconserve-stack" };
	struct strv out = { 0 };

	flags_for_compiler("/usr/bin/mips64el-linux-gnuabi64-gcc-12", argv, 2,
			   &out, NULL);
	assert_strv(&out, "--target=mips64el-linux-gnuabi64", "-DX", TAIL);
	strv_free(&out);
	flags_for_compiler("gcc", argv, 2, &out, NULL);
	assert_strv(&out, "-DX", TAIL);
	strv_free(&out);
	flags_for_compiler("clang", argv, 2, &out, NULL);
	assert_strv(&out, "-DX", "-fconserve-stack", TAIL);
	strv_free(&out);
}

static void test_cmd_file_bad(void **state)
{
	static const char *const bad[] = {
		"",
		"source_x.o := x.c\n",			/* no cmd */
		"savedcmd_x.o := clang '-DX=1 -c x.c\n",	/* quote */
		"savedcmd_x.o := clang\n",		/* no flags */
		"savedcmd_x.o :=\n",
	};
	struct strv out = { 0 };

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		char *path = unit_temp_file(bad[i]);

		assert_false(flags_from_cmd_file(path, &out));
		assert_int_equal(out.n, 0);
		unlink(path);
		free(path);
	}
	assert_false(flags_from_cmd_file("/nonexistent/.x.o.cmd", &out));
	assert_int_equal(out.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_words),
		cmocka_unit_test(test_split_kbuild_quotes),
		cmocka_unit_test(test_split_backslashes),
		cmocka_unit_test(test_split_backslash_kept_in_double_quotes),
		cmocka_unit_test(test_split_unbalanced),
		cmocka_unit_test(test_libclang_kbuild_line),
		cmocka_unit_test(test_libclang_drops),
		cmocka_unit_test(test_libclang_pairs),
		cmocka_unit_test(test_object_names),
		cmocka_unit_test(test_cmd_file_cross_gcc),
		cmocka_unit_test(test_compiler_names),
		cmocka_unit_test(test_cmd_file),
		cmocka_unit_test(test_cmd_file_old_kernel),
		cmocka_unit_test(test_cmd_file_bad),
	};

	return cmocka_run_group_tests_name("flags", tests, NULL, NULL);
}

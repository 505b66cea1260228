// SPDX-License-Identifier: GPL-2.0
/* util.c: strings, files, string vectors, child processes, die(). */
#include <sys/stat.h>

#include "unit.h"

static void test_prefix_suffix(void **state)
{
	assert_true(starts_with("-Wp,-MMD,x.d", "-Wp,-MMD,"));
	assert_true(starts_with("abc", ""));
	assert_true(starts_with("abc", "abc"));
	assert_false(starts_with("ab", "abc"));
	assert_false(starts_with("-W", "-Werror"));
	assert_true(ends_with("contpte.c", ".c"));
	assert_true(ends_with("x", ""));
	assert_false(ends_with("c", ".c"));
	assert_false(ends_with("contpte.cc", ".c"));
}

/* Report paths are relative to KDIR; a sibling with a longer name is not. */
static void test_path_under(void **state)
{
	assert_string_equal(path_under("/k/arch/arm64/mm/contpte.c", "/k"),
			    "arch/arm64/mm/contpte.c");
	assert_string_equal(path_under("/src/linux/mm/a.c", "/src/linux"),
			    "mm/a.c");
	assert_null(path_under("/src/linux-6.1/mm/a.c", "/src/linux"));
	assert_null(path_under("/src/linux", "/src/linux"));
	assert_null(path_under("/usr/include/stdio.h", "/src/linux"));
	assert_null(path_under("mm/a.c", "/src/linux"));
}

static void test_strv(void **state)
{
	struct strv sv = { 0 };
	char buf[16];

	for (int i = 0; i < 100; i++) {
		snprintf(buf, sizeof(buf), "w%d", i);
		strv_push(&sv, buf);
		/* Ready for execvp() after every push. */
		assert_null(sv.v[sv.n]);
	}
	assert_int_equal(sv.n, 100);
	assert_string_equal(sv.v[0], "w0");
	assert_string_equal(sv.v[99], "w99");
	/* A copy, not the caller's buffer. */
	assert_ptr_not_equal(sv.v[99], buf);
	strv_pushf(&sv, "-D%s=%d", "X", 42);
	assert_string_equal(sv.v[100], "-DX=42");
	strv_free(&sv);
	assert_int_equal(sv.n, 0);
	assert_null(sv.v);
	strv_push(&sv, "again");
	assert_strv(&sv, "again");
	strv_free(&sv);
}

/* Sizes around the reader's first and second buffer. */
static void test_read_file(void **state)
{
	static const size_t sizes[] = { 0, 1, 8190, 8191, 8192, 8193,
					16383, 16384, 100000 };

	for (size_t k = 0; k < ARRAY_SIZE(sizes); k++) {
		size_t n = sizes[k], len = 12345;
		char *text = xmalloc(n + 1), *path, *got;

		for (size_t i = 0; i < n; i++)
			text[i] = 'a' + i % 26;
		text[n] = '\0';
		path = unit_temp_file(text);
		got = read_file(path, &len);
		assert_non_null(got);
		assert_int_equal(len, n);
		assert_string_equal(got, text);
		free(got);
		/* The length is optional. */
		got = read_file(path, NULL);
		assert_string_equal(got, text);
		free(got);
		unlink(path);
		free(path);
		free(text);
	}
	assert_null(read_file("/nonexistent/file", NULL));
	assert_null(read_file("/", NULL));
}

static void test_is_dir_file(void **state)
{
	char *path = unit_temp_file("x");

	assert_true(is_file(path));
	assert_false(is_dir(path));
	assert_true(is_dir("/"));
	assert_false(is_file("/"));
	assert_false(is_file("/nonexistent"));
	assert_false(is_dir("/nonexistent"));
	unlink(path);
	free(path);
}

static void test_run_command(void **state)
{
	char *argv[] = { "sh", "-c", "pwd; echo err >&2; exit 3", NULL };
	char *fail[] = { "/nonexistent/tool", NULL };
	char *sig[] = { "sh", "-c", "kill -9 $$", NULL };
	char *log = unit_temp_file("before\n"), *text;

	/* Exit status, output appended to the log, run in @dir. */
	assert_int_equal(run_command(argv, "/", log), 3);
	text = read_file(log, NULL);
	assert_string_equal(text, "before\n/\nerr\n");
	free(text);
	assert_int_equal(run_command(fail, NULL, log), 127);
	assert_int_equal(run_command(argv, "/nonexistent", log), 127);
	assert_int_equal(run_command(sig, NULL, log), 128 + 9);
	unlink(log);
	free(log);
}

static void test_remove_tree(void **state)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/ptecheck-unit.XXXXXX",
			      tmp && *tmp ? tmp : "/tmp");
	char *a, *ab, *file;
	FILE *f;

	assert_non_null(mkdtemp(dir));
	a = xasprintf("%s/a", dir);
	ab = xasprintf("%s/a/b", dir);
	file = xasprintf("%s/a/b/c", dir);
	assert_int_equal(mkdir(a, 0755), 0);
	assert_int_equal(mkdir(ab, 0755), 0);
	f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	assert_true(is_file(file));
	remove_tree(dir);
	assert_false(is_dir(dir));
	free(file);
	free(ab);
	free(a);
	free(dir);
}

static void die_child(void *arg)
{
	die("%s: no such build directory", (const char *)arg);
}

static void warn_child(void *arg)
{
	warn("%s", (const char *)arg);
}

static void test_die(void **state)
{
	char *out;

	assert_dies_with(die_child, "/tmp/o",
			 "ptecheck: /tmp/o: no such build directory");
	/* warn() says the same way, and goes on. */
	assert_int_equal(unit_run_child(warn_child, "careful", &out), 99);
	assert_string_equal(out, "ptecheck: careful\n");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefix_suffix),
		cmocka_unit_test(test_path_under),
		cmocka_unit_test(test_strv),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_is_dir_file),
		cmocka_unit_test(test_run_command),
		cmocka_unit_test(test_remove_tree),
		cmocka_unit_test(test_die),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}

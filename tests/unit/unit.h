/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the cmocka unit tests: temporary files, code that must die
 * with exit 2 run in a child, string vectors compared in one assertion,
 * and a runner that gives each test a process of its own.
 */
#ifndef PTECHECK_UNIT_H
#define PTECHECK_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "util.h"

/*
 * The unit tests are built with ASan and UBSan (tests/unit/Makefile), not
 * leak-checked: what a test leaves unfreed is the test's, and ptecheck's
 * own leaks are LeakSanitizer's in 'make test SAN=1'. One test_*.c per
 * binary includes this.
 */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}

/* A file holding @text under $TMPDIR; unlink and free the name after. */
static inline char *unit_temp_file(const char *text)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/ptecheck-unit.XXXXXX",
			       tmp && *tmp ? tmp : "/tmp");
	size_t len = strlen(text);
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
	return path;
}

/*
 * Run @fn(@arg) in a child with stdout and stderr going to a pipe. Returns
 * the child's exit status (-1 when a signal stopped it, 99 when @fn came
 * back instead of exiting); what it printed is in @output (free it).
 */
static inline int unit_run_child(void (*fn)(void *), void *arg,
				 char **output)
{
	size_t len = 0, alloc = 256;
	char *buf = xmalloc(alloc);
	int fds[2], status;
	ssize_t r;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		close(fds[1]);
		fn(arg);
		fflush(NULL);
		_exit(99);
	}
	close(fds[1]);
	while ((r = read(fds[0], buf + len, alloc - len - 1)) > 0) {
		len += r;
		if (len + 1 == alloc)
			buf = xrealloc(buf, alloc *= 2);
	}
	close(fds[0]);
	buf[len] = '\0';
	assert_int_equal(waitpid(pid, &status, 0), pid);
	*output = buf;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* @fn must die the way the contract says: exit 2, exactly @line. */
#define assert_dies_with(fn, arg, line)					\
	unit_assert_dies(fn, (void *)(arg), line "\n", __FILE__, __LINE__)

static inline void unit_assert_dies(void (*fn)(void *), void *arg,
				    const char *want, const char *file,
				    int line)
{
	char *out;
	int rc = unit_run_child(fn, arg, &out);

	if (rc != EXIT_INPUT || strcmp(out, want)) {
		print_error("want exit %d and: %s", EXIT_INPUT, want);
		print_error("got  exit %d and: %s%s", rc, out,
			    *out ? "" : "(nothing)\n");
		_fail(file, line);
	}
	free(out);
}

/* @sv holds exactly the NULL-terminated list @want, in order. */
static inline void unit_assert_strv(const struct strv *sv,
				    const char *const *want,
				    const char *file, int line)
{
	int n = 0;

	while (want[n])
		n++;
	for (int i = 0; i < sv->n && i < n; i++)
		_assert_string_equal(sv->v[i], want[i], file, line);
	_assert_int_equal(sv->n, n, file, line);
	if (sv->v)
		_assert_true(!sv->v[sv->n], "NULL-terminated", file, line);
}

#define assert_strv(sv, ...)						\
	unit_assert_strv(sv, (const char *const[]){ __VA_ARGS__, NULL },\
			 __FILE__, __LINE__)

/*
 * Each test in a process of its own, for code with static state (the
 * findings list): a failure in one cannot leak into the next.
 */
static inline int unit_run_forked(const char *group,
				  const struct CMUnitTest *tests, size_t n)
{
	int failed = 0;

	for (size_t i = 0; i < n; i++) {
		int status;
		pid_t pid;

		fflush(NULL);
		pid = fork();
		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0)
			_exit(_cmocka_run_group_tests(group, &tests[i], 1,
						      NULL, NULL) ? 1 : 0);
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status)) {
			fprintf(stderr, "%s: %s failed\n", group,
				tests[i].name);
			failed++;
		}
	}
	printf("%s: %zu tests, %d failed\n", group, n, failed);
	return failed ? 1 : 0;
}

#endif

// SPDX-License-Identifier: GPL-2.0
/* Small helpers shared by every phase: memory, strings, messages, processes. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		die("out of memory");
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	return s;
}

/*
 * What this process shows on stderr besides its errors: one progress line
 * on a terminal, rewritten in place, and warnings. It belongs to stderr,
 * which is the process's too: one per process, set once from --quiet.
 */
static struct {
	bool quiet; /* --quiet: no progress, no warnings */
	bool shown; /* a progress line is on the terminal now */
	char context[64]; /* what the lines are part of: "patch 2/3" */
} messages;

void messages_quiet(bool quiet)
{
	messages.quiet = quiet;
}

void progress_context(const char *context)
{
	snprintf(messages.context, sizeof(messages.context), "%s",
		 context ? context : "");
}

void progress_done(void)
{
	if (messages.shown)
		fputs("\r\033[K", stderr);
	messages.shown = false;
}

static void message(const char *fmt, va_list ap)
{
	progress_done();
	fputs("ptecheck: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

/* Set by die(): the process ends on bad input, mid-way. */
static bool died;

/*
 * LeakSanitizer asks this before its check at exit (make SAN=1). What a
 * run that died on bad input still holds is not a leak: it ends there.
 * Runs that finish, and every fuzzed die() (which returns), are checked.
 */
int __lsan_is_turned_off(void)
{
	return died;
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	message(fmt, ap);
	va_end(ap);
	died = true;
	exit(EXIT_INPUT);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	if (messages.quiet)
		return;
	va_start(ap, fmt);
	message(fmt, ap);
	va_end(ap);
}

/* A line that wraps could not be rewritten: cut it to the terminal. */
static int terminal_columns(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) || ws.ws_col < 20)
		return 80;
	return ws.ws_col;
}

void progress(const char *fmt, ...)
{
	char line[512];
	int room, n;
	va_list ap;

	if (messages.quiet || !isatty(STDERR_FILENO))
		return;
	n = snprintf(line, sizeof(line), "%s%s", messages.context,
		     *messages.context ? ": " : "");
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	room = terminal_columns() - (int)strlen("ptecheck: ") - 1;
	if (room < (int)sizeof(line) && (int)strlen(line) > room)
		line[room] = '\0';
	fprintf(stderr, "\r\033[Kptecheck: %s", line);
	fflush(stderr);
	messages.shown = true;
}

bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *read_file(const char *path, size_t *len)
{
	size_t n = 0, alloc = 8192;
	char *buf;
	ssize_t r;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	buf = xmalloc(alloc);
	while ((r = read(fd, buf + n, alloc - n - 1)) > 0) {
		n += r;
		if (n + 1 == alloc)
			buf = xrealloc(buf, alloc *= 2);
	}
	close(fd);
	if (r < 0) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

const char *path_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (strncmp(path, dir, n) || path[n] != '/')
		return NULL;
	return path + n + 1;
}

void strv_push(struct strv *sv, const char *s)
{
	if (sv->n + 2 > sv->alloc) {
		sv->alloc = sv->alloc ? sv->alloc * 2 : 16;
		sv->v = xrealloc(sv->v, sv->alloc * sizeof(*sv->v));
	}
	sv->v[sv->n++] = xstrdup(s);
	sv->v[sv->n] = NULL;
}

void strv_pushf(struct strv *sv, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	strv_push(sv, s);
	free(s);
}

void strv_free(struct strv *sv)
{
	for (int i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->alloc = 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void strv_sort(struct strv *sv)
{
	/* qsort() of an empty list would be handed a NULL array. */
	if (sv->n > 1)
		qsort(sv->v, sv->n, sizeof(*sv->v), cmp_str);
}

/* Read from signal handlers: atomic, not volatile. */
static int running_child;

int running_command(void)
{
	return __atomic_load_n(&running_child, __ATOMIC_SEQ_CST);
}

int run_command(char *const argv[], const char *dir, const char *log)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
		int out = log ? open(log,
				     O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
				     0644) :
				-1;

		if (in >= 0)
			dup2(in, STDIN_FILENO);
		if (out >= 0) {
			dup2(out, STDOUT_FILENO);
			dup2(out, STDERR_FILENO);
		}
		if (dir && chdir(dir))
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	__atomic_store_n(&running_child, pid, __ATOMIC_SEQ_CST);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			__atomic_store_n(&running_child, 0, __ATOMIC_SEQ_CST);
			return -1;
		}
	}
	__atomic_store_n(&running_child, 0, __ATOMIC_SEQ_CST);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

int run_command_output(char *const argv[], const char *dir, char **out)
{
	size_t len = 0, alloc = 4096;
	int status, pipefd[2];
	char *buf;
	ssize_t n;
	pid_t pid;

	*out = NULL;
	fflush(NULL);
	if (pipe2(pipefd, O_CLOEXEC))
		return -1;
	pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		return -1;
	}
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
		int null = open("/dev/null", O_WRONLY | O_CLOEXEC);

		if (in >= 0)
			dup2(in, STDIN_FILENO);
		if (null >= 0)
			dup2(null, STDERR_FILENO);
		dup2(pipefd[1], STDOUT_FILENO);
		if (dir && chdir(dir))
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	__atomic_store_n(&running_child, pid, __ATOMIC_SEQ_CST);
	close(pipefd[1]);
	buf = xmalloc(alloc);
	while ((n = read(pipefd[0], buf + len, alloc - len - 1)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		len += n;
		if (alloc - len < 2)
			buf = xrealloc(buf, alloc *= 2);
	}
	buf[len] = '\0';
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			__atomic_store_n(&running_child, 0, __ATOMIC_SEQ_CST);
			free(buf);
			return -1;
		}
	}
	__atomic_store_n(&running_child, 0, __ATOMIC_SEQ_CST);
	*out = buf;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

void remove_tree(const char *path)
{
	struct strv argv = { 0 };

	strv_push(&argv, "rm");
	strv_push(&argv, "-rf");
	strv_push(&argv, "--");
	strv_push(&argv, path);
	run_command(argv.v, NULL, NULL);
	strv_free(&argv);
}

void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

char *file_line(const char *path, unsigned int line)
{
	char *text = read_file(path, NULL), *p = text, *out = NULL;

	for (unsigned int l = 1; p && l < line; l++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (p)
		out = xasprintf("%.*s", (int)strcspn(p, "\n"), p);
	free(text);
	return out;
}

/* From a signal handler: only fork, exec, kill and waitpid. */
void stop_and_remove(const char *dir)
{
	pid_t child = running_command();

	if (child > 0) {
		kill(child, SIGTERM);
		waitpid(child, NULL, 0);
	}
	if (dir) {
		pid_t pid = fork();

		if (pid == 0) {
			execlp("rm", "rm", "-rf", "--", dir, (char *)NULL);
			_exit(127);
		}
		while (pid > 0 && waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
}

uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void mkdir_p(const char *path)
{
	char *p = xstrdup(path);

	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	if (mkdir(p, 0755) && errno != EEXIST)
		die("%s: cannot create: %s", p, strerror(errno));
	free(p);
}

/*
 * The scratch directory of this run. Exit handlers and signal handlers
 * take no argument, so it is the one thing kept here, not passed.
 */
static char *scratch_dir;

static void drop_scratch_dir(void)
{
	if (scratch_dir)
		remove_tree(scratch_dir);
	free(scratch_dir);
	scratch_dir = NULL;
}

static void drop_scratch_dir_on_signal(int sig)
{
	stop_and_remove(scratch_dir);
	signal(sig, SIG_DFL);
	raise(sig);
}

void remove_at_exit(const char *dir)
{
	if (!scratch_dir)
		atexit(drop_scratch_dir);
	free(scratch_dir);
	scratch_dir = xstrdup(dir);
	signal(SIGINT, drop_scratch_dir_on_signal);
	signal(SIGTERM, drop_scratch_dir_on_signal);
}

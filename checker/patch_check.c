// SPDX-License-Identifier: GPL-2.0
/*
 * What the gate refuses in a patch before it applies it. The patch is read
 * by git itself (git apply --numstat -z and --summary, git mailinfo), never
 * by a parser of ours: only git's answers are looked at here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "patch_check.h"
#include "util.h"

/*
 * Run @argv in @dir with stdin from @in, stdout to @out, stderr to @err,
 * through run_command(), so that a Ctrl-C handler can stop it.
 */
static int run_git(char *const argv[], const char *dir, const char *in,
		   const char *out, const char *err)
{
	struct strv sh = { 0 };
	int status;

	strv_push(&sh, "sh");
	strv_push(&sh, "-c");
	strv_push(
		&sh,
		"in=$1 out=$2 err=$3; shift 3; exec \"$@\" <\"$in\" >\"$out\" 2>\"$err\"");
	strv_push(&sh, "sh");
	strv_push(&sh, in ? in : "/dev/null");
	strv_push(&sh, out);
	strv_push(&sh, err);
	/*
	 * Never a repository around @dir: inside one, git apply would leave
	 * out what is outside its subdirectory.
	 */
	if (dir && strrchr(dir, '/')) {
		strv_push(&sh, "env");
		strv_pushf(&sh, "GIT_CEILING_DIRECTORIES=%.*s",
			   (int)(strrchr(dir, '/') - dir), dir);
	}
	for (int i = 0; argv[i]; i++)
		strv_push(&sh, argv[i]);
	status = run_command(sh.v, dir, NULL);
	strv_free(&sh);
	return status;
}

static bool is_untrusted_path(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

	if (starts_with(path, "scripts/"))
		return true;
	if (starts_with(base, "Makefile") || !strcmp(base, "Kbuild") ||
	    starts_with(base, "Makefile."))
		return true;
	/* arch/<arch>/Kconfig only selects: it runs nothing. */
	if (starts_with(base, "Kconfig")) {
		const char *p = path;

		if (starts_with(p, "arch/") && strchr(p + 5, '/') &&
		    !strcmp(strchr(p + 5, '/') + 1, "Kconfig"))
			return false;
		return true;
	}
	return false;
}

/* A path component that leaves the tree or reaches into git's own data. */
static const char *bad_component(const char *path)
{
	const char *p = path;

	if (!*path || path[0] == '/')
		return "outside the tree";
	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 2 && !strncmp(p, "..", 2))
			return "outside the tree";
		if (n == 4 && !strncasecmp(p, ".git", 4))
			return "inside git's own data";
		p += n + (p[n] == '/');
	}
	return NULL;
}

static void check_path(const char *patch, const char *path, bool trust)
{
	const char *why = bad_component(path);

	if (why)
		die("%s: refused: %s is %s", patch, path, why);
	if (!trust && is_untrusted_path(path))
		die("%s: touches %s, which preparing a build would run; pass --trust if you trust it",
		    patch, path);
}

/*
 * " rename a/{b => c}/d (90%)": numstat names only the new path, so the
 * old one is checked here, both expanded from git's shortened form.
 */
static void check_rename(const char *patch, const char *line, int n, bool trust)
{
	char *text = xasprintf("%.*s", n, line), *arrow, *open, *close;
	char *from, *to;

	if (strrchr(text, '('))
		*strrchr(text, '(') = '\0';
	if (*text && text[strlen(text) - 1] == ' ')
		text[strlen(text) - 1] = '\0';
	arrow = strstr(text, " => ");
	if (!arrow)
		die("%s: git apply --summary printed what it should not",
		    patch);
	*arrow = '\0';
	open = strchr(text, '{');
	close = strchr(arrow + 4, '}');
	if (open && close) {
		*open = *close = '\0';
		from = xasprintf("%s%s%s", text, open + 1, close + 1);
		to = xasprintf("%s%s%s", text, arrow + 4, close + 1);
	} else {
		from = xstrdup(text);
		to = xstrdup(arrow + 4);
	}
	check_path(patch, from, trust);
	check_path(patch, to, trust);
	free(from);
	free(to);
	free(text);
}

/* " create mode 120000 PATH", " mode change 100644 => 100755 PATH" */
static void check_summary(const char *patch, const char *summary, bool trust)
{
	const char *line, *next;

	for (line = summary; line && *line; line = next) {
		int n = (int)strcspn(line, "\n");

		next = line + n + (line[n] == '\n');
		if (starts_with(line, " create mode 120000 "))
			die("%s: refused: creates a symbolic link, %.*s", patch,
			    n - 20, line + 20);
		if (starts_with(line, " create mode 160000 "))
			die("%s: refused: creates a submodule, %.*s", patch,
			    n - 20, line + 20);
		if (starts_with(line, " mode change "))
			die("%s: refused: changes a file mode (%.*s)", patch,
			    n - 13, line + 13);
		if (starts_with(line, " rename ") ||
		    starts_with(line, " copy "))
			check_rename(
				patch, strchr(line + 1, ' ') + 1,
				n - (int)(strchr(line + 1, ' ') + 1 - line),
				trust);
	}
}

bool patch_check_git_output(const char *patch, const char *numstat, size_t len,
			    const char *summary, bool trust)
{
	const char *p = numstat, *end = numstat + len;
	bool kconfig = false;
	int files = 0, changes = 0;

	/* "ADDED\tDELETED\tPATH\0", or "ADDED\tDELETED\t\0FROM\0TO\0" */
	while (p < end) {
		const char *tab1 = memchr(p, '\t', end - p), *tab2, *path;
		int paths = 1;

		tab2 = tab1 ? memchr(tab1 + 1, '\t', end - tab1 - 1) : NULL;
		if (!tab2 || tab2 + 1 >= end)
			die("%s: git apply --numstat printed what it should not",
			    patch);
		path = tab2 + 1;
		if (!*path) {
			path++;
			paths = 2;
		}
		for (int i = 0; i < paths; i++) {
			size_t n = strnlen(path, end - path);

			if (path + n >= end)
				die("%s: git apply --numstat printed what it should not",
				    patch);
			if (!strncmp(p, "-\t-\t", 4))
				die("%s: binary patches are not supported (%s)",
				    patch, path);
			check_path(patch, path, trust);
			changes += strncmp(p, "0\t0\t", 4) != 0;
			kconfig |= strstr(path, "Kconfig") != NULL;
			files++;
			path += n + 1;
		}
		p = path;
	}
	/* Lines added or removed, or a file made, removed or renamed. */
	if (!files ||
	    (!changes && !strstr(summary, " mode ") &&
	     !strstr(summary, " rename ") && !strstr(summary, " copy ")))
		die("%s: not a patch (no file changes)", patch);
	check_summary(patch, summary, trust);
	return kconfig;
}

/* Run git with the words after @err, in @work; its stdout as a string. */
static char *git_output(const char *work, const char *in, size_t *len,
			int *status, const char *err, ...)
{
	char *out = xasprintf("%s/git.out", work), *text;
	struct strv argv = { 0 };
	const char *word;
	va_list ap;

	strv_push(&argv, "git");
	va_start(ap, err);
	while ((word = va_arg(ap, const char *)))
		strv_push(&argv, word);
	va_end(ap);
	*status = run_git(argv.v, work, in, out, err);
	text = read_file(out, len);
	strv_free(&argv);
	free(out);
	return text ? text : xstrdup("");
}

bool patch_check(const char *patch, const char *work, bool trust)
{
	char *err = xasprintf("%s/git.err", work), *numstat, *summary;
	size_t len = 0;
	int status;
	bool kconfig;

	numstat = git_output(work, NULL, &len, &status, err, "apply",
			     "--numstat", "-z", patch, NULL);
	if (status) {
		char *text = read_file(err, NULL);
		const char *why = text && *text ? text : "it cannot be read";

		die("%s: not a patch git apply can read (%.*s)", patch,
		    (int)strcspn(why, "\n"), why);
	}
	summary = git_output(work, NULL, NULL, &status, err, "apply",
			     "--summary", patch, NULL);
	kconfig = patch_check_git_output(patch, numstat, len, summary, trust);
	free(summary);
	free(numstat);
	free(err);
	return kconfig;
}

bool patch_has_diff(const char *path, const char *work)
{
	char *msg = xasprintf("%s/mailinfo.msg", work);
	char *diff = xasprintf("%s/mailinfo.patch", work);
	char *err = xasprintf("%s/git.err", work), *info;
	size_t len = 0;
	int status;
	bool has;

	/* Not -k nor -b: only the split into message and patch is used. */
	info = git_output(work, path, NULL, &status, err, "mailinfo", msg, diff,
			  NULL);
	free(read_file(diff, &len));
	has = !status && len > 0;
	free(info);
	free(msg);
	free(diff);
	free(err);
	return has;
}

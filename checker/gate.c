// SPDX-License-Identifier: GPL-2.0
/*
 * ptecheck gate: apply a series in order to a scratch copy of KDIR, check
 * after each patch, and report what each one introduces and fixes, and
 * which bits it takes or frees. KDIR itself is never written.
 *
 * Patches come as files, a directory of them, an mbox (split by git
 * mailsplit) or a BASE..TIP range of a git KDIR (git format-patch). They
 * are applied with git apply. Each step is checked in this process, as
 * `ptecheck check` checks a tree: a session of its own (rules, findings,
 * the walked set), one header probe for its findings and its layout, and
 * the result cache, which gives the base step when the base tree (or a
 * copy of it) was checked before.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "gate_report.h"
#include "layout_html.h"
#include "patch_check.h"
#include "report.h"
#include "tree_pool.h"

/* One step of the series: the scratch tree after its patch, checked. */
struct step {
	struct session session; /* its rules and findings */
	struct config_run *run; /* its build and layout */
};

/* Check the scratch tree @tree_dir after @patch (NULL: the base). */
static void check_step(const struct options *opts, const struct arch *arch,
		       const char *tree_dir, const char *patch,
		       struct step *step)
{
	struct session *s = &step->session;

	memset(s, 0, sizeof(*s));
	s->opts = *opts;
	s->arch = arch;
	/* What the patch adds is where a clash with older code is reported. */
	s->opts.added_by = patch;
	tree_open(&s->tree, tree_dir, arch);
	session_init_rules(s);
	step->run = xcalloc(1, sizeof(*step->run));
	check_tree(s, step->run);
}

static void step_free(struct step *step)
{
	if (step->run)
		config_run_free(step->run);
	engine_free(&step->session.engine);
	findings_free(&step->session.findings);
	tree_free(&step->session.tree);
}

/* One gate run. */
struct gate {
	const struct options *opts;
	char *scratch; /* under the cache; removed at exit or on a signal */
	char *to_base; /* BASE..TIP: the diff that takes the copy to BASE */
	struct tree_pool pool; /* the cache's copy of KDIR, when taken */
};

/* Copies of trees the cache keeps for later gates. */
#define POOLS_KEPT 4

/* Run a command, its stdout into @out (a file path), stderr into @err. */
static int run_to(char *const argv[], const char *dir, const char *out,
		  const char *err)
{
	char *cmd = NULL;
	struct strv sh = { 0 };
	int status;

	/* Quote each word for sh -c: the simplest way to split the streams. */
	cmd = xstrdup("exec");
	for (int i = 0; argv[i]; i++) {
		char *q = xstrdup("'"), *next;

		for (const char *p = argv[i]; *p; p++) {
			next = *p == '\'' ? xasprintf("%s'\\''", q) :
					    xasprintf("%s%c", q, *p);
			free(q);
			q = next;
		}
		next = xasprintf("%s %s'", cmd, q);
		free(cmd);
		free(q);
		cmd = next;
	}
	strv_push(&sh, "sh");
	strv_push(&sh, "-c");
	strv_pushf(&sh, "%s >'%s' 2>'%s'", cmd, out, err);
	status = run_command(sh.v, dir, NULL);
	strv_free(&sh);
	free(cmd);
	return status;
}

/* Run the NULL-terminated words after @err, as run_to() does. */
static int run_words(const char *dir, const char *out, const char *err, ...)
{
	struct strv argv = { 0 };
	const char *word;
	va_list ap;
	int status;

	va_start(ap, err);
	while ((word = va_arg(ap, const char *)))
		strv_push(&argv, word);
	va_end(ap);
	status = run_to(argv.v, dir, out, err);
	strv_free(&argv);
	return status;
}

static char *first_line(const char *path)
{
	char *text = read_file(path, NULL);
	char *line = text ? xasprintf("%.*s", (int)strcspn(text, "\n"), text) :
			    xstrdup("");

	free(text);
	return line;
}

static void add_file(struct strv *patches, const char *path)
{
	char real[PATH_MAX];

	/* git apply runs in the scratch tree: absolute paths only. */
	if (!realpath(path, real))
		die("%s: cannot read: %s", path, strerror(errno));
	strv_push(patches, real);
}

/* A directory: its patches in name order, without the cover letter. */
static void add_dir(const struct gate *g, struct strv *patches, const char *dir)
{
	char *list = xasprintf("%s/ls.out", g->scratch), *err, *text, *p, *next;
	struct strv names = { 0 };

	err = xasprintf("%s/ls.err", g->scratch);
	if (run_words(NULL, list, err, "ls", "-1", dir, NULL))
		die("%s: cannot list", dir);
	text = read_file(list, NULL);
	for (p = text; p && *p; p = next) {
		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		if ((ends_with(p, ".patch") || ends_with(p, ".diff")) &&
		    !strstr(p, "cover-letter"))
			strv_pushf(&names, "%s/%s", dir, p);
	}
	strv_sort(&names);
	for (int i = 0; i < names.n; i++)
		add_file(patches, names.v[i]);
	if (!names.n)
		die("%s: no *.patch files", dir);
	strv_free(&names);
	free(text);
	free(list);
	free(err);
}

/* An mbox: one patch a message, split by git itself. */
static void add_mbox(const struct gate *g, struct strv *patches,
		     const char *mbox, int nr)
{
	char *dir = xasprintf("%s/mbox-%d", g->scratch, nr);
	char *out = xasprintf("%s.out", dir), *err = xasprintf("%s.err", dir);
	char *arg = xasprintf("-o%s", dir);
	char *count;
	int n;

	mkdir(dir, 0700);
	if (run_words(NULL, out, err, "git", "mailsplit", "-d4", arg, mbox,
		      NULL))
		die("%s: git mailsplit cannot read it as an mbox", mbox);
	count = first_line(out);
	n = atoi(count);
	if (n <= 0)
		die("%s: no patches in this mbox", mbox);
	/* A cover letter or a reply carries no diff: not a patch. */
	for (int i = 1, had = patches->n; i <= n; i++) {
		char *mail = xasprintf("%s/%04d", dir, i);

		if (patch_has_diff(mail, g->scratch))
			add_file(patches, mail);
		free(mail);
		if (i == n && patches->n == had)
			die("%s: no patches in this mbox (%d messages, none with a diff)",
			    mbox, n);
	}
	free(count);
	free(arg);
	free(out);
	free(err);
	free(dir);
}

/*
 * BASE..TIP of a git KDIR, as git format-patch writes it. The copy of KDIR
 * is taken back to BASE with git apply of the TIP..BASE diff: git apply
 * replaces the files it changes, where a checkout could write through the
 * hard links into KDIR.
 */
static void add_range(struct gate *g, struct strv *patches, const char *kdir,
		      const char *range)
{
	char *dir = xasprintf("%s/range", g->scratch);
	char *out = xasprintf("%s.out", dir), *err = xasprintf("%s.err", dir);
	char *base =
		xasprintf("%.*s", (int)(strstr(range, "..") - range), range);
	const char *tip = strstr(range, "..") + 2;

	if (run_words(NULL, out, err, "git", "-C", kdir, "rev-parse",
		      "--git-dir", NULL))
		die("%s: a range needs KDIR to be a git repository", range);
	if (!*tip)
		tip = "HEAD";
	if (run_words(NULL, out, err, "git", "-C", kdir, "format-patch", "-q",
		      "--no-cover-letter", "-o", dir, range, NULL))
		die("%s: git format-patch cannot make patches of it", range);
	g->to_base = xasprintf("%s/to-base.diff", g->scratch);
	if (run_words(NULL, g->to_base, err, "git", "-C", kdir, "diff",
		      "--binary", tip, base, NULL))
		die("%s: git diff cannot compare %s with %s", range, tip, base);
	add_dir(g, patches, dir);
	free(base);
	free(dir);
	free(out);
	free(err);
}

static void collect(struct gate *g, struct strv *patches, const char *kdir,
		    const struct strv *inputs)
{
	for (int i = 0; i < inputs->n; i++) {
		const char *in = inputs->v[i];
		char *line, *copy = NULL;
		struct stat st;

		if (!strcmp(in, "-")) {
			char *text = read_file("/dev/stdin", NULL);
			FILE *f;

			copy = xasprintf("%s/stdin.patch", g->scratch);
			f = fopen(copy, "w");
			if (!text || !f || fputs(text, f) < 0 || fclose(f))
				die("cannot read the patch from standard input");
			free(text);
			in = copy;
		}
		if (is_dir(in)) {
			add_dir(g, patches, in);
			free(copy);
			continue;
		}
		if (!is_file(in)) {
			if (strstr(in, ".."))
				add_range(g, patches, kdir, in);
			else
				die("%s: no such patch, directory or mbox", in);
			continue;
		}
		line = first_line(in);
		/* A NUL byte ends the first line too: empty is no bytes. */
		if (!*line && stat(in, &st) == 0 && !st.st_size)
			die("%s: empty: no patches in it", in);
		/* git format-patch and mboxes start "From <sha> <date>". */
		if (starts_with(line, "From ") && strstr(in, ".patch") == NULL)
			add_mbox(g, patches, in, i);
		else
			add_file(patches, in);
		free(line);
		free(copy);
	}
}

static void apply_patch(const struct gate *g, const char *patch,
			const char *tree)
{
	char *out = xasprintf("%s/apply.out", g->scratch);
	char *err = xasprintf("%s/apply.err", g->scratch);

	if (run_words(tree, out, err, "git", "apply", "--whitespace=nowarn",
		      patch, NULL)) {
		char *text = read_file(err, NULL), *line = text, *hunk;

		/* Name the hunk: "error: patch failed: FILE:LINE". */
		hunk = text ? strstr(text, "patch failed: ") : NULL;
		if (hunk)
			line = hunk;
		die("%s does not apply: %.*s", patch,
		    line ? (int)strcspn(line, "\n") : 0, line ? line : "");
	}
	free(out);
	free(err);
}

/* The patch's subject as git am would take it, or "" without one. */
static char *subject_of(const struct gate *g, const char *patch)
{
	char *info = xasprintf("%s/mailinfo.out", g->scratch);
	char *err = xasprintf("%s/mailinfo.err", g->scratch);
	char *msg = xasprintf("%s/mailinfo.msg", g->scratch);
	char *body = xasprintf("%s/mailinfo.patch", g->scratch);
	char *text, *line, *subject = NULL;

	if (!run_words(NULL, info, err, "sh", "-c",
		       "exec git mailinfo \"$1\" \"$2\" <\"$3\"", "sh", msg,
		       body, patch, NULL)) {
		text = read_file(info, NULL);
		line = text ? strstr(text, "Subject: ") : NULL;
		if (line && (line == text || line[-1] == '\n'))
			subject = xasprintf(
				"%.*s", (int)strcspn(line + 9, "\n"), line + 9);
		free(text);
	}
	free(info);
	free(err);
	free(msg);
	free(body);
	return subject ? subject : xstrdup("");
}

static const char *base_name(const char *path)
{
	return strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
}

/*
 * A copy of KDIR to apply to: hard links (git apply replaces files). The
 * cache's copy, mended, when this run can have it; else one of its own.
 */
static char *copy_tree(struct gate *g, const char *kdir)
{
	char *tree_dir, *out, *err;

	progress("mending the copy of %s", kdir);
	tree_pool_trim(g->opts->cache_dir, POOLS_KEPT);
	if (tree_pool_take(&g->pool, g->opts->cache_dir, kdir))
		return xstrdup(g->pool.tree);
	tree_dir = xasprintf("%s/tree", g->scratch);
	out = xasprintf("%s/cp.out", g->scratch);
	err = xasprintf("%s/cp.err", g->scratch);
	progress("copying %s", kdir);
	if (run_words(NULL, out, err, "cp", "-al", kdir, tree_dir, NULL)) {
		/* Another file system: a real copy. */
		remove_tree(tree_dir);
		if (run_words(NULL, out, err, "cp", "-a", kdir, tree_dir, NULL))
			die("%s: cannot copy to %s", kdir, tree_dir);
	}
	free(out);
	free(err);
	return tree_dir;
}

static void gate_start(struct gate *g, const struct options *opts)
{
	memset(g, 0, sizeof(*g));
	g->opts = opts;
	g->pool.lock_fd = -1;
	g->scratch = xasprintf("%s/gate/%d", opts->cache_dir, (int)getpid());
	remove_tree(g->scratch);
	if (run_words(NULL, "/dev/null", "/dev/null", "mkdir", "-p", g->scratch,
		      NULL))
		die("%s: cannot create", g->scratch);
	remove_at_exit(g->scratch);
	/*
	 * Builds are keyed by content: the scratch tree shares KDIR's, and a
	 * patch to Kconfig or a Makefile leads to a build of its own.
	 */
}

static void check_options(struct options *opts)
{
	if (opts->format == FORMAT_GCC)
		opts->format = FORMAT_TEXT;
	if (opts->format != FORMAT_TEXT && opts->format != FORMAT_CHECKPATCH &&
	    opts->format != FORMAT_JSON && opts->format != FORMAT_SARIF &&
	    opts->format != FORMAT_B4)
		die("gate --format: text, checkpatch, json, sarif or b4");
	if (opts->positional.n < 2)
		die("gate takes KDIR and at least one PATCH, DIR, MBOX or BASE..TIP");
	if (opts->matrix || opts->build_dir || opts->compdb_dir)
		die("gate makes its own builds: not with --matrix, --build or -p");
}

int cmd_gate(int argc, char **argv)
{
	struct strv patches = { 0 }, inputs = { 0 };
	struct step *steps;
	struct gate_report report;
	const struct arch *arch;
	struct options opts;
	struct tree tree;
	struct gate g;
	char *tree_dir;
	int failed;

	options_defaults(&opts);
	options_parse(&opts, argc, argv, NULL);
	check_options(&opts);
	arch = load_arch(&opts);
	tree_open(&tree, opts.positional.v[0], arch);
	if (opts.html_dir)
		mkdir_p(opts.html_dir);
	for (int i = 1; i < opts.positional.n; i++)
		strv_push(&inputs, opts.positional.v[i]);
	gate_start(&g, &opts);

	collect(&g, &patches, tree.kdir, &inputs);
	/* Refuse bad input before any copy or build is made. */
	for (int i = 0; i < patches.n; i++)
		patch_check(patches.v[i], g.scratch, opts.trust);
	tree_dir = copy_tree(&g, tree.kdir);

	/* Nothing to undo when TIP and BASE hold the same content. */
	if (g.to_base) {
		char *undo = read_file(g.to_base, NULL);

		if (undo && undo[0])
			apply_patch(&g, g.to_base, tree_dir);
		free(undo);
	}
	steps = xcalloc(patches.n + 1, sizeof(*steps));
	gate_report_init(&report, opts.format, opts.terse, patches.n);
	for (int i = 0; i <= patches.n; i++) {
		const char *name = i ? patches.v[i - 1] : NULL;
		char *subject = NULL, context[32];

		snprintf(context, sizeof(context), "patch %d/%d", i, patches.n);
		progress_context(context);
		if (i) {
			progress("applying %s", base_name(name));
			patch_check(name, tree_dir, opts.trust);
			apply_patch(&g, name, tree_dir);
			subject = subject_of(&g, name);
			progress("checking %s", base_name(name));
		} else {
			progress("checking the base tree");
		}
		check_step(&opts, arch, tree_dir, name, &steps[i]);
		progress_done();
		if (i)
			gate_report_patch(&report, base_name(name), subject,
					  &steps[i - 1].session.findings,
					  &steps[i].session.findings,
					  &steps[i - 1].run->layout,
					  &steps[i].run->layout, tree_dir);
		if (i && opts.html_dir)
			gate_html_page(opts.html_dir,
				       &report.patches[report.n - 1],
				       patches.n);
		free(subject);
	}
	progress_context(NULL);
	if (opts.html_dir)
		gate_html_index(opts.html_dir, &report,
				steps[patches.n].run->layout.config);
	gate_report_finish(&report, steps[patches.n].run->layout.config,
			   tree.kdir);
	failed = gate_report_failed(&report);
	gate_report_free(&report);
	for (int i = 0; i <= patches.n; i++)
		step_free(&steps[i]);
	free(steps);
	free(tree_dir);
	tree_pool_release(&g.pool);
	free(g.scratch);
	free(g.to_base);
	tree_free(&tree);
	strv_free(&patches);
	strv_free(&inputs);
	options_free(&opts);
	return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

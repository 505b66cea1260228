// SPDX-License-Identifier: GPL-2.0
/*
 * ptecheck gate: apply a series in order to a scratch copy of KDIR, check
 * after each patch, and report what each one introduces and fixes, and
 * which bits it takes or frees. KDIR itself is never written.
 *
 * Patches come as files, a directory of them, an mbox (split by git
 * mailsplit) or a BASE..TIP range of a git KDIR (git format-patch). They
 * are applied with git apply. Each step's findings come from a child
 * `ptecheck check`, so that every step starts from a clean process; the
 * layout of each step is built here, with no rule registered.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "patch_check.h"
#include "report.h"

struct gate_finding {
	char *rule, *file, *message;
	unsigned int line, column;
	bool error;
};

struct step {
	struct gate_finding *v;
	int n;
};

static char *scratch;
/* For BASE..TIP: the diff that takes the copied tree back to BASE. */
static char *to_base;

static void drop_scratch(void)
{
	if (scratch)
		remove_tree(scratch);
	free(scratch);
	scratch = NULL;
}

static void on_signal(int sig)
{
	stop_and_remove(scratch);
	signal(sig, SIG_DFL);
	raise(sig);
}

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

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory: its patches in name order, without the cover letter. */
static void add_dir(struct strv *patches, const char *dir)
{
	char *list = xasprintf("%s/ls.out", scratch), *err, *text, *p, *next;
	struct strv names = { 0 };

	err = xasprintf("%s/ls.err", scratch);
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
	qsort(names.v, names.n, sizeof(char *), cmp_str);
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
static void add_mbox(struct strv *patches, const char *mbox, int nr)
{
	char *dir = xasprintf("%s/mbox-%d", scratch, nr);
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

		if (patch_has_diff(mail, scratch))
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
}

/*
 * BASE..TIP of a git KDIR, as git format-patch writes it. The copy of KDIR
 * is taken back to BASE with git apply of the TIP..BASE diff: git apply
 * replaces the files it changes, where a checkout could write through the
 * hard links into KDIR.
 */
static void add_range(struct strv *patches, const char *kdir, const char *range)
{
	char *dir = xasprintf("%s/range", scratch);
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
	to_base = xasprintf("%s/to-base.diff", scratch);
	if (run_words(NULL, to_base, err, "git", "-C", kdir, "diff", "--binary",
		      tip, base, NULL))
		die("%s: git diff cannot compare %s with %s", range, tip, base);
	add_dir(patches, dir);
	free(base);
}

static void collect(struct strv *patches, const char *kdir,
		    const struct strv *inputs)
{
	for (int i = 0; i < inputs->n; i++) {
		const char *in = inputs->v[i];
		struct stat st;
		char *line;

		if (!strcmp(in, "-")) {
			char *copy = xasprintf("%s/stdin.patch", scratch);
			char *text = read_file("/dev/stdin", NULL);
			FILE *f = fopen(copy, "w");

			if (!text || !f || fputs(text, f) < 0 || fclose(f))
				die("cannot read the patch from standard input");
			free(text);
			in = copy;
		}
		if (is_dir(in)) {
			add_dir(patches, in);
			continue;
		}
		if (!is_file(in)) {
			if (strstr(in, ".."))
				add_range(patches, kdir, in);
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
			add_mbox(patches, in, i);
		else
			add_file(patches, in);
		free(line);
	}
}

static void apply_patch(const char *patch, const char *tree)
{
	char *out = xasprintf("%s/apply.out", scratch);
	char *err = xasprintf("%s/apply.err", scratch);

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

static void load_findings(const char *path, struct step *step)
{
	char *text = read_file(path, NULL), *line, *next;

	for (line = text; line && *line; line = next) {
		struct gate_finding *f;
		char *field[5];
		int n = 0;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		field[n++] = line;
		for (char *p = line; *p && n < 5; p++) {
			if (*p == '\t') {
				*p = '\0';
				field[n++] = p + 1;
			}
		}
		if (n != 5 || atoi(field[0]) < 0 || atoi(field[0]) >= NR_RULES)
			continue;
		step->v = xrealloc(step->v, (step->n + 1) * sizeof(*step->v));
		f = &step->v[step->n++];
		f->rule = xstrdup(rules[atoi(field[0])].name);
		f->error = rules[atoi(field[0])].severity == SEV_ERROR;
		f->line = atoi(field[1]);
		f->column = atoi(field[2]);
		f->file = xstrdup(field[3]);
		f->message = xstrdup(field[4]);
	}
	free(text);
}

/* The findings of the scratch tree now, from a child ptecheck. */
static void check_step(const struct options *opts, const char *self,
		       const char *tree, struct step *step)
{
	char *out = xasprintf("%s/check.out", scratch);
	char *err = xasprintf("%s/check.err", scratch);
	struct strv argv = { 0 };
	int status;

	strv_push(&argv, self);
	strv_push(&argv, "check");
	strv_push(&argv, "--format=serial");
	strv_push(&argv, "--fail-on=never");
	strv_pushf(&argv, "--arch=%s", opts->arch);
	if (opts->arch_data)
		strv_pushf(&argv, "--arch-data=%s", opts->arch_data);
	if (opts->config)
		strv_pushf(&argv, "--config=%s", opts->config);
	strv_push(&argv, tree);
	status = run_to(argv.v, NULL, out, err);
	if (status) {
		char *why = first_line(err);

		die("checking the tree failed (%s)", why);
	}
	load_findings(out, step);
	strv_free(&argv);
	free(out);
	free(err);
}

static bool same(const struct gate_finding *a, const struct gate_finding *b)
{
	return !strcmp(a->rule, b->rule) && !strcmp(a->file, b->file) &&
	       !strcmp(a->message, b->message);
}

/* The findings of @in that @of does not match, one for one. */
static int difference(const struct step *in, const struct step *of,
		      const struct gate_finding **out)
{
	bool *used = xcalloc(of->n + 1, sizeof(*used));
	int n = 0;

	for (int i = 0; i < in->n; i++) {
		bool matched = false;

		for (int j = 0; j < of->n && !matched; j++) {
			if (!used[j] && same(&in->v[i], &of->v[j])) {
				used[j] = true;
				matched = true;
			}
		}
		if (!matched)
			out[n++] = &in->v[i];
	}
	free(used);
	return n;
}

static void print_finding(FILE *out, const struct gate_finding *f,
			  enum format format)
{
	const char *level = "note";
	int id = rule_lookup(f->rule);

	if (id >= 0)
		level = severity_name(rules[id].severity);
	if (format == FORMAT_CHECKPATCH)
		fprintf(out, "%s:%s: %s\n#%u: FILE: %s:%u:\n\n",
			!strcmp(level, "error")	  ? "ERROR" :
			!strcmp(level, "warning") ? "WARNING" :
						    "CHECK",
			f->rule, f->message, f->line, f->file, f->line);
	else
		fprintf(out, "    %s:%u:%u: %s: %s [%s]\n", f->file, f->line,
			f->column, level, f->message, f->rule);
}

static void indent(FILE *out, const char *text)
{
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");

		fprintf(out, "    %.*s\n", (int)n, p);
		p += n + (p[n] == '\n');
	}
}

static bool report_step(const char *name, int nr, int total,
			const struct step *before, const struct step *after,
			const struct layout *was, const struct layout *now,
			enum format format)
{
	const struct gate_finding **added, **fixed;
	int nr_added, nr_fixed, errors = 0;
	char *diff = NULL;
	size_t len = 0;
	FILE *mem;

	added = xcalloc(after->n + 1, sizeof(*added));
	fixed = xcalloc(before->n + 1, sizeof(*fixed));
	nr_added = difference(after, before, added);
	nr_fixed = difference(before, after, fixed);
	for (int i = 0; i < nr_added; i++)
		errors += added[i]->error;
	mem = open_memstream(&diff, &len);
	layout_print_diff(mem, was, now, false);
	fclose(mem);

	if (format == FORMAT_CHECKPATCH) {
		for (int i = 0; i < nr_added; i++)
			print_finding(stdout, added[i], format);
		printf("total: %d errors, %d warnings, 0 lines checked\n\n%s %s.\n",
		       errors, nr_added - errors, name,
		       errors ?
			       "has style problems, please review" :
			       "has no obvious style problems and is ready for submission");
	} else {
		printf("[%d/%d] %s\n", nr, total, name);
		printf("  introduces:%s\n", nr_added ? "" : " nothing");
		for (int i = 0; i < nr_added; i++)
			print_finding(stdout, added[i], format);
		printf("  fixes:%s\n", nr_fixed ? "" : " nothing");
		for (int i = 0; i < nr_fixed; i++)
			print_finding(stdout, fixed[i], format);
		printf("  layout:\n");
		indent(stdout, diff);
		printf("  verdict: %s\n", errors ? "FAIL" : "pass");
	}
	free(diff);
	free(added);
	free(fixed);
	return errors > 0;
}

int cmd_gate(int argc, char **argv)
{
	struct strv patches = { 0 }, inputs = { 0 };
	struct step *steps;
	struct layout *layouts;
	const struct arch *arch;
	struct options opts;
	struct tree tree, copy;
	struct session session;
	char self[PATH_MAX], *tree_dir, *cmd_out, *cmd_err;
	int failed = 0;
	ssize_t n;

	options_defaults(&opts);
	options_parse(&opts, argc, argv, NULL);
	if (opts.format == FORMAT_GCC)
		opts.format = FORMAT_TEXT;
	if (opts.format != FORMAT_TEXT && opts.format != FORMAT_CHECKPATCH)
		die("gate --format: text or checkpatch");
	if (opts.positional.n < 2)
		die("gate takes KDIR and at least one PATCH, DIR, MBOX or BASE..TIP");
	if (opts.matrix || opts.build_dir || opts.compdb_dir)
		die("gate makes its own builds: not with --matrix, --build or -p");
	arch = load_arch(&opts);
	tree_open(&tree, opts.positional.v[0], arch);
	for (int i = 1; i < opts.positional.n; i++)
		strv_push(&inputs, opts.positional.v[i]);
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		die("cannot find the ptecheck binary");
	self[n] = '\0';

	scratch = xasprintf("%s/gate/%d", cache_dir(), (int)getpid());
	remove_tree(scratch);
	if (run_words(NULL, "/dev/null", "/dev/null", "mkdir", "-p", scratch,
		      NULL))
		die("%s: cannot create", scratch);
	atexit(drop_scratch);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	/* Builds of the scratch tree live and die with it. */
	cmd_out = xasprintf("%s/cache", scratch);
	setenv("PTECHECK_CACHE", cmd_out, 1);
	free(cmd_out);

	collect(&patches, tree.kdir, &inputs);
	/* Refuse bad input before any copy or build is made. */
	for (int i = 0; i < patches.n; i++)
		patch_check(patches.v[i], scratch, opts.trust);
	/* The scratch tree: hard links (git apply replaces what it edits). */
	tree_dir = xasprintf("%s/tree", scratch);
	cmd_out = xasprintf("%s/cp.out", scratch);
	cmd_err = xasprintf("%s/cp.err", scratch);
	progress("copying %s", tree.kdir);
	if (run_words(NULL, cmd_out, cmd_err, "cp", "-al", tree.kdir, tree_dir,
		      NULL)) {
		/* Another file system: a real copy. */
		remove_tree(tree_dir);
		if (run_words(NULL, cmd_out, cmd_err, "cp", "-a", tree.kdir,
			      tree_dir, NULL))
			die("%s: cannot copy to %s", tree.kdir, tree_dir);
	}

	/* Nothing to undo when TIP and BASE hold the same content. */
	if (to_base && read_file(to_base, NULL)[0])
		apply_patch(to_base, tree_dir);
	/* The layouts only: each step's findings come from a child. */
	memset(&session, 0, sizeof(session));
	session.opts = opts;
	session.arch = arch;
	engine_init(&session.engine, &session.findings,
		    (bool[NR_RULES]){ false });
	steps = xcalloc(patches.n + 1, sizeof(*steps));
	layouts = xcalloc(patches.n + 1, sizeof(*layouts));
	for (int i = 0; i <= patches.n; i++) {
		struct config_run *run = xcalloc(1, sizeof(*run));
		const char *name = i ? patches.v[i - 1] : NULL;

		if (i) {
			progress("applying %s", name);
			if (patch_check(name, tree_dir, opts.trust))
				setenv("PTECHECK_BUILD_SALT",
				       xasprintf("%d", i), 1);
			apply_patch(name, tree_dir);
		}
		progress("checking %s", i ? name : "the base tree");
		tree_open(&copy, tree_dir, arch);
		check_step(&opts, self, tree_dir, &steps[i]);
		if (!run_probe(&session, &copy, NULL, run))
			die("the base configuration cannot be prepared");
		layouts[i] = run->layout;
		progress_done();
		if (i)
			failed += report_step(strrchr(name, '/') ?
						      strrchr(name, '/') + 1 :
						      name,
					      i, patches.n, &steps[i - 1],
					      &steps[i], &layouts[i - 1],
					      &layouts[i], opts.format);
	}
	if (opts.format == FORMAT_TEXT)
		printf("gate: %d patches, %d introduce errors; config: %s\n",
		       patches.n, failed, layouts[patches.n].config);
	return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Tree mode and -p mode: parse the arch headers once (the probe), learn
 * from the rules which names can lead to a finding, then parse only the
 * sources in scope that mention one, a few at a time.
 */
#include <clang-c/CXCompilationDatabase.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "engine.h"
#include "flags.h"
#include "helpers.h"
#include "layout_html.h"
#include "options.h"
#include "report.h"
#include "patch_lines.h"
#include "result_cache.h"
#include "tree.h"

struct source {
	char *file; /* absolute */
	struct strv *flags;
	bool own_flags; /* not a compilation database's, which it frees */
	char *dir; /* where its relative paths start */
};

static void add_source(struct sources *s, const char *file, struct strv *flags,
		       const char *dir)
{
	if (s->n == s->alloc) {
		s->alloc = s->alloc ? s->alloc * 2 : 64;
		s->v = xrealloc(s->v, s->alloc * sizeof(*s->v));
	}
	s->v[s->n].file = xstrdup(file);
	s->v[s->n].flags = flags;
	s->v[s->n].own_flags = false;
	s->v[s->n].dir = xstrdup(dir);
	s->n++;
}

static void source_free(struct source *src)
{
	free(src->file);
	free(src->dir);
	if (src->own_flags) {
		strv_free(src->flags);
		free(src->flags);
	}
}

static bool is_ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Does the text of @file use one of @names as an identifier? */
static bool mentions(const char *file, const struct strv *names)
{
	char *text = read_file(file, NULL);
	bool found = false;

	if (!text)
		return true; /* let the parse say why it cannot be read */
	for (int i = 0; i < names->n && !found; i++) {
		size_t len = strlen(names->v[i]);

		for (char *p = text; (p = strstr(p, names->v[i])); p += len) {
			if ((p == text || !is_ident_char(p[-1])) &&
			    !is_ident_char(p[len])) {
				found = true;
				break;
			}
		}
	}
	free(text);
	return found;
}

static void list_c_files(const char *dir, struct strv *out)
{
	struct strv entries = { 0 };
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			strv_push(&entries, de->d_name);
	closedir(d);
	strv_sort(&entries);
	for (int i = 0; i < entries.n; i++) {
		char *path = xasprintf("%s/%s", dir, entries.v[i]);

		if (is_dir(path))
			list_c_files(path, out);
		else if (ends_with(path, ".c"))
			strv_push(out, path);
		free(path);
	}
	strv_free(&entries);
}

/* Every core mm source of the tree, built or not. */
static void list_every_core_mm(const char *kdir, struct strv *out)
{
	char *mm = xasprintf("%s/mm", kdir);
	char *task_mmu = xasprintf("%s/fs/proc/task_mmu.c", kdir);
	struct strv files = { 0 };

	list_c_files(mm, &files);
	for (int i = 0; i < files.n; i++)
		if (is_core_mm_source(path_under(files.v[i], kdir)))
			strv_push(out, files.v[i]);
	if (is_file(task_mmu))
		strv_push(out, task_mmu);
	strv_free(&files);
	free(mm);
	free(task_mmu);
}

/*
 * The core mm sources that @run's configuration builds, for the rules
 * that look there: Kbuild says which (a file the configuration leaves out,
 * huge_memory.c without THP, does not compile under it). When it cannot
 * say, every one in the tree, with a warning.
 */
static void list_core_mm(struct session *s, struct config_run *run,
			 struct strv *out)
{
	static const char *const dirs[] = { "mm", "fs/proc" };
	const char *kdir = s->tree.kdir;
	struct strv objs = { 0 };
	bool ok = true;

	for (size_t d = 0; d < ARRAY_SIZE(dirs) && ok; d++) {
		/* An edit of a Makefile on the way may build another file. */
		const char *end = dirs[d];

		do {
			char *makefile;

			end = strchrnul(end + 1, '/');
			makefile = xasprintf("%s/%.*s/Makefile", kdir,
					     (int)(end - dirs[d]), dirs[d]);
			result_note_path(makefile, s->deps);
			free(makefile);
		} while (*end);
		ok = build_objects(&run->build, &s->tree, s->arch, dirs[d],
				   &objs);
	}
	if (!ok) {
		warn("%s: Kbuild does not say which mm/ files it builds; checking every one",
		     run->build.dir);
		result_note_warning(s->deps);
		strv_free(&objs);
		list_every_core_mm(kdir, out);
		return;
	}
	for (int i = 0; i < objs.n; i++) {
		char *src;

		if (!ends_with(objs.v[i], ".o"))
			continue;
		src = xasprintf("%s/%.*sc", kdir, (int)strlen(objs.v[i]) - 1,
				objs.v[i]);
		if (is_core_mm_source(path_under(src, kdir)) && is_file(src))
			strv_push(out, src);
		free(src);
	}
	strv_free(&objs);
}

/* Source @nr of @srcs: the progress line counts them. */
static bool check_one(struct session *s, CXIndex index,
		      const struct sources *srcs, int nr)
{
	const struct source *src = &srcs->v[nr];
	const struct arch *arch = s->arch;
	const char *kdir = s->tree.kdir;
	char *why = NULL, *probe = model_probe_text(arch);
	struct unit unit;
	struct tu *tu;

	if (chdir(src->dir))
		die("%s: cannot enter: %s", src->dir, strerror(errno));
	progress("parsing %d/%d TUs: %s", nr + 1, srcs->n,
		 path_under(src->file, kdir) ?: src->file);
	tu = tu_parse(index, src->file, src->flags, NULL, probe, true, &why);
	free(probe);
	if (!tu) {
		warn("%s; not checked", why);
		result_note_warning(s->deps);
		free(why);
		return false;
	}
	if (tu->errors) {
		warn("%s: does not compile (%d errors, first: %s); checked what parsed",
		     path_under(src->file, kdir) ?: src->file, tu->errors,
		     tu->first_error);
		result_note_warning(s->deps);
	}
	result_note_files(tu->cx, s->deps);
	unit_init(&unit, &s->engine, tu, arch, kdir);
	unit_walk(&unit);
	unit_free(&unit);
	tu_free(tu);
	return true;
}

/* A worker's notes of the files it read, and whether it warned. */
static void copy_notes(FILE *from, FILE *deps, bool ok)
{
	char *line = NULL;
	size_t n = 0;

	if (!deps)
		return;
	if (!ok)
		result_note_warning(deps);
	rewind(from);
	while (getline(&line, &n, from) > 0)
		if (!isdigit((unsigned char)line[0]))
			fputs(line, deps);
	free(line);
}

/*
 * Each worker takes every jobs-th source and hands its findings back in a
 * temporary file; libclang state is never shared across a fork.
 */
static bool check_sources(struct session *s, const struct sources *srcs)
{
	int jobs = s->opts.jobs;
	FILE *out[256];
	pid_t pid[256];
	bool ok = true;

	if (jobs > srcs->n)
		jobs = srcs->n;
	if (jobs <= 1) {
		CXIndex index = clang_createIndex(0, 0);

		for (int i = 0; i < srcs->n; i++)
			ok &= check_one(s, index, srcs, i);
		clang_disposeIndex(index);
		return ok;
	}
	fflush(NULL);
	for (int k = 0; k < jobs; k++) {
		out[k] = tmpfile();
		if (!out[k])
			die("cannot create a temporary file: %s",
			    strerror(errno));
		pid[k] = fork();
		if (pid[k] < 0)
			die("fork: %s", strerror(errno));
		if (pid[k] == 0) {
			/*
			 * A worker starts empty: a site an earlier
			 * configuration found must come back too.
			 */
			struct findings mine = { 0 };
			CXIndex index = clang_createIndex(0, 0);
			bool all = true;

			/* A kill of the run (not Ctrl-C's group) ends it too. */
			prctl(PR_SET_PDEATHSIG, SIGTERM);
			findings_set_config(&mine, s->engine.findings->config);
			s->engine.findings = &mine;
			/* The files it read go back with its findings. */
			if (s->deps)
				s->deps = out[k];
			for (int i = k; i < srcs->n; i += jobs)
				all &= check_one(s, index, srcs, i);
			report_serialize(&mine, out[k], 0);
			fflush(out[k]);
			_exit(all ? 0 : EXIT_INPUT);
		}
	}
	for (int k = 0; k < jobs; k++) {
		int status;

		while (waitpid(pid[k], &status, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(status)) {
			warn("a worker stopped on signal %d; its files are not checked",
			     WTERMSIG(status));
			ok = false;
		} else if (WEXITSTATUS(status)) {
			ok = false;
		}
		rewind(out[k]);
		report_deserialize(s->engine.findings, out[k]);
		copy_notes(out[k], s->deps, ok);
		fclose(out[k]);
	}
	return ok;
}

/* compile_commands.json, read through libclang's compilation database. */
static const struct strv *load_compdb(const char *dir, const char *scope,
				      const char *kdir, bool core,
				      struct sources *srcs,
				      struct strv **all_flags, int *nr_flags)
{
	CXCompilationDatabase_Error err;
	CXCompilationDatabase db;
	CXCompileCommands cmds;
	const struct strv *first = NULL;
	unsigned int n;
	char *json = xasprintf("%s/compile_commands.json", dir);

	if (!is_file(json))
		die("%s: no such file", json);
	db = clang_CompilationDatabase_fromDirectory(dir, &err);
	if (err != CXCompilationDatabase_NoError || !db)
		die("%s: cannot be loaded as a compilation database", json);
	cmds = clang_CompilationDatabase_getAllCompileCommands(db);
	n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
	if (!n)
		die("%s: no compile commands", json);
	*all_flags = xcalloc(n, sizeof(**all_flags));
	for (unsigned int i = 0; i < n; i++) {
		CXCompileCommand cmd =
			clang_CompileCommands_getCommand(cmds, i);
		unsigned int nargs = clang_CompileCommand_getNumArgs(cmd);
		CXString file = clang_CompileCommand_getFilename(cmd);
		CXString cdir = clang_CompileCommand_getDirectory(cmd);
		struct strv args = { 0 };
		char real[PATH_MAX], *path;

		for (unsigned int a = 0; a < nargs; a++) {
			CXString s = clang_CompileCommand_getArg(cmd, a);

			strv_push(&args, clang_getCString(s));
			clang_disposeString(s);
		}
		/* args.v[0] is the compiler: a cross gcc's flags are translated. */
		if (args.n)
			flags_for_compiler(args.v[0], args.v + 1, args.n - 1,
					   &(*all_flags)[i], NULL);
		strv_free(&args);
		path = clang_getCString(file)[0] == '/' ?
			       xstrdup(clang_getCString(file)) :
			       xasprintf("%s/%s", clang_getCString(cdir),
					 clang_getCString(file));
		if (realpath(path, real) && ends_with(real, ".c") &&
		    (path_under(real, scope) ||
		     (core && path_under(real, kdir) &&
		      is_core_mm_source(path_under(real, kdir))))) {
			add_source(srcs, real, &(*all_flags)[i],
				   clang_getCString(cdir));
			if (!first)
				first = &(*all_flags)[i];
		}
		free(path);
		clang_disposeString(file);
		clang_disposeString(cdir);
	}
	*nr_flags = n;
	clang_CompileCommands_dispose(cmds);
	clang_CompilationDatabase_dispose(db);
	free(json);
	if (!first)
		die("%s: no source under %s", dir, scope);
	return first;
}

static char *kdir_of_build(const char *build_dir)
{
	char *link = xasprintf("%s/source", build_dir);
	char real[PATH_MAX];

	if (!realpath(link, real))
		die("%s: no 'source' link to the kernel tree; give KDIR",
		    build_dir);
	free(link);
	return xstrdup(real);
}

/* The header probe: every inline helper the arch's headers define. */
static struct tu *parse_probe(const struct arch *arch, const char *dir,
			      const struct strv *flags, const char *kdir,
			      const char *helper, bool what_if)
{
	char *text = xstrdup(""), *next, *why = NULL, *probe, *file, *wrappers;
	CXIndex index = clang_createIndex(0, 0);
	struct tu *tu;

	for (int i = 0; i < arch->includes.n; i++) {
		next = xasprintf("%s#include <%s>\n", text,
				 arch->includes.v[i]);
		free(text);
		text = next;
	}
	next = model_probe_text(arch);
	wrappers = helpers_probe_text(arch, helper);
	probe = xasprintf("%s%s", next, wrappers);
	free(next);
	free(wrappers);
	file = xasprintf("%s/ptecheck-probe.c", dir);
	progress("parsing the %s headers", arch->name);
	tu = tu_parse(index, file, flags, text, probe, true, &why);
	if (!tu)
		die("the %s headers cannot be parsed: %s", arch->name, why);
	tu->own_index = index;
	/* A feature never built may not compile: the rule says so. */
	if (tu->errors && !what_if) {
		/* Relative to KDIR: the gate's scratch tree is gone by then. */
		const char *first = tu->first_error;
		size_t n = strlen(kdir);

		if (!strncmp(first, kdir, n) && first[n] == '/')
			first += n + 1;
		warn("the %s headers do not compile (%d errors, first: %s); checked what parsed",
		     arch->name, tu->errors, first);
	}
	free(text);
	free(probe);
	free(file);
	return tu;
}

const struct arch *load_arch(const struct options *opts)
{
	/* Kept for the process's life, like the built-in arches. */
	static const struct arch *from_file;
	const struct arch *arch;
	char *text;

	if (!opts->arch_data) {
		arch = arch_lookup(opts->arch);
		if (!arch)
			die("unknown --arch '%s' (known: %s)", opts->arch,
			    arch_names());
		return arch;
	}
	text = read_file(opts->arch_data, NULL);
	if (!text)
		die("%s: cannot read: %s", opts->arch_data, strerror(errno));
	arch = arch_parse(text, opts->arch_data);
	free(text);
	from_file = arch;
	return from_file;
}

/*
 * The first step of every entry point: prepare (or open) the build of one
 * configuration and the flags its TUs are parsed with, and enter it.
 */
static bool open_config(struct session *s, const struct tree *tree,
			const struct matrix_def *matrix, struct config_run *run)
{
	const struct options *opts = &s->opts;
	const struct arch *arch = s->arch;

	if (opts->compdb_dir) {
		char *scope = xasprintf("%s/arch/%s", tree->kdir, arch->name);

		build_open(&run->build, arch, opts->compdb_dir, NULL);
		run->probe_flags = load_compdb(run->build.dir, scope,
					       tree->kdir,
					       s->engine.nr_core_function_hooks,
					       &run->srcs, &run->compdb_flags,
					       &run->nr_compdb_flags);
		free(scope);
	} else {
		char *cmd;

		if (!build_prepare(&run->build, tree, arch, opts->config,
				   opts->build_dir, matrix, opts->cache_dir))
			return false;
		cmd = xasprintf("%s/%s", run->build.dir, arch->flags_cmd);
		if (!flags_from_cmd_file(cmd, &run->template))
			die("%s: no compiler command line in it", cmd);
		free(cmd);
		/* A build shared with another tree names that tree. */
		if (run->build.source && strcmp(run->build.source, tree->kdir))
			flags_rebase(&run->template, run->build.source,
				     tree->kdir);
		run->probe_flags = &run->template;
	}
	if (chdir(run->build.dir))
		die("%s: cannot enter: %s", run->build.dir, strerror(errno));
	return true;
}

/* What parse_probe() needs to parse the probe again. */
struct probe_args {
	const struct arch *arch;
	const char *dir;
	const struct strv *flags;
	const char *kdir;
};

static struct tu *reparse_probe(const void *data, const struct strv *defines)
{
	const struct probe_args *a = data;
	struct strv flags = { 0 };
	struct tu *tu;

	for (int i = 0; i < a->flags->n; i++)
		strv_push(&flags, a->flags->v[i]);
	for (int i = 0; i < defines->n; i++)
		strv_pushf(&flags, "-D%s", defines->v[i]);
	tu = parse_probe(a->arch, a->dir, &flags, a->kdir, NULL, true);
	strv_free(&flags);
	return tu;
}

/*
 * Prepare (or open) the build of one configuration, parse the header
 * probe under it, build its layout and run the layout and call hooks on
 * the headers.
 */
static void probe_config(struct session *s, const struct tree *tree,
			 struct config_run *run)
{
	const struct options *opts = &s->opts;
	const struct arch *arch = s->arch;
	struct probe_args args = { arch, run->build.dir, run->probe_flags,
				   tree->kdir };
	struct unit unit;
	struct tu *probe;

	probe = parse_probe(arch, run->build.dir, run->probe_flags, tree->kdir,
			    opts->helper, false);
	if (probe->errors)
		result_note_warning(s->deps);
	result_note_files(probe->cx, s->deps);
	unit_init(&unit, &s->engine, probe, arch, tree->kdir);
	unit.kconfig = run->build.kconfig;
	unit.reparse = reparse_probe;
	unit.reparse_data = &args;
	unit_layout(&unit, &run->layout);
	run->layout.arch = arch->name;
	run->layout.config = run->build.label;
	run->layout.kdir = tree->kdir;
	unit_walk(&unit);
	unit_names(&unit, &run->names);
	unit_core_names(&unit, &run->core_names);
	unit_free(&unit);
	tu_free(probe);
}

bool run_probe(struct session *s, const struct tree *tree,
	       const struct matrix_def *matrix, struct config_run *run)
{
	if (!open_config(s, tree, matrix, run))
		return false;
	engine_set_config(&s->engine, matrix ? matrix->name : run->build.label);
	probe_config(s, tree, run);
	return true;
}

/* The sources of one configuration that can hold a finding, checked. */
static bool check_files(struct session *s, struct config_run *run,
			int *files_checked)
{
	const struct options *opts = &s->opts;
	const struct arch *arch = s->arch;
	const struct tree *tree = &s->tree;
	struct sources *srcs = &run->srcs;

	if (!opts->compdb_dir) {
		char *scope = xasprintf("%s/arch/%s", tree->kdir, arch->name);
		struct strv files = { 0 };

		list_c_files(scope, &files);
		if (s->engine.nr_core_function_hooks)
			list_core_mm(s, run, &files);
		for (int i = 0; i < files.n; i++) {
			struct strv *flags = xcalloc(1, sizeof(*flags));

			/* An edit may make a skipped file worth parsing. */
			result_note_path(files.v[i], s->deps);

			flags_for_object(&run->template, files.v[i], flags);
			add_source(srcs, files.v[i], flags, run->build.dir);
			srcs->v[srcs->n - 1].own_flags = true;
		}
		strv_free(&files);
		free(scope);
	}
	/* Keep only what can hold a finding, unless asked for all. */
	if (!opts->all_files) {
		int kept = 0;

		for (int i = 0; i < srcs->n; i++) {
			const char *rel =
				path_under(srcs->v[i].file, tree->kdir);
			bool core = rel && is_core_mm_source(rel);

			if (mentions(srcs->v[i].file,
				     core ? &run->core_names : &run->names))
				srcs->v[kept++] = srcs->v[i];
			else
				source_free(&srcs->v[i]);
		}
		srcs->n = kept;
	}
	*files_checked += 1 + srcs->n;
	return check_sources(s, srcs);
}

void session_init_rules(struct session *s)
{
	engine_init(&s->engine, &s->findings, s->opts.enabled);
	if (s->opts.added_by) {
		char *diff = read_file(s->opts.added_by, NULL);

		if (!diff)
			die("%s: cannot read", s->opts.added_by);
		patch_added_lines(diff, &s->engine.added);
		free(diff);
	}
}

void session_free(struct session *s)
{
	engine_free(&s->engine);
	findings_free(&s->findings);
	options_free(&s->opts);
}

static const struct arch *start(struct session *s, int argc, char **argv,
				const char *cmd)
{
	struct options *opts = &s->opts;
	struct tree *tree = &s->tree;
	const struct arch *arch;

	memset(s, 0, sizeof(*s));
	options_defaults(opts);
	options_parse(opts, argc, argv, NULL);
	arch = load_arch(opts);
	if (opts->positional.n > 1)
		die("%s takes one KDIR (got %d arguments)", cmd,
		    opts->positional.n);
	if (!opts->positional.n && !opts->compdb_dir)
		die("%s needs KDIR (see 'ptecheck --help')", cmd);
	if (opts->matrix &&
	    (opts->config || opts->build_dir || opts->compdb_dir))
		die("--matrix makes its own builds: not with --config, --build or -p");
	if (opts->matrix && !arch->nr_matrix)
		die("the %s arch data has no matrix", arch->name);
	if (opts->positional.n) {
		tree_open(tree, opts->positional.v[0], arch);
	} else {
		char *kdir = kdir_of_build(opts->compdb_dir);

		tree_open(tree, kdir, arch);
		free(kdir);
	}
	s->arch = arch;
	return arch;
}

static const char *absolute(const char *path)
{
	char cwd[PATH_MAX];

	if (!path || path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return path;
	return xasprintf("%s/%s", cwd, path);
}

void config_run_free(struct config_run *run)
{
	for (int i = 0; i < run->srcs.n; i++)
		source_free(&run->srcs.v[i]);
	free(run->srcs.v);
	/* -p: every command's flags, which the sources pointed into. */
	for (int i = 0; i < run->nr_compdb_flags; i++)
		strv_free(&run->compdb_flags[i]);
	free(run->compdb_flags);
	strv_free(&run->template);
	strv_free(&run->names);
	strv_free(&run->core_names);
	layout_free(&run->layout);
	build_free(&run->build);
	free(run);
}

/*
 * What one configuration's findings in tree mode depend on besides the
 * files its parses read and ptecheck itself: arch data and rules, the tree,
 * the build, and which sources the arch holds.
 */
static char *check_key(const struct session *s, const struct config_run *run)
{
	char *scope = xasprintf("%s/arch/%s", s->tree.kdir, s->arch->name);
	char *arch_data =
		s->opts.arch_data ? read_file(s->opts.arch_data, NULL) : NULL;
	/*
	 * Not the tree's path: a copy of it shares the entry (see
	 * result_cache.h), its sources named relative to it.
	 */
	char *key = xasprintf("%s\n%s\n%s\n%s\n%d\n", s->tree.version,
			      run->build.dir, s->arch->name, arch_data ?: "-",
			      s->opts.all_files);
	struct strv files = { 0 };
	uint64_t added = FNV1A_INIT, sources = FNV1A_INIT;
	char *next;

	for (int i = 0; i < NR_RULES; i++) {
		next = xasprintf("%s%d", key, s->opts.enabled[i]);
		free(key);
		key = next;
	}
	/*
	 * Which definitions are new decides where an overlap is reported;
	 * the arch's sources, which are worth parsing. Both hashed: a patch
	 * may add 10^5 lines, an arch has hundreds of sources.
	 */
	for (int i = 0; i < s->engine.added.n; i++)
		added = fnv1a(added, s->engine.added.v[i],
			      strlen(s->engine.added.v[i]) + 1);
	list_c_files(scope, &files);
	for (int i = 0; i < files.n; i++) {
		const char *rel = files.v[i] + strlen(s->tree.kdir) + 1;

		sources = fnv1a(sources, rel, strlen(rel) + 1);
	}
	next = xasprintf("%s\nadded=%016llx\nsources=%016llx", key,
			 (unsigned long long)added,
			 (unsigned long long)sources);
	free(key);
	key = next;
	strv_free(&files);
	free(arch_data);
	free(scope);
	return key;
}

/* Add @from's findings to @to, in @to's configuration. */
static void merge_findings(struct findings *to, const struct findings *from)
{
	FILE *f = tmpfile();

	if (!f)
		die("cannot create a temporary file: %s", strerror(errno));
	report_serialize(from, f, 0);
	rewind(f);
	report_deserialize(to, f);
	fclose(f);
}

/*
 * One configuration's findings: those of an earlier run on the same tree
 * while no file it read has changed, else from the header probe and the
 * sources, kept for the next run unless the run warned.
 */
static bool check_config(struct session *s, struct config_run *run,
			 int *files_checked, int *from_cache)
{
	struct findings mine = { 0 }, *all = s->engine.findings;
	struct cached_result r = { 0 };
	int before = *files_checked;
	char *key, *path = NULL;
	bool ok = true;

	findings_set_config(&mine, all->config);
	if (!s->opts.compdb_dir && !s->opts.no_cache) {
		key = check_key(s, run);
		path = result_path(s->opts.cache_dir, "check", key);
		free(key);
	}
	if (path && result_load(path, s->tree.kdir, &r, &mine)) {
		*files_checked += r.files_checked;
		(*from_cache)++;
	} else {
		s->engine.findings = &mine;
		if (path) {
			r.deps = tmpfile();
			if (!r.deps)
				die("cannot create a temporary file: %s",
				    strerror(errno));
		}
		s->deps = r.deps;
		probe_config(s, &s->tree, run);
		ok = check_files(s, run, files_checked);
		r.files_checked = *files_checked - before;
		if (path && ok)
			result_store(path, s->tree.kdir, &r, &mine, 0);
		s->deps = NULL;
		s->engine.findings = all;
	}
	merge_findings(all, &mine);
	findings_free(&mine);
	cached_result_free(&r);
	free(path);
	return ok;
}

bool check_tree(struct session *s, struct config_run *run)
{
	int files = 0, from_cache = 0;
	bool ok;

	if (!open_config(s, &s->tree, NULL, run))
		die("%s: the configuration cannot be prepared", s->tree.kdir);
	engine_set_config(&s->engine, run->build.label);
	ok = check_config(s, run, &files, &from_cache);
	if (from_cache) {
		/* The cache gave the findings; the layout needs the probe. */
		struct session bits;

		memset(&bits, 0, sizeof(bits));
		bits.opts = s->opts;
		bits.arch = s->arch;
		bits.tree = s->tree;
		engine_init(&bits.engine, &bits.findings, no_rules);
		engine_set_config(&bits.engine, run->build.label);
		probe_config(&bits, &s->tree, run);
		engine_free(&bits.engine);
		findings_free(&bits.findings);
	}
	return ok;
}

/*
 * check --arch all: each arch the data knows, one after the other on the
 * same tree, each in a child so that no state crosses from one to the
 * next. Exit: the worst of theirs (2 over 1 over 0).
 */
static int check_every_arch(int argc, char **argv, const struct options *opts)
{
	int worst = EXIT_CLEAN;

	if (opts->format != FORMAT_GCC && opts->format != FORMAT_CHECKPATCH)
		die("--arch all: --format gcc or checkpatch (one report per arch)");
	if (opts->arch_data)
		die("--arch all checks the built-in data: not with --arch-data");
	for (int i = 0; i < arch_count(); i++) {
		struct strv args = { 0 };
		int status;
		pid_t pid;

		for (int a = 0; a < argc; a++)
			strv_push(&args, argv[a]);
		/* The last --arch wins. */
		strv_pushf(&args, "--arch=%s", arch_nth(i)->name);
		fflush(stdout);
		fflush(stderr);
		pid = fork();
		if (pid < 0)
			die("cannot fork: %s", strerror(errno));
		if (!pid)
			exit(cmd_check(args.n, args.v));
		strv_free(&args);
		if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
			status = EXIT_INPUT;
		else
			status = WEXITSTATUS(status);
		if (status == EXIT_INPUT ||
		    (status > worst && worst != EXIT_INPUT))
			worst = status;
	}
	return worst;
}

int cmd_check(int argc, char **argv)
{
	struct report_context ctx = { 0 };
	struct session s;
	int nr_runs, status;
	const struct arch *arch;
	char *label = NULL, *build = NULL;
	bool ok = true;

	memset(&s, 0, sizeof(s));
	options_defaults(&s.opts);
	options_parse(&s.opts, argc, argv, NULL);
	if (!strcmp(s.opts.arch, "all")) {
		status = check_every_arch(argc, argv, &s.opts);
		options_free(&s.opts);
		return status;
	}
	options_free(&s.opts);
	arch = start(&s, argc, argv, "check");
	/* Baselines are named from here; the run moves into the build. */
	s.opts.baseline = absolute(s.opts.baseline);
	s.opts.write_baseline = absolute(s.opts.write_baseline);
	s.opts.added_by = absolute(s.opts.added_by);
	if (s.opts.format == FORMAT_TEXT || s.opts.format == FORMAT_SVG ||
	    s.opts.format == FORMAT_HTML)
		die("check --format: gcc, json, checkpatch, sarif or b4");
	session_init_rules(&s);
	nr_runs = s.opts.matrix ? arch->nr_matrix : 1;
	for (int i = 0; i < nr_runs; i++) {
		const struct matrix_def *matrix =
			s.opts.matrix ? &arch->matrix[i] : NULL;
		struct config_run *run = xcalloc(1, sizeof(*run));

		if (open_config(&s, &s.tree, matrix, run)) {
			engine_set_config(&s.engine, matrix ? matrix->name :
							      run->build.label);
			ok &= check_config(&s, run, &ctx.files_checked,
					   &ctx.from_cache);
			if (!label)
				label = s.opts.matrix ?
						xasprintf("%s, matrix of %d",
							  run->build.label,
							  nr_runs) :
						xstrdup(run->build.label);
			if (!s.opts.matrix)
				build = xstrdup(run->build.dir);
		}
		config_run_free(run);
	}
	progress_done();

	ctx.config = label;
	ctx.build = build;
	ctx.kdir = s.tree.kdir;
	ctx.terse = s.opts.terse;
	report_suppress(&s.findings, s.tree.kdir);
	if (s.opts.baseline &&
	    !report_apply_baseline(&s.findings, s.opts.baseline, s.tree.kdir))
		die("%s: cannot read the baseline", s.opts.baseline);
	report_sort(&s.findings);
	if (s.opts.write_baseline) {
		if (!report_write_baseline(&s.findings, s.opts.write_baseline,
					   s.tree.kdir))
			die("%s: cannot write the baseline",
			    s.opts.write_baseline);
		report_summary(&s.findings, stderr, &ctx);
		status = EXIT_CLEAN;
	} else {
		report_print(&s.findings, stdout, s.opts.format, &ctx);
		fflush(stdout);
		if (s.opts.format == FORMAT_GCC)
			report_summary(&s.findings, stderr, &ctx);
		status = report_exit_status(&s.findings, s.opts.fail_on);
	}
	free(label);
	free(build);
	session_free(&s);
	tree_free(&s.tree);
	return ok ? status : EXIT_INPUT;
}

/* layout --diff OTHER KDIR: OTHER's layout against KDIR's, same config. */
static int layout_diff(struct session *s)
{
	struct config_run *before = xcalloc(1, sizeof(*before));
	struct config_run *after = xcalloc(1, sizeof(*after));
	const struct options *opts = &s->opts;
	struct tree other;

	if (opts->matrix || opts->build_dir || opts->compdb_dir)
		die("layout --diff: not with --matrix, --build or -p");
	if (opts->format != FORMAT_TEXT && opts->format != FORMAT_JSON &&
	    opts->format != FORMAT_HTML)
		die("layout --diff --format: text, json or html");
	tree_open(&other, opts->diff, s->arch);
	if (!run_probe(s, &other, NULL, before) ||
	    !run_probe(s, &s->tree, NULL, after))
		return EXIT_INPUT;
	progress_done();
	if (opts->format == FORMAT_HTML) {
		struct html_page page;

		html_begin(&page, stdout, "ptecheck layout --diff");
		html_diff(&page, &before->layout, &after->layout);
		html_end(&page);
	} else {
		layout_print_diff(stdout, &before->layout, &after->layout,
				  opts->format == FORMAT_JSON);
	}
	config_run_free(before);
	config_run_free(after);
	tree_free(&other);
	return EXIT_CLEAN;
}

/* The data macros that own @bit, for a person to read. */
static void bit_names(FILE *out, const struct model *model, uint64_t mask)
{
	if (!mask) {
		fputs(" -", out);
		return;
	}
	for (int bit = 0; bit < 64; bit++) {
		bool named = false;

		if (!(mask & (1ULL << bit)))
			continue;
		fprintf(out, " %d", bit);
		for (int i = 0; i < model->nr_macros; i++) {
			const struct macro_value *m = &model->macros[i];

			if (m->state != MACRO_CONSTANT ||
			    m->value != (1ULL << bit))
				continue;
			fprintf(out, "%s%s", named ? "/" : " (", m->name);
			named = true;
		}
		if (named)
			fputc(')', out);
	}
}

/* ptecheck explain-helper NAME KDIR: what a helper does to the bits. */
int cmd_explain_helper(int argc, char **argv)
{
	struct config_run run = { 0 };
	const struct arch *arch;
	struct session s;
	struct unit unit;
	struct helper h;
	struct tu *probe;

	if (argc < 1 || argv[0][0] == '-')
		die("explain-helper takes NAME, then the check options and KDIR");
	arch = start(&s, argc - 1, argv + 1, "explain-helper");
	s.opts.helper = argv[0];
	if (s.opts.matrix || s.opts.compdb_dir)
		die("explain-helper: one configuration, not --matrix or -p");
	/* No rules: the helper's effects only. */
	engine_init(&s.engine, &s.findings, no_rules);
	if (!open_config(&s, &s.tree, NULL, &run))
		return EXIT_INPUT;
	probe = parse_probe(arch, run.build.dir, &run.template, s.tree.kdir,
			    s.opts.helper, false);
	unit_init(&unit, &s.engine, probe, arch, s.tree.kdir);
	progress_done();
	if (!helper_lookup(&unit, s.opts.helper, &h))
		die("%s: no such function or macro in the %s headers under %s",
		    s.opts.helper, arch->name, run.build.label);
	if (s.opts.format == FORMAT_JSON) {
		printf("{\"version\":1,\"helper\":\"%s\",\"kind\":\"%s\",\"file\":\"%s\",\"line\":%u,",
		       s.opts.helper, h.is_macro ? "macro" : "function",
		       path_under(h.file, s.tree.kdir) ?: h.file, h.line);
		fputs("\"sets\":", stdout);
		json_bits(stdout, h.effects.set);
		fputs(",\"clears\":", stdout);
		json_bits(stdout, h.effects.clear);
		fputs(",\"tests\":", stdout);
		json_bits(stdout, h.effects.test);
		puts("}");
	} else {
		printf("%s: %s at %s:%u\nconfig: %s\n", s.opts.helper,
		       h.is_macro ? "macro" : "function",
		       path_under(h.file, s.tree.kdir) ?: h.file, h.line,
		       run.build.label);
		printf("sets:  ");
		bit_names(stdout, &unit.model, h.effects.set);
		printf("\nclears:");
		bit_names(stdout, &unit.model, h.effects.clear);
		printf("\ntests: ");
		bit_names(stdout, &unit.model, h.effects.test);
		putchar('\n');
	}
	helper_free(&h);
	unit_free(&unit);
	tu_free(probe);
	strv_free(&run.template);
	build_free(&run.build);
	session_free(&s);
	tree_free(&s.tree);
	return EXIT_CLEAN;
}

/* ptecheck layout: the bit map of every state, per configuration. */
int cmd_layout(int argc, char **argv)
{
	const struct arch *arch;
	struct session s;
	struct html_page page;
	int nr_runs, shown = 0, status = EXIT_CLEAN;

	arch = start(&s, argc, argv, "layout");
	if (!s.opts.format_given)
		s.opts.format = FORMAT_TEXT;
	if (s.opts.format == FORMAT_GCC)
		die("layout --format: text, json, svg or html");
	if (s.opts.diff) {
		/* No rules: the bits that changed only. */
		engine_init(&s.engine, &s.findings, no_rules);
		status = layout_diff(&s);
		goto out;
	}
	/* The layout rules run too: their findings go to stderr. */
	session_init_rules(&s);
	nr_runs = s.opts.matrix ? arch->nr_matrix : 1;
	if (s.opts.format == FORMAT_JSON && s.opts.matrix)
		fputs("[\n", stdout);
	if (s.opts.format == FORMAT_HTML)
		html_begin(&page, stdout, "ptecheck layout");
	for (int i = 0; i < nr_runs; i++) {
		struct config_run *run = xcalloc(1, sizeof(*run));

		if (run_probe(&s, &s.tree,
			      s.opts.matrix ? &arch->matrix[i] : NULL, run)) {
			if (shown++ && s.opts.format == FORMAT_JSON)
				fputs(",\n", stdout);
			if (s.opts.format == FORMAT_JSON)
				layout_print_json(stdout, &run->layout);
			else if (s.opts.format == FORMAT_SVG)
				layout_print_svg(stdout, &run->layout);
			else if (s.opts.format == FORMAT_HTML)
				html_layout(&page, &run->layout);
			else
				layout_print_text(stdout, &run->layout);
		}
		config_run_free(run);
	}
	if (s.opts.format == FORMAT_JSON && s.opts.matrix)
		fputs("]\n", stdout);
	if (s.opts.format == FORMAT_HTML)
		html_end(&page);
	progress_done();
	report_sort(&s.findings);
	report_print(&s.findings, stderr, FORMAT_GCC,
		     &(struct report_context){ 0 });
out:
	session_free(&s);
	tree_free(&s.tree);
	return status;
}

static char *kdir_from_flags(const struct strv *flags, const char *arch)
{
	char *suffix = xasprintf("/arch/%s/include", arch);
	char real[PATH_MAX];

	for (int i = 0; i < flags->n; i++) {
		const char *f = flags->v[i];
		const char *dir = NULL;
		char *top;
		bool found;

		if (starts_with(f, "-I") && f[2])
			dir = f + 2;
		else if (!strcmp(f, "-I") && i + 1 < flags->n)
			dir = flags->v[i + 1];
		if (!dir || !ends_with(dir, suffix))
			continue;
		top = xasprintf("%.*s", (int)(strlen(dir) - strlen(suffix)),
				dir);
		found = realpath(top, real);
		free(top);
		if (found) {
			free(suffix);
			return xstrdup(real);
		}
	}
	die("cannot tell the kernel tree from the flags (no -I.../arch/%s/include)",
	    arch);
}

/*
 * What Kbuild mode's header analysis depends on besides the files it
 * reads and ptecheck itself: arch data and rules, the .config, and the
 * flags shared by every file (not KBUILD_BASENAME and friends).
 */
static char *header_key(const struct session *s, const struct strv *flags,
			const char *kdir)
{
	char cwd[PATH_MAX], *config = read_file(".config", NULL);
	char *arch_data =
		s->opts.arch_data ? read_file(s->opts.arch_data, NULL) : NULL;
	char *key = xasprintf("%s\n%s\n%s\n%s\n%s\n",
			      getcwd(cwd, sizeof(cwd)) ?: ".", kdir,
			      s->arch->name, arch_data ?: "-", config ?: "-");
	char *next;

	for (int i = 0; i < NR_RULES; i++) {
		next = xasprintf("%s%d", key, s->opts.enabled[i]);
		free(key);
		key = next;
	}
	for (int i = 0; i < flags->n; i++) {
		if (strstr(flags->v[i], "KBUILD_"))
			continue;
		next = xasprintf("%s\n%s", key, flags->v[i]);
		free(key);
		key = next;
	}
	free(config);
	free(arch_data);
	return key;
}

/*
 * The header probe's findings (every rule's, layout rules included) and
 * the names that make a source worth parsing: from the cache when no file
 * the probe read has changed, else made and kept for the next file.
 */
static void kbuild_headers(struct session *s, const struct strv *flags,
			   const char *kdir, const struct build *build,
			   struct strv *names)
{
	char *key = header_key(s, flags, kdir);
	char *path = result_path(s->opts.cache_dir, "kbuild", key);
	int lock = result_lock(path);
	struct cached_result r = { 0 };
	char cwd[PATH_MAX];
	struct layout layout = { 0 };
	struct unit unit;
	struct tu *probe;

	if (!result_load(path, kdir, &r, &s->findings)) {
		struct probe_args args = { s->arch,
					   getcwd(cwd, sizeof(cwd)) ?: ".",
					   flags, kdir };

		probe = parse_probe(s->arch, args.dir, flags, kdir, NULL,
				    false);
		unit_init(&unit, &s->engine, probe, s->arch, kdir);
		unit.kconfig = build->kconfig;
		unit.reparse = reparse_probe;
		unit.reparse_data = &args;
		if (build->kconfig)
			unit_layout(&unit, &layout);
		unit_walk(&unit);
		unit_names(&unit, &r.names);
		unit_free(&unit);
		r.deps = tmpfile();
		if (!r.deps)
			die("cannot create a temporary file: %s",
			    strerror(errno));
		if (probe->errors)
			result_note_warning(r.deps);
		result_note_files(probe->cx, r.deps);
		result_store(path, kdir, &r, &s->findings, 0);
		tu_free(probe);
		layout_free(&layout);
	}
	for (int i = 0; i < r.names.n; i++)
		strv_push(names, r.names.v[i]);
	cached_result_free(&r);
	close(lock);
	free(path);
	free(key);
}

/*
 * A core mm source is worth parsing when it names what the core mm rules
 * look for; those names come from the rules, not from the header probe.
 */
static bool core_mm_file(struct session *s, const char *kdir, const char *file,
			 const struct strv *names)
{
	const char *rel = path_under(file, kdir);
	struct unit unit = { .engine = &s->engine,
			     .arch = s->arch,
			     .kdir = kdir };
	struct strv core = { 0 };
	bool found;

	if (!rel || !is_core_mm_source(rel))
		return false;
	unit_core_names(&unit, &core);
	found = core.n && mentions(file, &core);
	strv_free(&core);
	return found;
}

/*
 * The findings of @file's own parse: from the cache while no file the
 * parse read has changed (make C=2 checks every file again), else made and
 * kept. --no-cache makes them afresh; the header analysis is always kept.
 */
static void kbuild_source(struct session *s, const struct strv *flags,
			  const char *kdir, const struct build *build,
			  const char *file, const char *shown)
{
	char *key = header_key(s, flags, kdir), *next, *path, *probe;
	struct cached_result r = { 0 };
	int from = s->findings.n, lock = -1;
	char *why = NULL;
	struct unit unit;
	struct tu *tu;
	CXIndex index;

	/* The per-file flags the header key leaves out count here. */
	next = xasprintf("%s\nsource %s", key, path_under(file, kdir) ?: file);
	free(key);
	key = next;
	for (int i = 0; i < flags->n; i++) {
		if (!strstr(flags->v[i], "KBUILD_"))
			continue;
		next = xasprintf("%s\n%s", key, flags->v[i]);
		free(key);
		key = next;
	}
	path = result_path(s->opts.cache_dir, "kbuild-source", key);
	if (!s->opts.no_cache) {
		lock = result_lock(path);
		if (result_load(path, kdir, &r, &s->findings))
			goto out;
	}
	probe = model_probe_text(s->arch);
	index = clang_createIndex(0, 0);
	tu = tu_parse(index, file, flags, NULL, probe, true, &why);
	if (!tu)
		die("%s", why);
	r.deps = tmpfile();
	if (!r.deps)
		die("cannot create a temporary file: %s", strerror(errno));
	if (tu->errors) {
		warn("%s: does not compile (%d errors, first: %s); checked what parsed",
		     shown, tu->errors, tu->first_error);
		result_note_warning(r.deps);
	}
	unit_init(&unit, &s->engine, tu, s->arch, kdir);
	unit.kconfig = build->kconfig;
	unit_walk(&unit);
	unit_free(&unit);
	result_note_files(tu->cx, r.deps);
	if (!s->opts.no_cache)
		result_store(path, kdir, &r, &s->findings, from);
	tu_free(tu);
	clang_disposeIndex(index);
	free(probe);
out:
	cached_result_free(&r);
	if (lock >= 0)
		close(lock);
	free(path);
	free(key);
}

/*
 * Kbuild: $(CHECK) $(CHECKFLAGS) $(c_flags) file.c, in the O= directory.
 * Every file reports the header findings; only a file that names what the
 * rules look for is parsed, as in tree mode.
 */
int cmd_kbuild(int argc, char **argv)
{
	struct strv pass = { 0 }, flags = { 0 }, sources = { 0 };
	struct strv names = { 0 };
	struct report_context ctx = { 0 };
	struct build build = { 0 };
	struct session s;
	char real[PATH_MAX], cwd[PATH_MAX], *kdir;
	int status;

	memset(&s, 0, sizeof(s));
	options_defaults(&s.opts);
	/* Like sparse: diagnostics do not stop the build unless asked to. */
	s.opts.fail_on = FAIL_ON_NEVER;
	options_parse(&s.opts, argc, argv, &pass);
	s.arch = load_arch(&s.opts);
	flags_for_libclang(pass.v, pass.n, &flags, &sources);
	if (sources.n != 1)
		die("Kbuild mode takes one source file (got %d); see 'ptecheck --help'",
		    sources.n);
	if (!realpath(sources.v[0], real) || !is_file(real) ||
	    access(real, R_OK))
		die("%s: cannot read", sources.v[0]);
	kdir = kdir_from_flags(&flags, s.arch->name);
	session_init_rules(&s);

	/* Kbuild runs checkers in the O= directory, beside its .config. */
	if (is_file(".config"))
		build_open(&build, s.arch, ".", "O=.config");
	else
		build.label = xasprintf("%s (no .config in %s)", s.arch->name,
					getcwd(cwd, sizeof(cwd)) ?: ".");
	engine_set_config(&s.engine, build.label);
	kbuild_headers(&s, &flags, kdir, &build, &names);

	if (core_mm_file(&s, kdir, real, &names) || mentions(real, &names))
		kbuild_source(&s, &flags, kdir, &build, real, sources.v[0]);

	ctx.config = build.label;
	ctx.kdir = kdir;
	ctx.files_checked = 1;
	report_suppress(&s.findings, kdir);
	report_sort(&s.findings);
	report_print(&s.findings, stderr, FORMAT_GCC, &ctx);
	status = report_exit_status(&s.findings, s.opts.fail_on);
	build_free(&build);
	strv_free(&names);
	strv_free(&pass);
	strv_free(&flags);
	strv_free(&sources);
	free(kdir);
	session_free(&s);
	return status;
}

// SPDX-License-Identifier: GPL-2.0
/* The kernel tree (KDIR, never written) and its O= build outside it. */
#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <glob.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tree.h"

static char *makefile_var(const char *makefile, const char *name)
{
	char *key = xasprintf("\n%s = ", name);
	const char *p = strstr(makefile, key);
	char *value = NULL;

	if (p) {
		p += strlen(key);
		value = xasprintf("%.*s", (int)strcspn(p, "\n"), p);
	}
	free(key);
	return value;
}

void tree_open(struct tree *tree, const char *path, const struct arch *arch)
{
	char *makefile, *version, *major, *patchlevel, *sublevel, *archdir;
	char *config_script;
	char real[PATH_MAX];

	if (!realpath(path, real) || !is_dir(real))
		die("%s: no such kernel tree", path);
	/*
	 * Kbuild refuses a source path with spaces or colons; clang makes
	 * each -include FILE an #include "FILE", which a quote or backslash
	 * breaks. Refused here, not parsed into wrong results.
	 */
	if (real[strcspn(real, " \t\n:\"\\")])
		die("%s: a space, colon, quote or backslash in the tree's path: Kbuild and clang's -include cannot take it",
		    path);
	makefile = xasprintf("%s/Makefile", real);
	version = read_file(makefile, NULL);
	free(makefile);
	config_script = xasprintf("%s/scripts/config", real);
	if (!version || !strstr(version, "\nPATCHLEVEL = ") ||
	    !is_file(config_script))
		die("%s: not a kernel tree (no top-level Makefile with VERSION and PATCHLEVEL)",
		    path);
	free(config_script);
	archdir = xasprintf("%s/arch/%s", real, arch->name);
	if (!is_dir(archdir))
		die("%s: this tree has no arch/%s", path, arch->name);
	free(archdir);

	major = makefile_var(version, "VERSION");
	patchlevel = makefile_var(version, "PATCHLEVEL");
	sublevel = makefile_var(version, "SUBLEVEL");
	tree->kdir = xstrdup(real);
	tree->version = xasprintf("%s.%s.%s", major ? major : "?",
				  patchlevel ? patchlevel : "?",
				  sublevel ? sublevel : "?");
	free(major);
	free(patchlevel);
	free(sublevel);
	free(version);
}

/* Parts of a tree a build of @arch never reads. */
static bool prune_dir(const char *rel, const char *arch)
{
	static const char *const unread[] = { ".git", "Documentation",
					      "LICENSES", "samples", "tools" };

	for (size_t i = 0; i < ARRAY_SIZE(unread); i++)
		if (!strcmp(rel, unread[i]))
			return true;
	return starts_with(rel, "arch/") && !strchr(rel + 5, '/') &&
	       strcmp(rel + 5, arch);
}

/*
 * Whether @rel is read by Kconfig or by `make prepare`, besides the
 * headers: Kconfig, Makefiles and Kbuild files, syscall tables, scripts/
 * and the arch's tools/ and configs/.
 */
static bool prepare_input(const char *rel, const char *name, const char *arch)
{
	char *tools = xasprintf("arch/%s/tools/", arch);
	char *configs = xasprintf("arch/%s/configs/", arch);
	bool input = starts_with(name, "Kconfig") ||
		     starts_with(name, "Makefile") ||
		     starts_with(name, "Kbuild") || ends_with(name, ".tbl") ||
		     starts_with(rel, "scripts/") || starts_with(rel, tools) ||
		     starts_with(rel, configs);

	free(tools);
	free(configs);
	return input;
}

static int by_name(const FTSENT **a, const FTSENT **b)
{
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

/*
 * A hash of what decides a prepared build besides the .config: trees
 * that agree on it share one build, whatever their path (a scratch copy,
 * a variant with the same Kconfig). Headers are left out on purpose: a
 * patch to them is parsed from the tree, never taken from the build.
 */
static uint64_t prepare_inputs_hash(const char *kdir, const char *arch)
{
	char *const roots[] = { (char *)kdir, NULL };
	size_t skip = strlen(kdir) + 1;
	uint64_t h = FNV1A_INIT;
	FTS *fts = fts_open(roots, FTS_PHYSICAL | FTS_NOCHDIR, by_name);
	FTSENT *e;

	if (!fts)
		die("%s: cannot read: %s", kdir, strerror(errno));
	while ((e = fts_read(fts))) {
		const char *rel = e->fts_level ? e->fts_path + skip : "";
		char *text;
		size_t len;

		if (e->fts_info == FTS_D && e->fts_level &&
		    prune_dir(rel, arch)) {
			fts_set(fts, e, FTS_SKIP);
			continue;
		}
		if (e->fts_info != FTS_F ||
		    !prepare_input(rel, e->fts_name, arch))
			continue;
		text = read_file(e->fts_path, &len);
		if (!text)
			die("%s: cannot read: %s", e->fts_path,
			    strerror(errno));
		h = fnv1a(h, rel, strlen(rel) + 1);
		h = fnv1a(h, text, len);
		free(text);
	}
	fts_close(fts);
	return h;
}

/*
 * A half-prepared build is removed on Ctrl-C, so none is ever reused;
 * then the signal does what it did before the prepare (the gate removes
 * its scratch copy, a check dies).
 */
static char *preparing;
static struct sigaction int_before, term_before;

static void drop_half_prepared(int sig)
{
	stop_and_remove(preparing);
	sigaction(SIGINT, &int_before, NULL);
	sigaction(SIGTERM, &term_before, NULL);
	raise(sig);
}

/* make FLAG -jN -C KDIR O=DIR ARCH=A and the arch's toolchain variables. */
static void make_command(struct strv *argv, const struct tree *tree,
			 const struct arch *arch, const char *dir,
			 const char *flag)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	strv_push(argv, "make");
	strv_push(argv, flag);
	strv_pushf(argv, "-j%ld", cpus > 0 ? cpus : 1);
	strv_pushf(argv, "-C%s", tree->kdir);
	strv_pushf(argv, "O=%s", dir);
	strv_pushf(argv, "ARCH=%s", arch->name);
	for (int i = 0; i < arch->toolchain.n; i++)
		strv_push(argv, arch->toolchain.v[i]);
}

static int run_make(const struct tree *tree, const struct arch *arch,
		    const char *dir, const char *log, const char *target)
{
	struct strv argv = { 0 };
	int status;

	make_command(&argv, tree, arch, dir, "-s");
	strv_push(&argv, target);
	status = run_command(argv.v, NULL, log);
	strv_free(&argv);
	return status;
}

static void make_step(const struct tree *tree, const struct arch *arch,
		      const char *dir, const char *log, const char *target)
{
	if (run_make(tree, arch, dir, log, target))
		die("preparing the %s build failed at 'make %s' (see %s)",
		    arch->name, target, log);
}

static void enable_features(const struct tree *tree, const struct arch *arch,
			    const char *dir, const char *log,
			    const struct matrix_def *matrix)
{
	struct strv argv = { 0 };

	strv_pushf(&argv, "%s/scripts/config", tree->kdir);
	strv_push(&argv, "--file");
	strv_pushf(&argv, "%s/.config", dir);
	for (int i = 0; i < arch->features.n; i++) {
		strv_push(&argv, "-e");
		strv_push(&argv, arch->features.v[i]);
	}
	for (int i = 0; matrix && i < matrix->enable.n; i++) {
		strv_push(&argv, "-e");
		strv_push(&argv, matrix->enable.v[i]);
	}
	for (int i = 0; matrix && i < matrix->disable.n; i++) {
		strv_push(&argv, "-d");
		strv_push(&argv, matrix->disable.v[i]);
	}
	if (run_command(argv.v, NULL, log))
		die("scripts/config failed (see %s)", log);
	strv_free(&argv);
}

static void copy_config(const char *from, const char *to,
			const struct arch *arch)
{
	char *text = read_file(from, NULL);
	char *want = xasprintf("\nCONFIG_%s=y\n", arch->kconfig);
	FILE *f;

	if (!text)
		die("%s: cannot read: %s", from, strerror(errno));
	if (!strstr(text, want))
		die("%s: not a .config for %s (no CONFIG_%s=y)", from,
		    arch->name, arch->kconfig);
	f = fopen(to, "w");
	if (!f || fputs(text, f) < 0 || fclose(f))
		die("%s: cannot write", to);
	free(want);
	free(text);
}

/* "arm64 defconfig (USERFAULTFD=y CHECKPOINT_RESTORE=y MEM_SOFT_DIRTY=n)" */
static char *config_label(const struct arch *arch, const char *base,
			  const struct kconfig *kc)
{
	char *label = xasprintf("%s %s (", arch->name, base), *next;

	for (int i = 0; i < arch->features.n; i++) {
		const char *f = arch->features.v[i];

		next = xasprintf("%s%s%s=%s", label, i ? " " : "", f,
				 kconfig_enabled(kc, f) ? "y" : "n");
		free(label);
		label = next;
	}
	next = xasprintf("%s)", label);
	free(label);
	return next;
}

void build_open(struct build *build, const struct arch *arch, const char *dir,
		const char *base)
{
	char real[PATH_MAX], *path;

	if (!realpath(dir, real) || !is_dir(real))
		die("%s: no such build directory", dir);
	path = xasprintf("%s/.config", real);
	build->kconfig = kconfig_read(path);
	if (!build->kconfig)
		die("%s: no .config (not a configured O= directory)", dir);
	if (!kconfig_enabled(build->kconfig, arch->kconfig))
		die("%s: not a .config for %s (no CONFIG_%s=y)", path,
		    arch->name, arch->kconfig);
	free(path);
	build->dir = xstrdup(real);
	build->label = config_label(arch, base ? base : real, build->kconfig);
	path = xasprintf("%s/source", real);
	build->source = realpath(path, real) ? xstrdup(real) : NULL;
	if (!build->source) {
		/* The tree it was made from is gone: its path is still named. */
		ssize_t n = readlink(path, real, sizeof(real) - 1);

		if (n > 0)
			build->source = xasprintf("%.*s", (int)n, real);
	}
	free(path);
}

/* Its flags name the headers of the tree it was made for: that tree only. */
static void check_source_link(const char *dir, const char *kdir)
{
	char *link = xasprintf("%s/source", dir);
	char real[PATH_MAX];

	if (realpath(link, real) && strcmp(real, kdir))
		die("%s was prepared for another tree (%s)", dir, real);
	free(link);
}

/* The matrix entry's symbols, after olddefconfig: did each it sets take? */
static const char *matrix_refused(const char *dir, const struct matrix_def *m)
{
	char *path = xasprintf("%s/.config", dir);
	struct kconfig *kc = kconfig_read(path);
	const char *refused = NULL;

	for (int i = 0; kc && i < m->enable.n && !refused; i++)
		if (!kconfig_enabled(kc, m->enable.v[i]))
			refused = m->enable.v[i];
	kconfig_free(kc);
	free(path);
	return refused;
}

/*
 * Hold DIR.lock for the check of DIR's stamp and its prepare; the lock
 * goes with the process, so a killed run never leaves it held.
 */
static int lock_build(const char *dir)
{
	char *path = xasprintf("%s.lock", dir), *parent = xstrdup(dir);
	int fd;

	*strrchr(parent, '/') = '\0';
	mkdir_p(parent);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		die("%s: cannot create: %s", path, strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		progress("waiting for another ptecheck to prepare %s", dir);
		if (flock(fd, LOCK_EX))
			die("%s: cannot lock: %s", path, strerror(errno));
		progress_done();
	}
	free(parent);
	free(path);
	return fd;
}

/*
 * Where a half-written patch breaks a header, 'make prepare' stops at the
 * first file that includes it (asm-offsets.c). Build what does build with
 * make -k, and take the compile command of the arch's flags file from
 * Kbuild's own V=1 echo of it, which comes before the compile fails.
 * Returns what could not be made, or dies when there is nothing to go on.
 */
static char *prepare_broken_tree(const struct tree *tree,
				 const struct arch *arch, const char *dir,
				 const char *log)
{
	char *klog = xasprintf("%s-k", log);
	char *cmd_file = xasprintf("%s/%s", dir, arch->flags_cmd);
	char *target, *base, *text, *p, *failed = NULL, *first = NULL, *why;
	struct strv argv = { 0 };
	size_t tlen;

	/* arch/arm64/kernel/.asm-offsets.s.cmd is made for asm-offsets.s */
	base = strrchr(arch->flags_cmd, '/');
	base = base ? base + 1 : arch->flags_cmd;
	target = xasprintf(" -o %.*s%.*s ", (int)(base - arch->flags_cmd),
			   arch->flags_cmd, (int)strlen(base) - 5, base + 1);
	tlen = strlen(target);
	make_command(&argv, tree, arch, dir, "-k");
	strv_push(&argv, "V=1");
	strv_push(&argv, "prepare");
	run_command(argv.v, NULL, klog);
	strv_free(&argv);
	text = read_file(klog, NULL);
	if (text && strstr(text, strerror(ENOSPC)))
		die("preparing the %s build failed at 'make prepare': %s in %s",
		    arch->name, strerror(ENOSPC), dir);
	if (!text || !strstr(text, ": error: "))
		die("preparing the %s build failed at 'make prepare' (see %s)",
		    arch->name, log);
	for (p = text; *p; p += strcspn(p, "\n") + !!p[strcspn(p, "\n")]) {
		int n = (int)strcspn(p, "\n");
		const char *o = memmem(p, n, target, tlen);

		/* "  clang ... -o TARGET SOURCE": Kbuild's echo of the command */
		if (o && starts_with(p, "  ") && !is_file(cmd_file)) {
			FILE *f = fopen(cmd_file, "w");

			if (!f ||
			    fprintf(f, "savedcmd_%.*s := %.*s\n", (int)tlen - 5,
				    target + 4, n - 2, p + 2) < 0 ||
			    fclose(f))
				die("%s: cannot write", cmd_file);
		}
		/* "make[3]: *** [.../Makefile.build:102: FILE] Error 1" */
		if (!failed && starts_with(p, "make") &&
		    memmem(p, n, ": *** [", 7)) {
			const char *t = memmem(p, n, ": *** [", 7) + 7;
			const char *end = memchr(t, ']', p + n - t);

			t = end ? memrchr(t, ' ', end - t) : NULL;
			if (t && memchr(t, '/', end - t))
				failed = xasprintf("%.*s", (int)(end - t - 1),
						   t + 1);
		}
		if (!first && memmem(p, n, ": error: ", 9)) {
			const char *in =
				memmem(p, n, tree->kdir, strlen(tree->kdir));

			in = in ? in + strlen(tree->kdir) + 1 : p;
			first = xasprintf("%.*s", (int)(p + n - in), in);
		}
	}
	if (!is_file(cmd_file))
		die("preparing the %s build failed at 'make prepare' before it could compile %s (see %s)",
		    arch->name, target + 4, klog);
	why = xasprintf("'make prepare' could not make %s (%s)",
			failed ?: "everything", first);
	free(failed);
	free(first);
	free(text);
	free(target);
	free(cmd_file);
	free(klog);
	return why;
}

/*
 * Remove the half-made build of a run that dies (full disk, a failing
 * make): a later run must not find it.
 */
static void drop_half_prepared_at_exit(void)
{
	if (preparing)
		remove_tree(preparing);
	preparing = NULL;
}

/* Leftovers of runs that were killed while they held DIR's lock. */
static void drop_stale_tmp(const char *dir)
{
	char *pattern = xasprintf("%s.tmp-*", dir);
	glob_t found;

	if (!glob(pattern, 0, NULL, &found)) {
		for (size_t i = 0; i < found.gl_pathc; i++)
			remove_tree(found.gl_pathv[i]);
		globfree(&found);
	}
	free(pattern);
}

/*
 * An incomplete build is reused until a file the failed compile read
 * changes (in the -MMD dependency file that compile left): what make
 * itself would look at to try again.
 */
static bool mended_since(const char *dir, const char *stamp_text,
			 const struct arch *arch)
{
	const char *base = strrchr(arch->flags_cmd, '/');
	char *stamp, *dep, *text, *word;
	struct stat st, made;
	bool mended = false;

	if (!strstr(stamp_text, "\nincomplete="))
		return false;
	base = base ? base + 1 : arch->flags_cmd;
	stamp = xasprintf("%s/ptecheck.stamp", dir);
	/* arch/arm64/kernel/.asm-offsets.s.cmd -> .asm-offsets.s.d */
	dep = xasprintf("%s/%.*s%.*s.d", dir, (int)(base - arch->flags_cmd),
			arch->flags_cmd, (int)strlen(base) - 4, base);
	text = read_file(dep, NULL);
	if (!text || stat(stamp, &made))
		mended = true;
	for (word = text ? strtok(text, " \t\n\\") : NULL; word && !mended;
	     word = strtok(NULL, " \t\n\\"))
		/* The tree's files; the relative ones are the build's own. */
		if (word[0] == '/' &&
		    (stat(word, &st) || st.st_mtime >= made.st_mtime))
			mended = true;
	free(text);
	free(dep);
	free(stamp);
	return mended;
}

/*
 * Prepare the build for @key in DIR.tmp-PID and rename it to @dir when
 * done, stamp included: @dir is either whole or absent, whatever stops
 * the run. Returns @key, with what the prepare found appended (a matrix
 * entry the tree refuses, an incomplete build).
 */
static char *make_build(const struct tree *tree, const struct arch *arch,
			const char *config_file,
			const struct matrix_def *matrix, const char *dir,
			char *key)
{
	static bool registered;
	struct sigaction drop_action = { .sa_handler = drop_half_prepared };
	char *tmp = xasprintf("%s.tmp-%d", dir, (int)getpid());
	char *stamp = xasprintf("%s/ptecheck.stamp", tmp);
	/* Beside the build, so that it outlives a failed one. */
	char *log = xasprintf("%s.prepare.log", dir);
	char *klog = xasprintf("%s-k", log);
	const char *refused = NULL;
	char *incomplete = NULL;
	FILE *f;

	if (!registered)
		atexit(drop_half_prepared_at_exit);
	registered = true;
	drop_stale_tmp(dir);
	unlink(log);
	unlink(klog);
	mkdir_p(tmp);
	preparing = tmp;
	sigaction(SIGINT, &drop_action, &int_before);
	sigaction(SIGTERM, &drop_action, &term_before);
	progress("preparing %s build in %s", arch->name, dir);
	if (config_file) {
		char *to = xasprintf("%s/.config", tmp);

		copy_config(config_file, to, arch);
		free(to);
	} else {
		make_step(tree, arch, tmp, log, arch->defconfig);
		enable_features(tree, arch, tmp, log, matrix);
	}
	make_step(tree, arch, tmp, log, "olddefconfig");
	if (matrix)
		refused = matrix_refused(tmp, matrix);
	/* An older tree may not offer a configuration: remember that. */
	if (refused) {
		char *next = xasprintf("%srefused=%s\n", key, refused);

		free(key);
		key = next;
	} else if (run_make(tree, arch, tmp, log, "prepare")) {
		incomplete = prepare_broken_tree(tree, arch, tmp, log);
	}
	/* The stamp goes last: a build without one is half made. */
	if (incomplete) {
		char *next = xasprintf("%sincomplete=%s\n", key, incomplete);

		free(key);
		key = next;
	}
	f = fopen(stamp, "w");
	if (!f || fputs(key, f) < 0 || fclose(f))
		die("%s: cannot write", stamp);
	remove_tree(dir);
	if (rename(tmp, dir))
		die("%s: cannot rename to %s: %s", tmp, dir, strerror(errno));
	preparing = NULL;
	sigaction(SIGINT, &int_before, NULL);
	sigaction(SIGTERM, &term_before, NULL);
	progress_done();
	free(incomplete);
	free(stamp);
	free(klog);
	free(log);
	free(tmp);
	return key;
}

bool build_prepare(struct build *build, const struct tree *tree,
		   const struct arch *arch, const char *config_file,
		   const char *build_dir, const struct matrix_def *matrix,
		   const char *cache)
{
	char *base;
	char *key, *dir, *stamp, *text = NULL, *old;
	uint64_t h = FNV1A_INIT;
	int lock;

	if (build_dir) {
		char *cmd = xasprintf("%s/%s", build_dir, arch->flags_cmd);

		build_open(build, arch, build_dir, NULL);
		check_source_link(build->dir, tree->kdir);
		if (!is_file(cmd))
			die("%s: not prepared (no %s; run 'make O=%s prepare')",
			    build_dir, arch->flags_cmd, build_dir);
		free(cmd);
		return true;
	}
	if (config_file) {
		text = read_file(config_file, NULL);
		if (!text)
			die("%s: cannot read: %s", config_file,
			    strerror(errno));
	}
	/* By content, not path: see prepare_inputs_hash(). */
	key = xasprintf(
		"inputs=%016llx\nversion=%s\narch=%s\nfeatures=%d\nmatrix=%s\n%s",
		(unsigned long long)prepare_inputs_hash(tree->kdir, arch->name),
		tree->version, arch->name, arch->features.n,
		matrix ? matrix->name : "-", text ? text : "defconfig\n");
	for (int i = 0; matrix && i < matrix->enable.n; i++) {
		char *next = xasprintf("%s+%s\n", key, matrix->enable.v[i]);

		free(key);
		key = next;
	}
	h = fnv1a(h, key, strlen(key));
	dir = xasprintf("%s/build/%s-%016llx", cache, arch->name,
			(unsigned long long)h);
	stamp = xasprintf("%s/ptecheck.stamp", dir);
	/*
	 * make -jN C=2 CHECK=ptecheck starts many of us on one build: one
	 * prepares it, the others wait and then reuse it.
	 */
	lock = lock_build(dir);
	old = read_file(stamp, NULL);

	if (!old || !starts_with(old, key) ||
	    (old[strlen(key)] && !starts_with(old + strlen(key), "refused=") &&
	     !starts_with(old + strlen(key), "incomplete=")) ||
	    mended_since(dir, old, arch)) {
		key = make_build(tree, arch, config_file, matrix, dir, key);
	} else if (old[strlen(key)]) {
		/* Reused, with what its prepare found. */
		free(key);
		key = xstrdup(old);
	}
	close(lock);
	if (strstr(key, "\nincomplete="))
		warn("build is incomplete: %.*s; checked as far as it parses, code that does not parse is not decided",
		     (int)strcspn(strstr(key, "\nincomplete=") + 12, "\n"),
		     strstr(key, "\nincomplete=") + 12);
	if (strstr(key, "\nrefused=")) {
		warn("configuration %s: this tree's Kconfig does not let CONFIG_%.*s be set; skipped",
		     matrix->name,
		     (int)strcspn(strstr(key, "\nrefused=") + 9, "\n"),
		     strstr(key, "\nrefused=") + 9);
		free(old);
		free(key);
		free(text);
		free(stamp);
		free(dir);
		return false;
	}
	base = matrix ? xasprintf("%s %s", arch->defconfig, matrix->name) :
			xstrdup(config_file ? config_file : arch->defconfig);
	build_open(build, arch, dir, base);
	free(base);
	free(old);
	free(key);
	free(text);
	free(stamp);
	free(dir);
	return true;
}

#define WHITESPACE " \t\n"

/* make's answer: @dir's real-obj-y and real-obj-m, space separated. */
static char *kbuild_objects(const struct build *build, const struct tree *tree,
			    const struct arch *arch, const char *dir)
{
	struct strv argv = { 0 };
	char *out;
	int status;

	strv_push(&argv, "make");
	strv_push(&argv, "-s");
	strv_push(&argv, "--no-print-directory");
	strv_pushf(&argv, "-f%s/scripts/Makefile.build", tree->kdir);
	strv_pushf(&argv, "obj=%s", dir);
	strv_pushf(&argv, "srctree=%s", tree->kdir);
	strv_push(&argv, "objtree=.");
	strv_pushf(&argv, "VPATH=%s", tree->kdir);
	strv_pushf(&argv, "ARCH=%s", arch->name);
	for (int i = 0; i < arch->toolchain.n; i++)
		strv_push(&argv, arch->toolchain.v[i]);
	/* What the top Makefile passes; no directory is made. */
	strv_push(&argv, "need-builtin=1");
	strv_push(&argv, "need-modorder=1");
	strv_push(&argv, "obj-dirs=");
	/* A target of our own, made after Kbuild has read the Makefile. */
	strv_push(&argv, "--eval=__ptecheck_objects: ; "
			 "@echo $(real-obj-y) $(real-obj-m)");
	strv_push(&argv, "__ptecheck_objects");
	status = run_command_output(argv.v, build->dir, &out);
	strv_free(&argv);
	if (status) {
		free(out);
		return NULL;
	}
	return out;
}

bool build_objects(const struct build *build, const struct tree *tree,
		   const struct arch *arch, const char *dir, struct strv *objs)
{
	char *conf = xasprintf("%s/include/config/auto.conf", build->dir);
	const char *slash = strrchr(dir, '/');
	char *out = NULL, *tok, *save;
	bool ok = is_file(conf);

	free(conf);
	if (ok && slash) {
		/* Entered only when its parent builds it: "fs/proc/built-in.a". */
		char *parent = xasprintf("%.*s", (int)(slash - dir), dir);
		struct strv up = { 0 };
		bool entered = false;

		ok = build_objects(build, tree, arch, parent, &up);
		for (int i = 0; ok && i < up.n && !entered; i++)
			entered = !strcmp(up.v[i], dir);
		strv_free(&up);
		free(parent);
		if (ok && !entered)
			return true;
	}
	if (ok)
		out = kbuild_objects(build, tree, arch, dir);
	if (!out)
		return false;
	for (tok = strtok_r(out, WHITESPACE, &save); tok;
	     tok = strtok_r(NULL, WHITESPACE, &save)) {
		const char *name = strrchr(tok, '/');

		/* A subdirectory Kbuild enters, by its archive or its order. */
		if (ends_with(tok, "/built-in.a") ||
		    ends_with(tok, "/modules.order"))
			strv_pushf(objs, "%.*s", (int)(name - tok), tok);
		else
			strv_push(objs, tok);
	}
	free(out);
	return true;
}

void tree_free(struct tree *tree)
{
	free(tree->kdir);
	free(tree->version);
}

void build_free(struct build *build)
{
	free(build->dir);
	free(build->label);
	free(build->source);
	kconfig_free(build->kconfig);
}

// SPDX-License-Identifier: GPL-2.0
/* The kernel tree (KDIR, never written) and its O= build outside it. */
#include <errno.h>
#include <fcntl.h>
#include <fts.h>
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
	char real[PATH_MAX];

	if (!realpath(path, real) || !is_dir(real))
		die("%s: no such kernel tree", path);
	makefile = xasprintf("%s/Makefile", real);
	version = read_file(makefile, NULL);
	free(makefile);
	if (!version || !strstr(version, "\nPATCHLEVEL = ") ||
	    !is_file(xasprintf("%s/scripts/config", real)))
		die("%s: not a kernel tree (no top-level Makefile with VERSION and PATCHLEVEL)",
		    path);
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

const char *cache_dir(void)
{
	static char *dir;
	const char *env;

	/* Not cached: the gate points it into its scratch directory. */
	free(dir);
	env = getenv("PTECHECK_CACHE");
	if (env && *env) {
		dir = xstrdup(env);
		return dir;
	}
	env = getenv("XDG_CACHE_HOME");
	if (env && *env)
		dir = xasprintf("%s/ptecheck", env);
	else
		dir = xasprintf("%s/.cache/ptecheck", getenv("HOME") ?: "/tmp");
	return dir;
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

/* A half-prepared build is removed on Ctrl-C, so none is ever reused. */
static char *preparing;

static void drop_half_prepared(int sig)
{
	stop_and_remove(preparing);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void make_step(const struct tree *tree, const struct arch *arch,
		      const char *dir, const char *log, const char *target)
{
	struct strv argv = { 0 };
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int status;

	strv_push(&argv, "make");
	strv_push(&argv, "-s");
	strv_pushf(&argv, "-j%ld", cpus > 0 ? cpus : 1);
	strv_pushf(&argv, "-C%s", tree->kdir);
	strv_pushf(&argv, "O=%s", dir);
	strv_pushf(&argv, "ARCH=%s", arch->name);
	strv_push(&argv, "LLVM=1");
	strv_push(&argv, target);
	status = run_command(argv.v, NULL, log);
	strv_free(&argv);
	if (status)
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

bool build_prepare(struct build *build, const struct tree *tree,
		   const struct arch *arch, const char *config_file,
		   const char *build_dir, const struct matrix_def *matrix)
{
	const char *refused = NULL;
	char *base;
	char *key, *dir, *stamp, *log, *text = NULL, *old;
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
	dir = xasprintf("%s/build/%s-%016llx", cache_dir(), arch->name,
			(unsigned long long)h);
	stamp = xasprintf("%s/ptecheck.stamp", dir);
	log = xasprintf("%s/ptecheck-prepare.log", dir);
	/*
	 * make -jN C=2 CHECK=ptecheck starts many of us on one build: one
	 * prepares it, the others wait and then reuse it.
	 */
	lock = lock_build(dir);
	old = read_file(stamp, NULL);

	if (!old || !starts_with(old, key) ||
	    (old[strlen(key)] && !starts_with(old + strlen(key), "refused="))) {
		FILE *f;

		remove_tree(dir);
		mkdir_p(dir);
		preparing = dir;
		signal(SIGINT, drop_half_prepared);
		signal(SIGTERM, drop_half_prepared);
		progress("preparing %s build in %s", arch->name, dir);
		if (config_file) {
			copy_config(config_file, xasprintf("%s/.config", dir),
				    arch);
		} else {
			make_step(tree, arch, dir, log, arch->defconfig);
			enable_features(tree, arch, dir, log, matrix);
		}
		make_step(tree, arch, dir, log, "olddefconfig");
		if (matrix)
			refused = matrix_refused(dir, matrix);
		/* An older tree may not offer a configuration: remember that. */
		if (refused) {
			char *next = xasprintf("%srefused=%s\n", key, refused);

			free(key);
			key = next;
		} else {
			make_step(tree, arch, dir, log, "prepare");
		}
		/* The stamp goes last: a build without one is half made. */
		f = fopen(stamp, "w");
		if (!f || fputs(key, f) < 0 || fclose(f))
			die("%s: cannot write", stamp);
		preparing = NULL;
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		progress_done();
	}
	close(lock);
	if (old && starts_with(old, key) && strstr(old, "\nrefused=")) {
		free(key);
		key = xstrdup(old);
	}
	if (strstr(key, "\nrefused=")) {
		warn("configuration %s: this tree's Kconfig does not let CONFIG_%.*s be set; skipped",
		     matrix->name,
		     (int)strcspn(strstr(key, "\nrefused=") + 9, "\n"),
		     strstr(key, "\nrefused=") + 9);
		free(old);
		free(key);
		free(text);
		free(stamp);
		free(log);
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
	free(log);
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

// SPDX-License-Identifier: GPL-2.0
/* The kernel tree (KDIR, never written) and its O= build outside it. */
#include <errno.h>
#include <fcntl.h>
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

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void mkdir_p(const char *path)
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
	for (int i = 0; i < arch->toolchain.n; i++)
		strv_push(&argv, arch->toolchain.v[i]);
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
	uint64_t h = 0xcbf29ce484222325ULL;
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
	/* The gate re-prepares after a patch to Kconfig with a new salt. */
	key = xasprintf(
		"kdir=%s\nversion=%s\narch=%s\nfeatures=%d\nmatrix=%s\nsalt=%s\n%s",
		tree->kdir, tree->version, arch->name, arch->features.n,
		matrix ? matrix->name : "-",
		getenv("PTECHECK_BUILD_SALT") ?: "-",
		text ? text : "defconfig\n");
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
	kconfig_free(build->kconfig);
}

// SPDX-License-Identifier: GPL-2.0
/* Results kept between runs: see result_cache.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "result_cache.h"

#define MAGIC "ptecheck result cache 1\n"
#define WARNED "warned"

char *result_path(const char *cache_dir, const char *kind, const char *key)
{
	struct stat st;
	char *full, *path;

	/*
	 * This very binary, not its version string: a rebuild with changed
	 * rules must not find the old one's results.
	 */
	if (stat("/proc/self/exe", &st))
		die("/proc/self/exe: %s", strerror(errno));
	full = xasprintf("%lld %lld %lld\n%s", (long long)st.st_ino,
			 (long long)st.st_size,
			 st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec,
			 key);
	path = xasprintf("%s/%s/%016llx", cache_dir, kind,
			 (unsigned long long)fnv1a(FNV1A_INIT, full,
						   strlen(full)));
	free(full);
	return path;
}

int result_lock(const char *path)
{
	char *lock = xasprintf("%s.lock", path), *dir = xstrdup(path);
	int fd;

	*strrchr(dir, '/') = '\0';
	mkdir_p(dir);
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0 || flock(fd, LOCK_EX))
		die("%s: cannot lock: %s", lock, strerror(errno));
	free(lock);
	free(dir);
	return fd;
}

/* In an entry, "@/" stands for the kernel tree. */
#define IN_TREE "@/"

/*
 * "dep SIZE MTIME PATH": is PATH (in @kdir if it starts with "@/") still
 * the file the parse read?
 */
static bool dep_unchanged(const char *line, const char *kdir)
{
	long long size, mtime;
	int at = 0;
	struct stat st;
	char *path;
	bool same;

	if (sscanf(line, "dep %lld %lld %n", &size, &mtime, &at) != 2 || !at)
		return false;
	if (starts_with(line + at, IN_TREE))
		path = xasprintf("%s/%s", kdir, line + at + strlen(IN_TREE));
	else
		path = xstrdup(line + at);
	same = !stat(path, &st) && st.st_size == size &&
	       st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec == mtime;
	free(path);
	return same;
}

bool result_load(const char *path, const char *kdir, struct cached_result *r,
		 struct findings *fs)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t n = 0;
	bool ok = false;

	if (!f)
		return false;
	if (getline(&line, &n, f) <= 0 || strcmp(line, MAGIC))
		goto out;
	while (getline(&line, &n, f) > 0) {
		line[strcspn(line, "\n")] = '\0';
		if (starts_with(line, "dep ")) {
			if (!dep_unchanged(line, kdir))
				goto out;
		} else if (starts_with(line, "name ")) {
			strv_push(&r->names, line + 5);
		} else if (starts_with(line, "checked ")) {
			r->files_checked = atoi(line + 8);
		} else if (!strcmp(line, "findings")) {
			report_deserialize(fs, f);
			ok = true;
			break;
		}
	}
out:
	if (!ok)
		strv_free(&r->names);
	free(line);
	fclose(f);
	return ok;
}

void result_note_path(const char *path, FILE *deps)
{
	char real[PATH_MAX];
	struct stat st;

	/* The unsaved probe file has no path: it is ptecheck's own. */
	if (deps && realpath(path, real) && !stat(real, &st))
		fprintf(deps, "dep %lld %lld %s\n", (long long)st.st_size,
			st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec,
			real);
}

static void note_file(CXFile included, CXSourceLocation *stack, unsigned int n,
		      CXClientData deps)
{
	CXString name = clang_getFileName(included);

	result_note_path(clang_getCString(name), deps);
	clang_disposeString(name);
}

void result_note_files(CXTranslationUnit tu, FILE *deps)
{
	if (deps)
		clang_getInclusions(tu, note_file, deps);
}

void result_note_warning(FILE *deps)
{
	if (deps)
		fputs(WARNED "\n", deps);
}

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The deps, each once; false if the run warned. */
static bool read_deps(FILE *deps, struct strv *lines)
{
	char *line = NULL;
	size_t n = 0;
	bool warned = false;

	rewind(deps);
	while (getline(&line, &n, deps) > 0) {
		line[strcspn(line, "\n")] = '\0';
		if (!strcmp(line, WARNED))
			warned = true;
		else if (starts_with(line, "dep "))
			strv_push(lines, line);
	}
	free(line);
	if (lines->n)
		qsort(lines->v, lines->n, sizeof(*lines->v), cmp_line);
	return !warned;
}

/* "dep SIZE MTIME KDIR/FILE" as "dep SIZE MTIME @/FILE". */
static void relative_deps(struct strv *deps, const char *kdir)
{
	size_t n = strlen(kdir);

	for (int i = 0; i < deps->n; i++) {
		char *line = deps->v[i], *file = line, *next;

		/* After "dep", the size and the mtime. */
		for (int field = 0; field < 3 && file; field++) {
			file = strchr(file, ' ');
			if (file)
				file++;
		}
		if (!file || strncmp(file, kdir, n) || file[n] != '/')
			continue;
		next = xasprintf("%.*s%s%s", (int)(file - line), line, IN_TREE,
				 file + n + 1);
		free(line);
		deps->v[i] = next;
	}
}

void result_store(const char *path, const char *kdir, struct cached_result *r,
		  const struct findings *fs, int from)
{
	char *tmp = xasprintf("%s.tmp-%d", path, (int)getpid());
	struct strv deps = { 0 };
	FILE *f;

	if (!read_deps(r->deps, &deps) || !deps.n)
		goto out;
	relative_deps(&deps, kdir);
	*strrchr(tmp, '/') = '\0';
	mkdir_p(tmp);
	tmp[strlen(tmp)] = '/';
	f = fopen(tmp, "w");
	if (!f)
		die("%s: cannot write: %s", tmp, strerror(errno));
	fputs(MAGIC, f);
	for (int i = 0; i < deps.n; i++)
		if (!i || strcmp(deps.v[i], deps.v[i - 1]))
			fprintf(f, "%s\n", deps.v[i]);
	for (int i = 0; i < r->names.n; i++)
		fprintf(f, "name %s\n", r->names.v[i]);
	fprintf(f, "checked %d\n", r->files_checked);
	fputs("findings\n", f);
	report_serialize(fs, f, from);
	if (fclose(f) || rename(tmp, path))
		die("%s: cannot write: %s", path, strerror(errno));
out:
	strv_free(&deps);
	free(tmp);
}

void cached_result_free(struct cached_result *r)
{
	strv_free(&r->names);
	if (r->deps)
		fclose(r->deps);
}

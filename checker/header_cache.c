// SPDX-License-Identifier: GPL-2.0
/* Kbuild mode's header analysis, once per O= build: see header_cache.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "header_cache.h"

#define MAGIC "ptecheck header cache 1\n"

char *header_cache_path(const char *cache_dir, const char *key)
{
	return xasprintf("%s/kbuild/%016llx", cache_dir,
			 (unsigned long long)fnv1a(FNV1A_INIT, key,
						   strlen(key)));
}

int header_cache_lock(const char *path)
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

/* "dep SIZE MTIME PATH": is PATH still the file the probe read? */
static bool dep_unchanged(const char *line)
{
	long long size, mtime;
	int at = 0;
	struct stat st;

	if (sscanf(line, "dep %lld %lld %n", &size, &mtime, &at) != 2 || !at ||
	    stat(line + at, &st))
		return false;
	return st.st_size == size &&
	       st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec == mtime;
}

bool header_cache_load(const char *path, struct strv *names,
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
			if (!dep_unchanged(line))
				goto out;
		} else if (starts_with(line, "name ")) {
			strv_push(names, line + 5);
		} else if (!strcmp(line, "findings")) {
			report_deserialize(fs, f);
			ok = true;
			break;
		}
	}
out:
	if (!ok)
		strv_free(names);
	free(line);
	fclose(f);
	return ok;
}

static void write_dep(CXFile included, CXSourceLocation *stack, unsigned int n,
		      CXClientData data)
{
	CXString name = clang_getFileName(included);
	char real[PATH_MAX];
	struct stat st;

	if (realpath(clang_getCString(name), real) && !stat(real, &st))
		fprintf(data, "dep %lld %lld %s\n", (long long)st.st_size,
			st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec,
			real);
	clang_disposeString(name);
}

void header_cache_store(const char *path, CXTranslationUnit probe,
			const struct strv *names, const struct findings *fs)
{
	char *tmp = xasprintf("%s.tmp-%d", path, (int)getpid());
	FILE *f = fopen(tmp, "w");

	if (!f)
		die("%s: cannot write: %s", tmp, strerror(errno));
	fputs(MAGIC, f);
	clang_getInclusions(probe, write_dep, f);
	for (int i = 0; i < names->n; i++)
		fprintf(f, "name %s\n", names->v[i]);
	fputs("findings\n", f);
	report_serialize(fs, f, 0);
	if (fclose(f) || rename(tmp, path))
		die("%s: cannot write: %s", path, strerror(errno));
	free(tmp);
}

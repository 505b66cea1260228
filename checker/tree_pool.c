// SPDX-License-Identifier: GPL-2.0
/*
 * The gate's scratch copy of KDIR, kept between runs.
 *
 * A gate applies patches to a copy of KDIR made of hard links (git apply
 * replaces the files it changes, so KDIR is never written). Making that
 * copy and removing it again costs seconds on a 90k-file tree, more than a
 * warm check of one patch. So the copy stays in the cache, and every use
 * first mends it: both trees are read with readdir(), and an entry of the
 * copy that is not the same name, type and inode as KDIR's is unlinked and
 * linked again. Nothing about the copy is trusted, not even a record of
 * what the last gate changed: a run stopped half-way through a mend or a
 * patch leaves a copy the next mend puts right.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tree_pool.h"
#include "util.h"

struct entry {
	char *name;
	unsigned char type; /* DT_* */
	ino_t ino;
};

struct entries {
	struct entry *v;
	int n, alloc;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name,
		      ((const struct entry *)b)->name);
}

static unsigned char type_of_mode(mode_t mode)
{
	if (S_ISDIR(mode))
		return DT_DIR;
	if (S_ISLNK(mode))
		return DT_LNK;
	return S_ISREG(mode) ? DT_REG : DT_UNKNOWN;
}

/* The entries of the directory open at @fd, sorted; -1 when unreadable. */
static int list_entries(int fd, struct entries *list)
{
	int dup_fd = dup(fd);
	DIR *dir = dup_fd < 0 ? NULL : fdopendir(dup_fd);
	struct dirent *d;

	memset(list, 0, sizeof(*list));
	if (!dir) {
		if (dup_fd >= 0)
			close(dup_fd);
		return -1;
	}
	while ((d = readdir(dir))) {
		struct entry *e;

		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		if (list->n == list->alloc) {
			list->alloc = list->alloc ? 2 * list->alloc : 64;
			list->v = xrealloc(list->v,
					   list->alloc * sizeof(*list->v));
		}
		e = &list->v[list->n++];
		e->name = xstrdup(d->d_name);
		e->type = d->d_type;
		e->ino = d->d_ino;
		/* Some file systems leave the type to stat. */
		if (e->type == DT_UNKNOWN) {
			struct stat st;

			if (fstatat(fd, e->name, &st, AT_SYMLINK_NOFOLLOW) == 0)
				e->type = type_of_mode(st.st_mode);
		}
	}
	closedir(dir);
	if (list->n > 1)
		qsort(list->v, list->n, sizeof(*list->v), by_name);
	return 0;
}

static void entries_free(struct entries *list)
{
	for (int i = 0; i < list->n; i++)
		free(list->v[i].name);
	free(list->v);
}

static int open_dir_at(int fd, const char *name)
{
	return openat(fd, name,
		      O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

/* rm -rf of @name in the directory open at @fd. */
static int remove_at(int fd, const char *name, unsigned char type)
{
	struct entries list;
	int sub, ret = 0;

	if (type != DT_DIR)
		return unlinkat(fd, name, 0);
	sub = open_dir_at(fd, name);
	if (sub < 0 || list_entries(sub, &list)) {
		if (sub >= 0)
			close(sub);
		return -1;
	}
	for (int i = 0; i < list.n && !ret; i++)
		ret = remove_at(sub, list.v[i].name, list.v[i].type);
	entries_free(&list);
	close(sub);
	return ret ? ret : unlinkat(fd, name, AT_REMOVEDIR);
}

static int mend_dir(struct tree_pool *pool, int kdir_fd, int copy_fd);

/* Put KDIR's entry @e into the copy, which has nothing of that name. */
static int add_at(struct tree_pool *pool, int kdir_fd, int copy_fd,
		  const struct entry *e)
{
	struct stat st;
	int from, to, ret;

	pool->linked++;
	if (e->type != DT_DIR)
		return linkat(kdir_fd, e->name, copy_fd, e->name, 0);
	if (fstatat(kdir_fd, e->name, &st, AT_SYMLINK_NOFOLLOW) ||
	    mkdirat(copy_fd, e->name, (st.st_mode & 07777) | 0700))
		return -1;
	from = open_dir_at(kdir_fd, e->name);
	to = open_dir_at(copy_fd, e->name);
	ret = from < 0 || to < 0 ? -1 : mend_dir(pool, from, to);
	if (from >= 0)
		close(from);
	if (to >= 0)
		close(to);
	return ret;
}

/* Make the copy's directory at @copy_fd hold what KDIR's at @kdir_fd does. */
static int mend_dir(struct tree_pool *pool, int kdir_fd, int copy_fd)
{
	struct entries want, have;
	int i = 0, j = 0, ret = 0;

	if (list_entries(kdir_fd, &want))
		return -1;
	if (list_entries(copy_fd, &have)) {
		entries_free(&want);
		return -1;
	}
	while (!ret && (i < want.n || j < have.n)) {
		const struct entry *w = i < want.n ? &want.v[i] : NULL;
		const struct entry *h = j < have.n ? &have.v[j] : NULL;
		int cmp = !w ? 1 : !h ? -1 : strcmp(w->name, h->name);

		if (cmp > 0) {
			pool->removed++;
			ret = remove_at(copy_fd, h->name, h->type);
			j++;
			continue;
		}
		if (cmp < 0) {
			ret = add_at(pool, kdir_fd, copy_fd, w);
			i++;
			continue;
		}
		if (w->type == DT_DIR && h->type == DT_DIR) {
			int from = open_dir_at(kdir_fd, w->name);
			int to = open_dir_at(copy_fd, h->name);

			ret = from < 0 || to < 0 ? -1 :
						   mend_dir(pool, from, to);
			if (from >= 0)
				close(from);
			if (to >= 0)
				close(to);
		} else if (w->type != h->type || w->ino != h->ino) {
			/* Another file than KDIR's: a patch's, or stale. */
			pool->removed++;
			ret = remove_at(copy_fd, h->name, h->type);
			if (!ret)
				ret = add_at(pool, kdir_fd, copy_fd, w);
		}
		i++;
		j++;
	}
	entries_free(&want);
	entries_free(&have);
	return ret;
}

static char *pool_dir_of(const char *cache, const char *kdir)
{
	return xasprintf("%s/gate/pool-%016llx", cache,
			 (unsigned long long)fnv1a(FNV1A_INIT, kdir,
						   strlen(kdir)));
}

/*
 * flock() the pool's lock file without waiting. The file must still be
 * the one at its path once locked: a run that removes a pool removes its
 * lock file too, and a lock on the removed file guards nothing.
 */
static int lock_pool(const char *dir)
{
	char *path = xasprintf("%s/lock", dir);
	struct stat held, now;
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

	if (fd >= 0 && (flock(fd, LOCK_EX | LOCK_NB) || fstat(fd, &held) ||
			stat(path, &now) || held.st_ino != now.st_ino ||
			held.st_dev != now.st_dev)) {
		close(fd);
		fd = -1;
	}
	free(path);
	return fd;
}

/* The copy must never be KDIR, nor hold it, nor lie inside it. */
static bool apart(const char *tree, const char *kdir)
{
	char real[PATH_MAX];

	if (!realpath(tree, real))
		return false;
	return strcmp(real, kdir) && !path_under(real, kdir) &&
	       !path_under(kdir, real);
}

static bool write_kdir_name(const char *dir, const char *kdir)
{
	char *path = xasprintf("%s/kdir", dir);
	FILE *f = fopen(path, "w");
	bool ok = f && fprintf(f, "%s\n", kdir) > 0;

	if (f && fclose(f))
		ok = false;
	free(path);
	return ok;
}

bool tree_pool_take(struct tree_pool *pool, const char *cache, const char *kdir)
{
	int kdir_fd, copy_fd, ret = -1;

	memset(pool, 0, sizeof(*pool));
	pool->lock_fd = -1;
	pool->dir = pool_dir_of(cache, kdir);
	pool->tree = xasprintf("%s/tree", pool->dir);
	mkdir_p(pool->dir);
	pool->lock_fd = lock_pool(pool->dir);
	if (pool->lock_fd < 0)
		goto busy;
	/* Its mtime says when it was last used, for tree_pool_trim(). */
	if (!write_kdir_name(pool->dir, kdir) ||
	    (mkdir(pool->tree, 0755) && errno != EEXIST) ||
	    !apart(pool->tree, kdir))
		goto drop;
	kdir_fd = open(kdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	copy_fd = open(pool->tree,
		       O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (kdir_fd >= 0 && copy_fd >= 0)
		ret = mend_dir(pool, kdir_fd, copy_fd);
	if (kdir_fd >= 0)
		close(kdir_fd);
	if (copy_fd >= 0)
		close(copy_fd);
	if (!ret)
		return true;
drop:
	/* Another file system, or a link refused: no copy to keep. */
	remove_tree(pool->dir);
busy:
	tree_pool_release(pool);
	return false;
}

void tree_pool_release(struct tree_pool *pool)
{
	if (pool->lock_fd >= 0)
		close(pool->lock_fd);
	pool->lock_fd = -1;
	free(pool->dir);
	free(pool->tree);
	pool->dir = NULL;
	pool->tree = NULL;
}

struct pool_use {
	char *dir;
	time_t used;
};

static int by_use(const void *a, const void *b)
{
	const struct pool_use *x = a, *y = b;

	return (x->used < y->used) - (x->used > y->used);
}

void tree_pool_trim(const char *cache, int keep)
{
	char *gate = xasprintf("%s/gate", cache);
	DIR *dir = opendir(gate);
	struct pool_use *pools = NULL;
	int n = 0, kept = 0;
	struct dirent *d;

	while (dir && (d = readdir(dir))) {
		char *kdir_file, *kdir;
		struct stat st;

		if (!starts_with(d->d_name, "pool-"))
			continue;
		pools = xrealloc(pools, (n + 1) * sizeof(*pools));
		pools[n].dir = xasprintf("%s/%s", gate, d->d_name);
		kdir_file = xasprintf("%s/kdir", pools[n].dir);
		kdir = read_file(kdir_file, NULL);
		if (kdir)
			kdir[strcspn(kdir, "\n")] = '\0';
		/* A tree that is gone: its copy is of no more use. */
		if (kdir && is_dir(kdir) && !stat(kdir_file, &st))
			pools[n].used = st.st_mtime;
		else
			pools[n].used = 0;
		free(kdir);
		free(kdir_file);
		n++;
	}
	if (dir)
		closedir(dir);
	if (n > 1)
		qsort(pools, n, sizeof(*pools), by_use);
	for (int i = 0; i < n; i++) {
		int fd = -1;

		if (pools[i].used && kept < keep)
			kept++;
		else
			fd = lock_pool(pools[i].dir);
		/* Held by another run: in use, whatever its age. */
		if (fd >= 0) {
			remove_tree(pools[i].dir);
			close(fd);
		}
		free(pools[i].dir);
	}
	free(pools);
	free(gate);
}

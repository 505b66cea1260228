// SPDX-License-Identifier: GPL-2.0
/*
 * tree_pool.c: the gate's copy of KDIR kept in the cache. Every take must
 * leave a copy that holds KDIR's entries and nothing else, whatever an
 * earlier run left in it.
 */
#include <fcntl.h>
#include <sys/stat.h>

#include "tree_pool.h"
#include "unit.h"

struct pool_dirs {
	char *top; /* removed after the test */
	char *kdir;
	char *cache;
};

static void sh(const char *cmd)
{
	assert_int_equal(system(cmd), 0);
}

/* A small tree: files, nested directories, a symlink and an empty dir. */
static void pool_dirs_make(struct pool_dirs *d, const char *tmp_base)
{
	char *cmd;

	d->top = xasprintf("%s/ptecheck-pool.XXXXXX", tmp_base);
	assert_non_null(mkdtemp(d->top));
	d->kdir = xasprintf("%s/kdir", d->top);
	d->cache = xasprintf("%s/cache", d->top);
	cmd = xasprintf("cd %s && mkdir -p kdir/d/e kdir/z cache && "
			"echo a >kdir/a && echo b >kdir/d/b && "
			"echo c >kdir/d/e/c && ln -s a kdir/l",
			d->top);
	sh(cmd);
	free(cmd);
}

static void pool_dirs_free(struct pool_dirs *d)
{
	remove_tree(d->top);
	free(d->top);
	free(d->kdir);
	free(d->cache);
}

/* Every entry with its type, and the inode of all but directories. */
static char *listing(const char *dir)
{
	char *cmd = xasprintf("cd %s && find . -mindepth 1 "
			      "\\( -type d -printf '%%P d\\n' \\) -o "
			      "-printf '%%P %%y %%i\\n' | sort",
			      dir);
	char *argv[] = { "sh", "-c", cmd, NULL }, *out = NULL;

	assert_int_equal(run_command_output(argv, NULL, &out), 0);
	free(cmd);
	return out;
}

static void assert_mirrors(const struct tree_pool *pool, const char *kdir)
{
	char *want = listing(kdir), *have = listing(pool->tree);

	assert_string_equal(have, want);
	free(want);
	free(have);
}

static int count_pools(const char *cache)
{
	char *cmd =
		xasprintf("ls -d %s/gate/pool-* 2>/dev/null | wc -l", cache);
	char *argv[] = { "sh", "-c", cmd, NULL }, *out = NULL;
	int n;

	assert_int_equal(run_command_output(argv, NULL, &out), 0);
	n = atoi(out);
	free(out);
	free(cmd);
	return n;
}

static void test_first_take(void **state)
{
	struct pool_dirs d;
	struct tree_pool pool;

	pool_dirs_make(&d, "/tmp");
	assert_true(tree_pool_take(&pool, d.cache, d.kdir));
	assert_mirrors(&pool, d.kdir);
	/* a, d, d/b, d/e, d/e/c, l, z */
	assert_int_equal(pool.linked, 7);
	assert_int_equal(pool.removed, 0);
	tree_pool_release(&pool);
	/* Taken again unchanged, nothing is touched. */
	assert_true(tree_pool_take(&pool, d.cache, d.kdir));
	assert_int_equal(pool.linked + pool.removed, 0);
	tree_pool_release(&pool);
	pool_dirs_free(&d);
}

/* What a gate applied, or anyone wrote into the copy, is undone. */
static void test_mend(void **state)
{
	struct pool_dirs d;
	struct tree_pool pool;
	char *cmd, *text, *path;

	pool_dirs_make(&d, "/tmp");
	assert_true(tree_pool_take(&pool, d.cache, d.kdir));
	cmd = xasprintf("cd %s && rm d/b && echo patched >d/b && "
			"echo new >x && mkdir -p y/q && echo q >y/q/f && "
			"rm d/e/c && rm -r z && echo not-a-dir >z && "
			"rm l && ln -s d/b l",
			pool.tree);
	sh(cmd);
	free(cmd);
	tree_pool_release(&pool);
	/* KDIR moves on too: a replaced file and a new one. */
	cmd = xasprintf("cd %s && rm a && echo a2 >a && echo n >d/n", d.kdir);
	sh(cmd);
	free(cmd);

	assert_true(tree_pool_take(&pool, d.cache, d.kdir));
	assert_mirrors(&pool, d.kdir);
	path = xasprintf("%s/d/b", pool.tree);
	text = read_file(path, NULL);
	assert_string_equal(text, "b\n");
	free(text);
	free(path);
	tree_pool_release(&pool);
	pool_dirs_free(&d);
}

/* Two gates on one tree: the second makes a copy of its own. */
static void test_busy(void **state)
{
	struct pool_dirs d;
	struct tree_pool first, second;

	pool_dirs_make(&d, "/tmp");
	assert_true(tree_pool_take(&first, d.cache, d.kdir));
	assert_false(tree_pool_take(&second, d.cache, d.kdir));
	assert_null(second.tree);
	assert_true(is_dir(first.tree));
	assert_mirrors(&first, d.kdir);
	tree_pool_release(&first);
	assert_true(tree_pool_take(&second, d.cache, d.kdir));
	tree_pool_release(&second);
	pool_dirs_free(&d);
}

/* A cache inside KDIR: the copy would be part of what it copies. */
static void test_refuses_inside(void **state)
{
	struct pool_dirs d;
	struct tree_pool pool;
	char *cache;

	pool_dirs_make(&d, "/tmp");
	cache = xasprintf("%s/cache", d.kdir);
	assert_false(tree_pool_take(&pool, cache, d.kdir));
	/* No copy is left in KDIR. */
	assert_int_equal(count_pools(cache), 0);
	free(cache);
	pool_dirs_free(&d);
}

/* KDIR and the cache on different file systems: no links, nothing kept. */
static void test_other_file_system(void **state)
{
	struct pool_dirs d, other;
	struct tree_pool pool;
	struct stat a, b;

	pool_dirs_make(&d, "/tmp");
	if (!is_dir("/dev/shm")) {
		pool_dirs_free(&d);
		skip();
	}
	pool_dirs_make(&other, "/dev/shm");
	if (stat(d.top, &a) || stat(other.top, &b) || a.st_dev == b.st_dev) {
		pool_dirs_free(&other);
		pool_dirs_free(&d);
		skip();
	}
	assert_false(tree_pool_take(&pool, other.cache, d.kdir));
	assert_int_equal(count_pools(other.cache), 0);
	pool_dirs_free(&other);
	pool_dirs_free(&d);
}

/* The copy of a tree that is gone goes; so do the least recently used. */
static void test_trim(void **state)
{
	struct pool_dirs d;
	struct tree_pool pool, held;
	char *kdirs[3], *cmd;

	pool_dirs_make(&d, "/tmp");
	for (int i = 0; i < 3; i++) {
		kdirs[i] = xasprintf("%s/k%d", d.top, i);
		cmd = xasprintf("cp -a %s %s", d.kdir, kdirs[i]);
		sh(cmd);
		free(cmd);
		assert_true(tree_pool_take(&pool, d.cache, kdirs[i]));
		tree_pool_release(&pool);
	}
	assert_int_equal(count_pools(d.cache), 3);
	remove_tree(kdirs[0]);
	tree_pool_trim(d.cache, 4);
	assert_int_equal(count_pools(d.cache), 2);
	/* One in use by another run stays, whatever its age. */
	assert_true(tree_pool_take(&held, d.cache, kdirs[1]));
	tree_pool_trim(d.cache, 0);
	assert_int_equal(count_pools(d.cache), 1);
	assert_true(is_dir(held.tree));
	tree_pool_release(&held);
	tree_pool_trim(d.cache, 0);
	assert_int_equal(count_pools(d.cache), 0);
	for (int i = 0; i < 3; i++)
		free(kdirs[i]);
	pool_dirs_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_take),
		cmocka_unit_test(test_mend),
		cmocka_unit_test(test_busy),
		cmocka_unit_test(test_refuses_inside),
		cmocka_unit_test(test_other_file_system),
		cmocka_unit_test(test_trim),
	};

	return cmocka_run_group_tests_name("tree_pool", tests, NULL, NULL);
}

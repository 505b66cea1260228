/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gate's scratch copy of KDIR, kept in the cache between runs: a tree
 * of hard links that every use first mends to match KDIR entry by entry.
 */
#ifndef PTECHECK_TREE_POOL_H
#define PTECHECK_TREE_POOL_H

#include <stdbool.h>

struct tree_pool {
	char *dir; /* CACHE/gate/pool-HASH: kdir, lock and tree */
	char *tree; /* the copy, after tree_pool_take() */
	int lock_fd; /* flock()ed while this run uses it; -1 when not */
	unsigned long linked, removed; /* what the last mend changed */
};

/*
 * Take the pool's copy of @kdir under @cache and make it hold what KDIR
 * holds: the same names, types and, for everything but directories, the
 * same inodes. False when no copy can serve: another gate holds it,
 * @kdir and the cache are on different file systems, or a link is
 * refused. The caller then makes a copy of its own.
 */
bool tree_pool_take(struct tree_pool *pool, const char *cache,
		    const char *kdir);
/* Let other runs use the copy. What the gate applied stays until then. */
void tree_pool_release(struct tree_pool *pool);
/*
 * Drop the pools of trees that are gone, and all but the @keep most
 * recently used, unless another run holds them.
 */
void tree_pool_trim(const char *cache, int keep);

#endif

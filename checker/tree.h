/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel tree (KDIR, never written) and its O= build outside it. */
#ifndef PTECHECK_TREE_H
#define PTECHECK_TREE_H

#include "arch.h"
#include "config.h"

struct tree {
	char *kdir; /* absolute, no symlinks */
	char *version; /* from the top-level Makefile */
};

struct build {
	char *dir; /* the O= directory */
	char *label; /* the configuration, as reports name it */
	char *source; /* the tree it was prepared from: its flags name it */
	struct kconfig *kconfig;
};

/* Check that @path is a kernel tree for @arch; dies with a reason if not. */
void tree_open(struct tree *tree, const char *path, const struct arch *arch);

/*
 * Find or make a prepared O= build: @build_dir as given, or one in the
 * cache made by the kernel's own Kconfig from @config_file, or from the
 * arch's defconfig with its tracking features switched on and, for
 * --matrix, one entry's symbols set and unset. False, with a warning, when
 * the tree's Kconfig refuses a matrix entry (4K pages with 52-bit PA
 * before LPA2): the caller skips that configuration. Builds live in
 * @cache/build/.
 */
bool build_prepare(struct build *build, const struct tree *tree,
		   const struct arch *arch, const char *config_file,
		   const char *build_dir, const struct matrix_def *matrix,
		   const char *cache);

/* Use an existing prepared build (Kbuild and -p modes). */
void build_open(struct build *build, const struct arch *arch, const char *dir,
		const char *base);

/*
 * The objects Kbuild builds in @dir ("mm", "fs/proc") under @build's
 * configuration, composite objects by their parts, as paths relative to
 * the tree ("mm/memory.o"), and the subdirectories it enters ("mm/damon"),
 * into @objs. The kernel's own scripts/Makefile.build reads the
 * directory's Makefile with the build's include/config/auto.conf; a
 * directory its parent's Makefile does not enter builds nothing. False
 * when Kbuild cannot say (no auto.conf, make failed).
 */
bool build_objects(const struct build *build, const struct tree *tree,
		   const struct arch *arch, const char *dir, struct strv *objs);

void tree_free(struct tree *tree);
void build_free(struct build *build);

#endif

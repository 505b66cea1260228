/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kbuild mode's analysis of the arch headers, made once per O= build and
 * configuration, and reused by every `$(CHECK) file.c` that Kbuild starts
 * until a file the header probe read changes.
 */
#ifndef PTECHECK_HEADER_CACHE_H
#define PTECHECK_HEADER_CACHE_H

#include <clang-c/Index.h>
#include <stdbool.h>

#include "report.h"
#include "util.h"

/*
 * The cache file for a header probe under @key (what it depends on besides
 * the files it reads: version, arch data, rules, .config, flags), in
 * @cache_dir; never in the kernel tree nor the user's O= directory.
 */
char *header_cache_path(const char *cache_dir, const char *key);

/*
 * Hold @path's lock while it is looked up and made: `make -jN` starts many
 * of us at once, and one makes it while the others wait. Returns the fd.
 */
int header_cache_lock(const char *path);

/*
 * The names and findings @path holds, if every file its probe read is
 * still as it was (size and modification time).
 */
bool header_cache_load(const char *path, struct strv *names,
		       struct findings *fs);

/*
 * Keep @names and @fs, with the files @probe read, in @path: written
 * beside it and renamed into place, so no reader ever sees half of it.
 */
void header_cache_store(const char *path, CXTranslationUnit probe,
			const struct strv *names, const struct findings *fs);

#endif

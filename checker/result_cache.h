/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Results kept between runs: Kbuild mode's analysis of the arch headers,
 * made once per O= build and reused by every `$(CHECK) file.c` Kbuild
 * starts, and tree mode's findings of one configuration, reused by a run
 * on an unchanged tree. An entry is valid while every file its parses
 * read keeps its size and modification time.
 */
#ifndef PTECHECK_RESULT_CACHE_H
#define PTECHECK_RESULT_CACHE_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stdio.h>

#include "report.h"
#include "util.h"

/* What a run puts in an entry. */
struct cached_result {
	struct strv names; /* what makes a source worth parsing */
	int files_checked;
	FILE *deps; /* "dep ..." lines, from result_note_files() */
};

/*
 * The entry of kind @kind ("kbuild", "check") for @key (what it depends on
 * besides the files it read and this ptecheck binary: arch data, rules,
 * configuration), in @cache_dir; never in the kernel tree nor the user's
 * O= directory. The files read inside the kernel tree are kept relative
 * to it, so that a copy of the tree (the gate's, a scratch copy: hard
 * links that keep each file's size and modification time) finds the
 * entry of the tree it was copied from.
 */
char *result_path(const char *cache_dir, const char *kind, const char *key);

/*
 * Hold @path's lock while it is looked up and made: `make -jN` starts many
 * of us at once, and one makes it while the others wait. Returns the fd.
 */
int result_lock(const char *path);

/* Fill @r's names and files_checked and @fs from @path, if it is valid. */
bool result_load(const char *path, const char *kdir, struct cached_result *r,
		 struct findings *fs);

/* Note a file the run read (a source it chose not to parse, too). */
void result_note_path(const char *path, FILE *deps);
/* Note the files @tu read, into @deps. */
void result_note_files(CXTranslationUnit tu, FILE *deps);
/* Note that the run warned: its result is not kept (a hit would hide it). */
void result_note_warning(FILE *deps);

/*
 * Keep @r and @fs (from index @from on) in @path: written beside it and
 * renamed into place, so no reader ever sees half of it. Nothing is kept
 * when the run warned.
 */
void result_store(const char *path, const char *kdir, struct cached_result *r,
		  const struct findings *fs, int from);

void cached_result_free(struct cached_result *r);

#endif

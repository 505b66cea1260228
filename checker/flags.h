/* SPDX-License-Identifier: GPL-2.0 */
/* Compiler command lines from Kbuild, turned into libclang arguments. */
#ifndef PTECHECK_FLAGS_H
#define PTECHECK_FLAGS_H

#include <stdbool.h>

#include "util.h"

/* Split a shell command line as Kbuild writes it into .cmd files. */
bool shell_split(const char *line, struct strv *out);

/*
 * Keep what decides how the source parses (defines, includes, target,
 * language) and drop what only drives the compile (outputs, dependency
 * files, -Werror) or only sparse understands (-Wbitwise, --arch=).
 * Sources (*.c, *.S) are dropped and returned in @sources when not NULL.
 */
void flags_for_libclang(char *const *argv, int argc, struct strv *out,
			struct strv *sources);

/* @template's flags with Kbuild's object names set for @source. */
void flags_for_object(const struct strv *template, const char *source,
		      struct strv *out);

/* The flags of the savedcmd_ line of a Kbuild .cmd file. */
bool flags_from_cmd_file(const char *path, struct strv *out);

/*
 * Point the paths under @from (the tree a shared build was prepared from)
 * at @to, the tree being checked.
 */
void flags_rebase(struct strv *flags, const char *from, const char *to);

#endif

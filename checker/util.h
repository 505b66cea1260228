/* SPDX-License-Identifier: GPL-2.0 */
/* Small helpers shared by every phase: memory, strings, messages, processes. */
#ifndef PTECHECK_UTIL_H
#define PTECHECK_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __noreturn __attribute__((__noreturn__))

/* Exit status of the contract: 0 clean, 1 findings, 2 usage or input error. */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_INPUT = 2 };

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __printf(1, 2);

/* One line on stderr, "ptecheck: ...", then exit 2. */
void die(const char *fmt, ...) __printf(1, 2) __noreturn;
/* A warning: one "ptecheck: ..." line, left out with --quiet. */
void warn(const char *fmt, ...) __printf(1, 2);
/*
 * Progress: one line on a terminal, rewritten by the next and erased by
 * progress_done() or any message; nothing when stderr is no terminal.
 */
void progress(const char *fmt, ...) __printf(1, 2);
void progress_done(void);
/* Lead every progress line with @context ("patch 2/3"); NULL: none. */
void progress_context(const char *context);
/* --quiet: no progress line and no warnings; errors still show. */
void messages_quiet(bool quiet);

bool starts_with(const char *s, const char *prefix);
bool ends_with(const char *s, const char *suffix);
bool is_dir(const char *path);
bool is_file(const char *path);
char *read_file(const char *path, size_t *len);
/* Path of @path relative to @dir, or NULL when it is outside @dir. */
const char *path_under(const char *path, const char *dir);

/* A growable array of strings, NULL-terminated for execvp(). */
struct strv {
	char **v;
	int n, alloc;
};
void strv_push(struct strv *sv, const char *s);
void strv_pushf(struct strv *sv, const char *fmt, ...) __printf(2, 3);
void strv_free(struct strv *sv);
/* Sort in strcmp() order. */
void strv_sort(struct strv *sv);

/*
 * Run @argv with stdout and stderr sent to @log (appended), or inherited
 * when @log is NULL. Returns the exit status, or -1 when it could not run.
 */
/* The command run_command() waits for, so a signal handler can stop it. */
int running_command(void);
int run_command(char *const argv[], const char *dir, const char *log);
/*
 * Run @argv in @dir with its stdout kept in *@out (NUL-terminated, to be
 * freed) and its stderr discarded. Returns as run_command() does.
 */
int run_command_output(char *const argv[], const char *dir, char **out);
/* @s as a JSON string, quoted and escaped. */
void json_string(FILE *out, const char *s);
/* Line @line of the file at @path, without its newline, or NULL. */
char *file_line(const char *path, unsigned int line);
/* Stop the running command and rm -rf @dir: for SIGINT handlers. */
void stop_and_remove(const char *dir);
/* rm -rf, used to drop scratch directories on failure or interrupt. */
void remove_tree(const char *path);
/* mkdir -p; dies with the reason when it cannot. */
void mkdir_p(const char *path);

/* FNV-1a, for cache keys (not for anything an attacker chooses). */
#define FNV1A_INIT 0xcbf29ce484222325ULL
uint64_t fnv1a(uint64_t h, const char *s, size_t n);
/* rm -rf @dir at exit, or on SIGINT or SIGTERM: a run's scratch space. */
void remove_at_exit(const char *dir);

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * die() exits, which libFuzzer counts as a crash; the harnesses are
 * linked with -Wl,--wrap=die so that it jumps back instead.  The
 * allocator hooks remember what was allocated meanwhile, so that those
 * blocks are freed as the exit would have, and a leak report means a leak.
 */
#include <sanitizer/allocator_interface.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

#define SLOTS (1 << 18)
/* volatile: the sanitizer hooks are declared so. */
#define GONE ((const volatile void *)1)

jmp_buf fuzz_die_jmp;
static const volatile void *live[SLOTS];
static size_t used[SLOTS], nr_used;
static int tracking, died;

static size_t slot(const volatile void *p)
{
	return ((uintptr_t)p >> 4) * 0x9e3779b97f4a7c15ULL >> (64 - 18);
}

static void on_malloc(const volatile void *p, size_t size)
{
	if (!tracking || !p)
		return;
	for (size_t i = slot(p), k = 0; k < SLOTS; i = (i + 1) % SLOTS, k++)
		if (!live[i] || live[i] == GONE) {
			if (!live[i])
				used[nr_used++] = i;
			live[i] = p;
			return;
		}
	abort();
}

static void on_free(const volatile void *p)
{
	if (!tracking || !p)
		return;
	for (size_t i = slot(p), k = 0; k < SLOTS && live[i];
	     i = (i + 1) % SLOTS, k++)
		if (live[i] == p) {
			live[i] = GONE;
			return;
		}
}

void fuzz_track_begin(void)
{
	static int hooked;

	if (!hooked++)
		__sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
	died = 0;
	tracking = 1;
}

void fuzz_track_end(int keep)
{
	tracking = 0;
	for (size_t k = 0; k < nr_used; k++) {
		size_t i = used[k];

		if (live[i] != GONE && (died || !keep))
			free((void *)live[i]);
		live[i] = NULL;
	}
	nr_used = 0;
}

void __real_die(const char *fmt, ...);
void __wrap_die(const char *fmt, ...)
{
	died = 1;
	longjmp(fuzz_die_jmp, 1);
}

char *fuzz_text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

const char *fuzz_dir(void)
{
	static char dir[64];

	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/ptecheck-fuzz.XXXXXX");
		if (!mkdtemp(dir))
			abort();
	}
	return dir;
}

/* NAME under fuzz_dir(), holding DATA; for parsers that take a path. */
const char *fuzz_file(const char *name, const uint8_t *data, size_t size)
{
	static char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
	f = fopen(path, "w");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f))
		abort();
	return path;
}

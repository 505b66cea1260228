/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the libFuzzer harnesses: die() that returns, temp files. */
#ifndef PTECHECK_FUZZ_H
#define PTECHECK_FUZZ_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

extern jmp_buf fuzz_die_jmp;

/*
 * Run CALL; a die() inside it (bad input: exit 2 in ptecheck) comes back
 * here, and what was allocated since is freed, as the exit would.
 * With KEEP false the allocations are freed on success too: for data
 * that ptecheck keeps for the whole process.
 */
#define FUZZ_RUN(keep, call)                       \
	do {                                       \
		fuzz_track_begin();                \
		if (!setjmp(fuzz_die_jmp))         \
			call;                      \
		fuzz_track_end(keep);              \
	} while (0)

void fuzz_track_begin(void);
void fuzz_track_end(int keep);
char *fuzz_text(const uint8_t *data, size_t size);
const char *fuzz_file(const char *name, const uint8_t *data, size_t size);
const char *fuzz_dir(void);

#endif

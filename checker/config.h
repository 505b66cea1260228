/* SPDX-License-Identifier: GPL-2.0 */
/* A kernel .config as Kconfig wrote it: CONFIG_X=value lines. */
#ifndef PTECHECK_CONFIG_H
#define PTECHECK_CONFIG_H

#include <stdbool.h>

struct kconfig;

struct kconfig *kconfig_read(const char *path);
/* The value of CONFIG_@name ("y", "m", a string), or NULL when unset. */
const char *kconfig_get(const struct kconfig *kc, const char *name);
bool kconfig_enabled(const struct kconfig *kc, const char *name);
void kconfig_free(struct kconfig *kc);

#endif

// SPDX-License-Identifier: GPL-2.0
/* Compiler command lines from Kbuild, turned into libclang arguments. */
#include <stdlib.h>
#include <string.h>

#include "flags.h"

bool shell_split(const char *line, struct strv *out)
{
	size_t len = strlen(line), n = 0;
	char *word = xmalloc(len + 1);
	bool in_word = false;
	char quote = 0;

	for (const char *p = line; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			else if (quote == '"' && *p == '\\' && p[1] &&
				 strchr("$`\"\\\n", p[1]))
				word[n++] = *++p;
			else
				word[n++] = *p;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
			in_word = true;
		} else if (*p == '\\' && p[1]) {
			word[n++] = *++p;
			in_word = true;
		} else if (*p == ' ' || *p == '\t' || *p == '\n') {
			if (in_word) {
				word[n] = '\0';
				strv_push(out, word);
				n = 0;
				in_word = false;
			}
		} else {
			word[n++] = *p;
			in_word = true;
		}
	}
	if (in_word) {
		word[n] = '\0';
		strv_push(out, word);
	}
	free(word);
	return !quote;
}

/* Flags that take the next argument as their value and only drive output. */
static const char *const drop_with_arg[] = { "-o", "-MF", "-MT", "-MQ" };

/* Flags that only steer the compile, or that only sparse understands. */
static const char *const drop_exact[] = {
	"-c",
	"-S",
	"-E",
	"-fverbose-asm",
	"-MD",
	"-MMD",
	"-Wbitwise",
	"-Wno-return-void",
	"-Wno-unknown-attribute",
	"-m64",
	"-m32",
	"-Wsparse-all",
	"-Wsparse-error",
	"-Wno-decl",
};

static const char *const drop_prefix[] = {
	"-Wp,-MMD,", "-Wp,-MD,", "-Werror", "--arch=", "-Wsparse",
};

/* Kbuild names each object; a template command line names another. */
static const char *const object_names[] = {
	"-DKBUILD_MODFILE=",
	"-DKBUILD_BASENAME=",
	"-DKBUILD_MODNAME=",
	"-D__KBUILD_MODNAME=",
};

static bool in_list(const char *arg, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(arg, list[i]))
			return true;
	return false;
}

static bool has_prefix(const char *arg, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (starts_with(arg, list[i]))
			return true;
	return false;
}

static bool is_source(const char *arg)
{
	return arg[0] != '-' && (ends_with(arg, ".c") || ends_with(arg, ".S"));
}

void flags_for_libclang(char *const *argv, int argc, struct strv *out,
			struct strv *sources)
{
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (in_list(a, drop_with_arg, ARRAY_SIZE(drop_with_arg))) {
			i++;
			continue;
		}
		if (in_list(a, drop_exact, ARRAY_SIZE(drop_exact)) ||
		    has_prefix(a, drop_prefix, ARRAY_SIZE(drop_prefix)))
			continue;
		/* -include/-I/-isystem values are paths, never sources. */
		if ((!strcmp(a, "-include") || !strcmp(a, "-I") ||
		     !strcmp(a, "-isystem")) &&
		    i + 1 < argc) {
			strv_push(out, a);
			strv_push(out, argv[++i]);
			continue;
		}
		if (is_source(a)) {
			if (sources)
				strv_push(sources, a);
			continue;
		}
		strv_push(out, a);
	}
	/* Say nothing about the kernel's own warnings: we only need the AST. */
	strv_push(out, "-Wno-everything");
	strv_push(out, "-Qunused-arguments");
}

void flags_for_object(const struct strv *template, const char *source,
		      struct strv *out)
{
	const char *base = strrchr(source, '/') ? strrchr(source, '/') + 1 :
						  source;
	char *name = xasprintf("%.*s", (int)strcspn(base, "."), base);

	for (char *p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	for (int i = 0; i < template->n; i++)
		if (!has_prefix(template->v[i], object_names,
				ARRAY_SIZE(object_names)))
			strv_push(out, template->v[i]);
	strv_pushf(out, "-DKBUILD_MODFILE=\"%s\"", name);
	strv_pushf(out, "-DKBUILD_BASENAME=\"%s\"", name);
	strv_pushf(out, "-DKBUILD_MODNAME=\"%s\"", name);
	strv_pushf(out, "-D__KBUILD_MODNAME=kmod_%s", name);
	free(name);
}

bool flags_from_cmd_file(const char *path, struct strv *out)
{
	struct strv words = { 0 };
	char *text, *line, *cmd;
	bool ok;

	text = read_file(path, NULL);
	if (!text)
		return false;
	line = strstr(text, "savedcmd_");
	if (!line)
		line = strstr(text, "cmd_");
	cmd = line ? strstr(line, " := ") : NULL;
	if (!cmd) {
		free(text);
		return false;
	}
	cmd += 4;
	cmd[strcspn(cmd, "\n")] = '\0';
	ok = shell_split(cmd, &words) && words.n > 1;
	/* words.v[0] is the compiler itself. */
	if (ok)
		flags_for_libclang(words.v + 1, words.n - 1, out, NULL);
	strv_free(&words);
	free(text);
	return ok;
}

void flags_rebase(struct strv *flags, const char *from, const char *to)
{
	size_t n = strlen(from);

	for (int i = 0; i < flags->n; i++) {
		char *arg = flags->v[i], *at = strstr(arg, from);

		if (!at || (at[n] && at[n] != '/'))
			continue;
		flags->v[i] =
			xasprintf("%.*s%s%s", (int)(at - arg), arg, to, at + n);
		free(arg);
	}
}

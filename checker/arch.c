// SPDX-License-Identifier: GPL-2.0
/* Per-arch knowledge, read from the data files in checker/arch/. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "arch_data.h"

static const struct {
	const char *name;
	const char *text;
} builtin[] = { ARCH_DATA_TABLE };

static void set_word(char **field, struct strv *words, const char *key,
		     const char *origin, int lineno)
{
	if (words->n != 1)
		die("%s:%d: '%s' takes one word", origin, lineno, key);
	free(*field);
	*field = xstrdup(words->v[0]);
}

static void add_words(struct strv *field, struct strv *words)
{
	for (int i = 0; i < words->n; i++)
		strv_push(field, words->v[i]);
}

/* toolchain VAR=VALUE...: make variables, never a command to run. */
static void add_toolchain(struct arch *arch, struct strv *words,
			  const char *origin, int lineno)
{
	for (int i = 0; i < words->n; i++) {
		const char *w = words->v[i];
		size_t name =
			strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");

		if (!name || w[name] != '=' ||
		    strpbrk(w + name + 1, " \t;&|$`"))
			die("%s:%d: 'toolchain' takes make variables (VAR=VALUE), not '%s'",
			    origin, lineno, w);
		strv_push(&arch->toolchain, w);
	}
}

static void add_tracking(struct arch *arch, struct strv *words,
			 const char *origin, int lineno)
{
	struct tracking *t;

	if (words->n != 3 && words->n != 5)
		die("%s:%d: 'tracking' takes: feature macro swap-macro [config have-symbol]",
		    origin, lineno);
	if (arch->nr_tracking == (int)ARRAY_SIZE(arch->tracking))
		die("%s:%d: too many tracking bits", origin, lineno);
	t = &arch->tracking[arch->nr_tracking++];
	t->feature = xstrdup(words->v[0]);
	t->pte_macro = xstrdup(words->v[1]);
	t->swp_macro = xstrdup(words->v[2]);
	t->config = words->n == 5 ? xstrdup(words->v[3]) : NULL;
	t->have = words->n == 5 ? xstrdup(words->v[4]) : NULL;
}

/* tracking-pmd FEATURE MACRO: the bit a pmd entry keeps it in. */
static void add_tracking_pmd(struct arch *arch, struct strv *words,
			     const char *origin, int lineno)
{
	struct tracking *t = NULL;

	if (words->n != 2)
		die("%s:%d: 'tracking-pmd' takes: feature macro", origin,
		    lineno);
	for (int i = 0; i < arch->nr_tracking; i++)
		if (!strcmp(arch->tracking[i].feature, words->v[0]))
			t = &arch->tracking[i];
	if (!t || t->pmd_macro)
		die("%s:%d: 'tracking-pmd %s' needs one 'tracking %s' line before it",
		    origin, lineno, words->v[0], words->v[0]);
	t->pmd_macro = xstrdup(words->v[1]);
}

int arch_state(const struct arch *arch, const char *name)
{
	for (int i = 0; i < arch->states.n; i++)
		if (!strcmp(arch->states.v[i], name))
			return i;
	return -1;
}

static int need_state(const struct arch *arch, const char *name,
		      const char *origin, int lineno)
{
	int state = arch_state(arch, name);

	if (state < 0)
		die("%s:%d: unknown state '%s' (not on the 'state' line)",
		    origin, lineno, name);
	return state;
}

static enum role need_role(const char *name, const char *origin, int lineno)
{
	for (int r = 0; r < NR_ROLES; r++)
		if (!strcmp(role_name(r), name))
			return r;
	die("%s:%d: unknown role '%s'", origin, lineno, name);
}

static void add_states(struct arch *arch, struct strv *words,
		       const char *origin, int lineno)
{
	for (int i = 0; i < words->n; i++) {
		if (arch->states.n == MAX_STATES)
			die("%s:%d: too many states", origin, lineno);
		strv_push(&arch->states, words->v[i]);
	}
}

/* bit MACRO[?] STATE:ROLE... */
static void add_bit(struct arch *arch, struct strv *words, const char *origin,
		    int lineno)
{
	struct bit_def *b;
	char *name;

	if (words->n < 2)
		die("%s:%d: 'bit' takes: MACRO STATE:ROLE...", origin, lineno);
	arch->bits = xrealloc(arch->bits, (arch->nr_bits + 1) * sizeof(*b));
	b = &arch->bits[arch->nr_bits++];
	memset(b, 0, sizeof(*b));
	name = words->v[0];
	b->optional = ends_with(name, "?");
	b->macro = xasprintf("%.*s", (int)(strlen(name) - b->optional), name);
	for (int i = 1; i < words->n; i++) {
		char *colon = strchr(words->v[i], ':');

		if (!colon || b->nr_states == MAX_STATES)
			die("%s:%d: '%s' is not STATE:ROLE", origin, lineno,
			    words->v[i]);
		*colon = '\0';
		b->state[b->nr_states] =
			need_state(arch, words->v[i], origin, lineno);
		b->role[b->nr_states++] = need_role(colon + 1, origin, lineno);
	}
}

/*
 * A field's shift or width: a macro, or macros and numbers joined by +
 * and - where the kernel has no macro for it (x86 puts the type at
 * 64-SWP_TYPE_BITS; riscv's offset runs to BITS_PER_LONG).
 */
bool is_macro_sum(const char *s)
{
	static const char ident_chars[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_0123456789";
	bool want_term = true;

	for (const char *p = s; *p;) {
		size_t n = strspn(p, ident_chars);

		if (want_term != (n > 0))
			return false;
		if (n && isdigit((unsigned char)*p) &&
		    strspn(p, "0123456789") != n)
			return false;
		p += n ? n : 1;
		if (!n && p[-1] != '+' && p[-1] != '-')
			return false;
		want_term = !n;
	}
	return !want_term;
}

static void add_field(struct arch *arch, struct strv *words, const char *origin,
		      int lineno)
{
	struct field_def *f;

	if (words->n != 4 || arch->nr_fields == (int)ARRAY_SIZE(arch->fields))
		die("%s:%d: 'field' takes: STATE NAME SHIFT BITS|mask:MASK",
		    origin, lineno);
	for (int i = 2; i < 4; i++)
		if (!is_macro_sum(words->v[i]) &&
		    !(i == 3 && starts_with(words->v[i], "mask:") &&
		      is_macro_sum(words->v[i] + 5)))
			die("%s:%d: '%s' is not a macro, nor macros and numbers joined by + and -",
			    origin, lineno, words->v[i]);
	f = &arch->fields[arch->nr_fields++];
	f->state = need_state(arch, words->v[0], origin, lineno);
	f->name = xstrdup(words->v[1]);
	f->shift_macro = xstrdup(words->v[2]);
	f->bits_macro = xstrdup(words->v[3]);
}

static void add_sw_mask(struct arch *arch, struct strv *words,
			const char *origin, int lineno)
{
	struct sw_mask_def *m;

	if (words->n != 2 || arch->nr_sw_masks == MAX_STATES)
		die("%s:%d: 'sw-mask' takes: STATE MACRO", origin, lineno);
	m = &arch->sw_masks[arch->nr_sw_masks++];
	m->state = need_state(arch, words->v[0], origin, lineno);
	m->macro = xstrdup(words->v[1]);
}

static void add_present_test(struct arch *arch, struct strv *words,
			     const char *origin, int lineno)
{
	struct present_test_def *t;

	if (words->n < 2 || arch->nr_present_tests == MAX_STATES)
		die("%s:%d: 'present-test' takes: STATE HELPER...", origin,
		    lineno);
	t = &arch->present_tests[arch->nr_present_tests++];
	t->state = need_state(arch, words->v[0], origin, lineno);
	for (int i = 1; i < words->n; i++)
		strv_push(&t->helpers, words->v[i]);
}

/* TEXT...: the rest of a line's words, joined by single spaces. */
static char *join_words(struct strv *words, int from)
{
	size_t len = 1;
	char *text;

	for (int i = from; i < words->n; i++)
		len += strlen(words->v[i]) + 1;
	text = xcalloc(1, len);
	for (int i = from; i < words->n; i++) {
		if (i > from)
			strcat(text, " ");
		strcat(text, words->v[i]);
	}
	return text;
}

/* annotation STATE,STATE... TEXT... */
static void add_annotation(struct arch *arch, struct strv *words,
			   const char *origin, int lineno)
{
	struct annotation_def *a;
	char *list, *state, *save = NULL;

	if (words->n < 2 ||
	    arch->nr_annotations == (int)ARRAY_SIZE(arch->annotations))
		die("%s:%d: 'annotation' takes: STATE,STATE... TEXT...", origin,
		    lineno);
	a = &arch->annotations[arch->nr_annotations++];
	list = xstrdup(words->v[0]);
	for (state = strtok_r(list, ",", &save); state;
	     state = strtok_r(NULL, ",", &save))
		a->allowed[need_state(arch, state, origin, lineno)] = true;
	free(list);
	a->text = join_words(words, 1);
}

/* alias A B: two names of one bit, never an overlap. */
static void add_alias(struct arch *arch, struct strv *words, const char *origin,
		      int lineno)
{
	if (words->n != 2 || arch->nr_aliases == (int)ARRAY_SIZE(arch->aliases))
		die("%s:%d: 'alias' takes: MACRO MACRO", origin, lineno);
	arch->aliases[arch->nr_aliases][0] = xstrdup(words->v[0]);
	arch->aliases[arch->nr_aliases++][1] = xstrdup(words->v[1]);
}

bool arch_aliases(const struct arch *arch, const char *a, const char *b)
{
	for (int i = 0; i < arch->nr_aliases; i++) {
		const char *x = arch->aliases[i][0], *y = arch->aliases[i][1];

		if ((!strcmp(x, a) && !strcmp(y, b)) ||
		    (!strcmp(x, b) && !strcmp(y, a)))
			return true;
	}
	return false;
}

/* swap-comment-term OWNER TEXT... */
static void add_comment_term(struct arch *arch, struct strv *words,
			     const char *origin, int lineno)
{
	struct comment_term *t;

	if (words->n < 2 || arch->nr_swap_comment_terms ==
				    (int)ARRAY_SIZE(arch->swap_comment_terms))
		die("%s:%d: 'swap-comment-term' takes: FIELD|zero TEXT...",
		    origin, lineno);
	t = &arch->swap_comment_terms[arch->nr_swap_comment_terms++];
	t->owner = xstrdup(words->v[0]);
	t->text = join_words(words, 1);
}

/* swap-comment-bit WORD MACRO-SUM */
static void add_comment_bit(struct arch *arch, struct strv *words,
			    const char *origin, int lineno)
{
	struct comment_bit *b;

	if (words->n != 2 || !is_macro_sum(words->v[1]) ||
	    arch->nr_swap_comment_bits ==
		    (int)ARRAY_SIZE(arch->swap_comment_bits))
		die("%s:%d: 'swap-comment-bit' takes: WORD MACRO[+-N]", origin,
		    lineno);
	b = &arch->swap_comment_bits[arch->nr_swap_comment_bits++];
	b->word = xstrdup(words->v[0]);
	b->value = xstrdup(words->v[1]);
}

/* matrix NAME +SYMBOL -SYMBOL... */
static void add_matrix(struct arch *arch, struct strv *words,
		       const char *origin, int lineno)
{
	struct matrix_def *m;

	if (words->n < 2 || arch->nr_matrix == (int)ARRAY_SIZE(arch->matrix))
		die("%s:%d: 'matrix' takes: NAME +SYMBOL -SYMBOL...", origin,
		    lineno);
	m = &arch->matrix[arch->nr_matrix++];
	m->name = xstrdup(words->v[0]);
	for (int i = 1; i < words->n; i++) {
		const char *w = words->v[i];

		if (w[0] == '+')
			strv_push(&m->enable, w + 1);
		else if (w[0] == '-')
			strv_push(&m->disable, w + 1);
		else
			die("%s:%d: '%s' needs + or -", origin, lineno, w);
	}
}

static void parse_line(struct arch *arch, char *line, const char *origin,
		       int lineno)
{
	struct strv words = { 0 };
	char *key, *w;

	line[strcspn(line, "#")] = '\0';
	key = strtok(line, " \t");
	if (!key)
		return;
	while ((w = strtok(NULL, " \t")))
		strv_push(&words, w);

	if (!strcmp(key, "arch"))
		set_word(&arch->name, &words, key, origin, lineno);
	else if (!strcmp(key, "kconfig"))
		set_word(&arch->kconfig, &words, key, origin, lineno);
	else if (!strcmp(key, "defconfig"))
		set_word(&arch->defconfig, &words, key, origin, lineno);
	else if (!strcmp(key, "flags"))
		set_word(&arch->flags_cmd, &words, key, origin, lineno);
	else if (!strcmp(key, "toolchain"))
		add_toolchain(arch, &words, origin, lineno);
	else if (!strcmp(key, "feature"))
		add_words(&arch->features, &words);
	else if (!strcmp(key, "include"))
		add_words(&arch->includes, &words);
	else if (!strcmp(key, "dirty-test"))
		add_words(&arch->dirty_tests, &words);
	else if (!strcmp(key, "write-bit"))
		set_word(&arch->write_bit, &words, key, origin, lineno);
	else if (!strcmp(key, "dirty-bit"))
		set_word(&arch->dirty_bit, &words, key, origin, lineno);
	else if (!strcmp(key, "hw-dirty"))
		add_words(&arch->hw_dirty, &words);
	else if (!strcmp(key, "access-flags"))
		add_words(&arch->access_flags, &words);
	else if (!strcmp(key, "access-keep"))
		add_words(&arch->access_keep, &words);
	else if (!strcmp(key, "tracking"))
		add_tracking(arch, &words, origin, lineno);
	else if (!strcmp(key, "tracking-pmd"))
		add_tracking_pmd(arch, &words, origin, lineno);
	else if (!strcmp(key, "state"))
		add_states(arch, &words, origin, lineno);
	else if (!strcmp(key, "bit"))
		add_bit(arch, &words, origin, lineno);
	else if (!strcmp(key, "field"))
		add_field(arch, &words, origin, lineno);
	else if (!strcmp(key, "sw-mask"))
		add_sw_mask(arch, &words, origin, lineno);
	else if (!strcmp(key, "present-test"))
		add_present_test(arch, &words, origin, lineno);
	else if (!strcmp(key, "swap-comment"))
		set_word(&arch->swap_comment, &words, key, origin, lineno);
	else if (!strcmp(key, "swap-comment-start")) {
		if (!words.n || arch->swap_comment_start)
			die("%s:%d: 'swap-comment-start' takes: TEXT...",
			    origin, lineno);
		arch->swap_comment_start = join_words(&words, 0);
	} else if (!strcmp(key, "swap-comment-term")) {
		add_comment_term(arch, &words, origin, lineno);
	} else if (!strcmp(key, "swap-comment-join")) {
		if (!words.n)
			die("%s:%d: 'swap-comment-join' takes: WORD...", origin,
			    lineno);
		for (int i = 0; i < words.n; i++)
			strv_push(&arch->swap_comment_joins, words.v[i]);
	} else if (!strcmp(key, "swap-comment-bit"))
		add_comment_bit(arch, &words, origin, lineno);
	else if (!strcmp(key, "annotation"))
		add_annotation(arch, &words, origin, lineno);
	else if (!strcmp(key, "alias"))
		add_alias(arch, &words, origin, lineno);
	else if (!strcmp(key, "matrix"))
		add_matrix(arch, &words, origin, lineno);
	else
		die("%s:%d: unknown key '%s'", origin, lineno, key);
	strv_free(&words);
}

struct arch *arch_parse(const char *text, const char *origin)
{
	struct arch *arch = xcalloc(1, sizeof(*arch));
	char *copy = xstrdup(text), *line, *save = NULL;
	int lineno = 0;

	/* strtok_r by hand: empty lines must still count for line numbers. */
	for (line = copy; line; line = save) {
		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		parse_line(arch, line, origin, ++lineno);
	}
	free(copy);
	if (!arch->name || !arch->kconfig || !arch->defconfig ||
	    !arch->flags_cmd)
		die("%s: needs arch, kconfig, defconfig and flags", origin);
	/* Kbuild's clang needs no cross compiler: the default. */
	if (!arch->toolchain.n)
		strv_push(&arch->toolchain, "LLVM=1");
	if (!arch->swap_comment != !arch->swap_comment_start)
		die("%s: swap-comment and swap-comment-start go together",
		    origin);
	return arch;
}

const struct arch *arch_lookup(const char *name)
{
	static struct arch *parsed[ARRAY_SIZE(builtin)];

	for (size_t i = 0; i < ARRAY_SIZE(builtin); i++) {
		if (strcmp(builtin[i].name, name))
			continue;
		if (!parsed[i]) {
			char *origin = xasprintf("checker/arch/%s.def", name);

			parsed[i] = arch_parse(builtin[i].text, origin);
			free(origin);
		}
		return parsed[i];
	}
	return NULL;
}

const char *arch_names(void)
{
	static char *names;
	char *list = NULL;

	if (names)
		return names;
	for (size_t i = 0; i < ARRAY_SIZE(builtin); i++) {
		char *next = xasprintf("%s%s%s", list ? list : "",
				       i ? ", " : "", builtin[i].name);

		free(list);
		list = next;
	}
	names = list;
	return names;
}

int arch_count(void)
{
	return ARRAY_SIZE(builtin);
}

const struct arch *arch_nth(int i)
{
	return i >= 0 && i < (int)ARRAY_SIZE(builtin) ?
		       arch_lookup(builtin[i].name) :
		       NULL;
}

const struct tracking *arch_tracking(const struct arch *arch,
				     const char *feature)
{
	for (int i = 0; i < arch->nr_tracking; i++)
		if (!strcmp(arch->tracking[i].feature, feature))
			return &arch->tracking[i];
	return NULL;
}

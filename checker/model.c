// SPDX-License-Identifier: GPL-2.0
/* The PTE model of one configuration: macro values evaluated by libclang. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

#define PROBE_PREFIX "__ptecheck_probe_"

/* The macro names in A-B+8, in order. */
static void split_sum(const char *sum, struct strv *terms)
{
	for (const char *p = sum; *p;) {
		size_t n = strcspn(p, "+-");

		if (n && !isdigit((unsigned char)*p))
			strv_pushf(terms, "%.*s", (int)n, p);
		p += n + (p[n] != '\0');
	}
}

/* A probe function's name for a macro or a sum: - and + spelled out. */
static char *probe_name(const char *name)
{
	/* At most 9 bytes ("__minus__") for each byte of @name. */
	char *fn = xcalloc(1, 9 * strlen(name) + 1), *end = fn;

	for (const char *p = name; *p; p++) {
		if (*p == '-')
			end = stpcpy(end, "__minus__");
		else if (*p == '+')
			end = stpcpy(end, "__plus__");
		else
			*end++ = *p;
	}
	return fn;
}

static void add_name(struct strv *names, const char *name)
{
	for (int i = 0; i < names->n; i++)
		if (!strcmp(names->v[i], name))
			return;
	strv_push(names, name);
}

/* mask:MASK says a field's width by its mask (s390's __SWP_TYPE_MASK). */
static const char *field_width_of(const char *bits)
{
	return starts_with(bits, "mask:") ? bits + 5 : bits;
}

static bool is_sum(const char *name)
{
	return strpbrk(name, "+-");
}

/* The macros of a sum, so their definitions' places are known. */
static void add_terms(struct strv *names, const char *sum)
{
	struct strv terms = { 0 };

	if (!is_sum(sum))
		return;
	split_sum(sum, &terms);
	for (int i = 0; i < terms.n; i++)
		add_name(names, terms.v[i]);
	strv_free(&terms);
}

/*
 * Generic macros every arch's swap entry holds: where a migration entry
 * keeps the young and dirty bits in the swap offset (linux/swapops.h).
 */
static const char *const generic_macros[] = { "SWP_MIG_YOUNG_BIT",
					      "SWP_MIG_DIRTY_BIT" };

/* Every macro the arch data names, and the generic ones. */
static void macro_names(const struct arch *arch, struct strv *names)
{
	for (size_t i = 0; i < ARRAY_SIZE(generic_macros); i++)
		add_name(names, generic_macros[i]);
	for (int i = 0; i < arch->nr_tracking; i++) {
		add_name(names, arch->tracking[i].pte_macro);
		add_name(names, arch->tracking[i].swp_macro);
		if (arch->tracking[i].pmd_macro)
			add_name(names, arch->tracking[i].pmd_macro);
	}
	for (int i = 0; i < arch->nr_bits; i++)
		add_name(names, arch->bits[i].macro);
	for (int i = 0; i < arch->nr_fields; i++) {
		add_name(names, arch->fields[i].shift_macro);
		add_name(names, field_width_of(arch->fields[i].bits_macro));
		add_terms(names, arch->fields[i].shift_macro);
		add_terms(names, arch->fields[i].bits_macro);
	}
	for (int i = 0; i < arch->nr_swap_comment_bits; i++) {
		add_name(names, arch->swap_comment_bits[i].value);
		add_terms(names, arch->swap_comment_bits[i].value);
	}
	for (int i = 0; i < arch->nr_sw_masks; i++)
		add_name(names, arch->sw_masks[i].macro);
	for (int i = 0; i < arch->access_keep.n; i++)
		add_name(names, arch->access_keep.v[i]);
	for (int i = 0; i < arch->hw_dirty.n; i++)
		add_name(names, arch->hw_dirty.v[i]);
	if (arch->write_bit)
		add_name(names, arch->write_bit);
	if (arch->dirty_bit)
		add_name(names, arch->dirty_bit);
}

char *model_probe_text(const struct arch *arch)
{
	struct strv names = { 0 };
	char *text = xstrdup(""), *next;

	macro_names(arch, &names);
	for (int i = 0; i < names.n; i++) {
		const char *m = names.v[i];
		struct strv terms = { 0 };
		char *guard = xstrdup("1"), *fn = probe_name(m);

		/* A sum is evaluated when each macro in it is defined. */
		split_sum(m, &terms);
		for (int t = 0; t < terms.n; t++) {
			next = xasprintf("%s && defined(%s)", guard,
					 terms.v[t]);
			free(guard);
			guard = next;
		}
		next = xasprintf(
			"%s#if %s\nstatic inline __maybe_unused unsigned long long " PROBE_PREFIX
			"%s(void) { return (unsigned long long)(%s); }\n#endif\n",
			text, guard, fn, m);
		free(text);
		free(guard);
		free(fn);
		strv_free(&terms);
		text = next;
	}
	strv_free(&names);
	return text;
}

static enum CXChildVisitResult find_body(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	if (clang_getCursorKind(c) != CXCursor_CompoundStmt)
		return CXChildVisit_Continue;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

/* The returned expression of a probe function. */
static bool probe_result(CXCursor func, uint64_t *value)
{
	CXCursor body = clang_getNullCursor(), ret, expr;

	/* The kernel's inline brings attributes: look for the body. */
	clang_visitChildren(func, find_body, &body);
	if (clang_Cursor_isNull(body) || cursor_children(body, &ret, 1) != 1 ||
	    cursor_children(ret, &expr, 1) != 1)
		return false;
	return const_value(expr, value);
}

static struct macro_value *find(const struct model *model, const char *name)
{
	for (int i = 0; i < model->nr_macros; i++)
		if (!strcmp(model->macros[i].name, name))
			return &model->macros[i];
	return NULL;
}

/* Where a macro of ours is defined, and whether it is another's alias. */
static void scan_definition(struct model *model, CXTranslationUnit tu,
			    CXCursor c)
{
	struct strv tokens = { 0 };
	struct macro_value *m;
	struct where w;
	char *name = cursor_name(c);

	m = find(model, name);
	free(name);
	if (!m)
		return;
	where_cursor(c, &w);
	free(m->file);
	m->file = w.file;
	m->line = w.line;
	/* #define A (B) or #define A B: tokens A ( B ) or A B. */
	cursor_tokens(tu, c, &tokens);
	free(m->alias_of);
	m->alias_of = NULL;
	if (tokens.n == 4 && !strcmp(tokens.v[1], "(") &&
	    !strcmp(tokens.v[3], ")"))
		m->alias_of = xstrdup(tokens.v[2]);
	else if (tokens.n == 2)
		m->alias_of = xstrdup(tokens.v[1]);
	strv_free(&tokens);
}

struct scan_state {
	struct model *model;
	CXTranslationUnit tu;
};

static enum CXChildVisitResult scan(CXCursor c, CXCursor parent,
				    CXClientData data)
{
	struct scan_state *ss = data;
	struct model *model = ss->model;
	char *name;

	if (clang_getCursorKind(c) == CXCursor_MacroDefinition) {
		scan_definition(model, ss->tu, c);
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	name = cursor_name(c);
	if (starts_with(name, PROBE_PREFIX)) {
		const char *macro = name + strlen(PROBE_PREFIX);

		for (int i = 0; i < model->nr_macros; i++) {
			struct macro_value *m = &model->macros[i];
			char *fn = probe_name(m->name);
			bool same = !strcmp(fn, macro);

			free(fn);
			if (!same)
				continue;
			m->state = probe_result(c, &m->value) ? MACRO_CONSTANT :
								MACRO_DYNAMIC;
		}
	}
	free(name);
	return CXChildVisit_Continue;
}

/* A width given as mask:MASK is the number of bits MASK has. */
static void mask_widths(struct model *model, const struct arch *arch)
{
	for (int i = 0; i < arch->nr_fields; i++) {
		const char *bits = arch->fields[i].bits_macro;
		const struct macro_value *mask;
		struct macro_value *m;

		if (bits == field_width_of(bits) || find(model, bits))
			continue;
		model->macros = xrealloc(model->macros,
					 (model->nr_macros + 1) * sizeof(*m));
		m = &model->macros[model->nr_macros++];
		memset(m, 0, sizeof(*m));
		m->name = xstrdup(bits);
		mask = find(model, field_width_of(bits));
		if (mask && mask->state == MACRO_CONSTANT) {
			m->state = MACRO_CONSTANT;
			m->value = __builtin_popcountll(mask->value);
			m->file = mask->file ? xstrdup(mask->file) : NULL;
			m->line = mask->line;
		}
	}
}

/* A sum is reported where its first macro is defined. */
static void sum_places(struct model *model)
{
	for (int i = 0; i < model->nr_macros; i++) {
		struct macro_value *m = &model->macros[i];
		struct strv terms = { 0 };

		if (!is_sum(m->name) || m->file)
			continue;
		split_sum(m->name, &terms);
		for (int t = 0; t < terms.n && !m->file; t++) {
			const struct macro_value *term =
				find(model, terms.v[t]);

			if (term && term->file) {
				m->file = xstrdup(term->file);
				m->line = term->line;
			}
		}
		strv_free(&terms);
	}
}

void model_load(struct model *model, struct tu *tu, const struct arch *arch)
{
	struct scan_state ss = { model, tu->cx };
	struct strv names = { 0 };

	macro_names(arch, &names);
	model->macros = xcalloc(names.n, sizeof(*model->macros));
	model->nr_macros = names.n;
	for (int i = 0; i < names.n; i++)
		model->macros[i].name = xstrdup(names.v[i]);
	strv_free(&names);
	clang_visitChildren(clang_getTranslationUnitCursor(tu->cx), scan, &ss);
	sum_places(model);
	mask_widths(model, arch);
}

void model_rename(struct model *model, const char *hint, const char *actual,
		  uint64_t value, const char *file, unsigned int line)
{
	struct macro_value *m = find(model, actual);

	if (!m) {
		model->macros = xrealloc(model->macros,
					 (model->nr_macros + 1) * sizeof(*m));
		m = &model->macros[model->nr_macros++];
		memset(m, 0, sizeof(*m));
		m->name = xstrdup(actual);
		m->state = MACRO_CONSTANT;
		m->value = value;
		m->file = file && *file ? xstrdup(file) : NULL;
		m->line = line;
	}
	if (!strcmp(hint, actual) ||
	    model->nr_renames == (int)ARRAY_SIZE(model->renames))
		return;
	model->renames[model->nr_renames].hint = xstrdup(hint);
	model->renames[model->nr_renames++].actual = xstrdup(actual);
}

void model_set_zero(struct model *model, int state, uint64_t mask,
		    const char *by)
{
	model->zero[state] = mask;
	model->zero_by[state] = by;
}

const char *model_name(const struct model *model, const char *hint)
{
	for (int i = 0; i < model->nr_renames; i++)
		if (!strcmp(model->renames[i].hint, hint))
			return model->renames[i].actual;
	return hint;
}

void model_free(struct model *model)
{
	for (int i = 0; i < model->nr_renames; i++) {
		free(model->renames[i].hint);
		free(model->renames[i].actual);
	}
	model->nr_renames = 0;
	for (int i = 0; i < model->nr_macros; i++) {
		free(model->macros[i].name);
		free(model->macros[i].file);
		free(model->macros[i].alias_of);
	}
	free(model->macros);
	model->macros = NULL;
	model->nr_macros = 0;
}

bool model_value(const struct model *model, const char *name, uint64_t *value)
{
	for (int i = 0; i < model->nr_macros; i++) {
		const struct macro_value *m = &model->macros[i];

		if (!strcmp(m->name, name) && m->state == MACRO_CONSTANT) {
			*value = m->value;
			return true;
		}
	}
	return false;
}

const struct macro_value *model_macro(const struct model *model,
				      const char *name)
{
	return find(model, name);
}

bool model_aliases(const struct model *model, const char *a, const char *b)
{
	const struct macro_value *ma = find(model, a), *mb = find(model, b);

	return (ma && ma->alias_of && !strcmp(ma->alias_of, b)) ||
	       (mb && mb->alias_of && !strcmp(mb->alias_of, a));
}

/*
 * The kernel says in comments where a bit is legal ("only for swp ptes");
 * the arch data lists those annotations and the states they allow, and
 * must not put the bit anywhere else.
 */
static void check_annotation(const struct macro_value *m,
			     const struct bit_def *b, const struct arch *arch)
{
	char *text = m->file ? file_line(m->file, m->line) : NULL;

	if (!text)
		return;
	for (int a = 0; a < arch->nr_annotations; a++) {
		const struct annotation_def *an = &arch->annotations[a];

		if (!strstr(text, an->text))
			continue;
		for (int i = 0; i < b->nr_states; i++)
			if (!an->allowed[b->state[i]])
				die("arch data puts %s in state %s, but %s:%u says '%s'",
				    b->macro, arch->states.v[b->state[i]],
				    m->file, m->line, an->text);
	}
	free(text);
}

static void add_owner(struct state_layout *st, uint64_t mask, const char *name,
		      enum role role)
{
	for (int bit = 0; bit < 64; bit++) {
		struct bit_cell *cell = &st->bits[bit];

		if (!(mask & (1ULL << bit)) || cell->nr_owners == MAX_OWNERS)
			continue;
		cell->owners[cell->nr_owners].name = name;
		cell->owners[cell->nr_owners++].role = role;
	}
}

static uint64_t field_mask(uint64_t shift, uint64_t bits)
{
	uint64_t ones = bits >= 64 ? ~0ULL : (1ULL << bits) - 1;

	return shift >= 64 ? 0 : ones << shift;
}

/*
 * The owner name to keep in @layout: the arch data's @hint, which lives as
 * long as the arch, or a copy of the name the helpers use instead.
 */
static const char *layout_name(struct layout *layout, const char *hint,
			       const char *name)
{
	if (name == hint)
		return hint;
	for (int i = 0; i < layout->nr_own_names; i++)
		if (!strcmp(layout->own_names[i], name))
			return layout->own_names[i];
	if (layout->nr_own_names == (int)ARRAY_SIZE(layout->own_names))
		return hint;
	layout->own_names[layout->nr_own_names] = xstrdup(name);
	return layout->own_names[layout->nr_own_names++];
}

/*
 * The arch data's name for @bit, as a hint for messages: a macro of just
 * that bit, a state marker first (PTE_PRESENT_INVALID, not PTE_NG).
 */
static const char *bit_name(const struct model *model, const struct arch *arch,
			    int bit)
{
	const char *found = NULL;

	for (int i = 0; i < arch->nr_bits; i++) {
		const struct bit_def *b = &arch->bits[i];
		uint64_t v;

		if (!model_value(model, model_name(model, b->macro), &v) ||
		    v != 1ULL << bit)
			continue;
		for (int k = 0; k < b->nr_states; k++)
			if (b->role[k] == ROLE_MARKER)
				return b->macro;
		if (!found)
			found = b->macro;
	}
	return found;
}

/* The bits the state's present tests read, each named as the data does. */
static void add_derived_zero(const struct model *model, const struct arch *arch,
			     struct layout *layout, int state)
{
	struct state_layout *st = &layout->states[state];

	for (int bit = 0; bit < 64; bit++) {
		const char *name, *hint;
		char *by;
		bool have = false;

		if (!(model->zero[state] & (1ULL << bit)))
			continue;
		for (int i = 0; i < st->bits[bit].nr_owners; i++)
			have |= st->bits[bit].owners[i].role == ROLE_ZERO;
		if (have)
			continue;
		hint = bit_name(model, arch, bit);
		by = xasprintf("%s()", model->zero_by[state]);
		name = hint ? layout_name(layout, hint,
					  model_name(model, hint)) :
			      layout_name(layout, "", by);
		free(by);
		add_owner(st, 1ULL << bit, name, ROLE_ZERO);
	}
}

void model_layout(const struct model *model, const struct arch *arch,
		  struct layout *layout)
{
	layout->nr_states = arch->states.n;
	for (int s = 0; s < arch->states.n; s++)
		layout->states[s].name = arch->states.v[s];

	for (int i = 0; i < arch->nr_bits; i++) {
		const struct bit_def *b = &arch->bits[i];
		const char *name = model_name(model, b->macro), *owner;
		const struct macro_value *m = find(model, name);

		if (!m || m->state == MACRO_UNDEFINED) {
			if (b->optional)
				continue;
			die("arch data names %s, which this tree does not define (mark it %s? if it may be absent)",
			    b->macro, b->macro);
		}
		if (m->state == MACRO_DYNAMIC) {
			if (layout->nr_dynamic <
			    (int)ARRAY_SIZE(layout->dynamic))
				layout->dynamic[layout->nr_dynamic++] =
					b->macro;
			continue;
		}
		check_annotation(m, b, arch);
		owner = layout_name(layout, b->macro, name);
		for (int k = 0; k < b->nr_states; k++) {
			struct state_layout *st = &layout->states[b->state[k]];

			add_owner(st, m->value, owner, b->role[k]);
			if (b->role[k] == ROLE_SW)
				st->used_sw |= m->value;
		}
	}
	for (int s = 0; s < arch->states.n; s++)
		add_derived_zero(model, arch, layout, s);
	for (int i = 0; i < arch->nr_fields; i++) {
		const struct field_def *f = &arch->fields[i];
		uint64_t shift, bits;

		if (!model_value(model, f->shift_macro, &shift) ||
		    !model_value(model, f->bits_macro, &bits))
			die("arch data field %s: %s or %s is not a constant in this tree",
			    f->name, f->shift_macro, f->bits_macro);
		add_owner(&layout->states[f->state], field_mask(shift, bits),
			  f->name, ROLE_FIELD);
	}
	for (int i = 0; i < arch->nr_sw_masks; i++) {
		const struct sw_mask_def *d = &arch->sw_masks[i];
		struct state_layout *st = &layout->states[d->state];
		uint64_t mask;

		if (model_value(model, d->macro, &mask)) {
			st->sw_mask = mask;
			st->used_sw &= mask;
		}
	}
}

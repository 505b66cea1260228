// SPDX-License-Identifier: GPL-2.0
/*
 * Path-sensitive state of entry values within one function. Statements
 * come from the AST (if, loops, switch, jumps); conditions and
 * expressions from their tokens, parsed here into &&, ||, !, ?:, = and
 * calls, because libclang 14 shows neither operators nor the macro
 * helpers (arm64's pte_present()) as written.
 */
#include <stdlib.h>
#include <string.h>

#include "entry_state.h"
#include "tu.h"
#include "util.h"

#define MAX_STMTS 2048

/*
 * The generic tests of include/linux/pgtable.h and swapops.h: the states
 * an entry can be in when the test is true, and when it is false.
 */
static const struct entry_test {
	const char *name;
	unsigned int if_true, if_false;
} entry_tests[] = {
	{ "pte_present", ENTRY_PRESENT, ENTRY_NONE | ENTRY_SWAP },
	{ "pte_none", ENTRY_NONE, ENTRY_PRESENT | ENTRY_SWAP },
	{ "is_swap_pte", ENTRY_SWAP, ENTRY_PRESENT | ENTRY_NONE },
	{ "pte_none_mostly", ENTRY_NONE | ENTRY_SWAP,
	  ENTRY_PRESENT | ENTRY_SWAP },
	{ "is_pte_marker", ENTRY_SWAP, ENTRY_ANY },
	{ "pte_marker_uffd_wp", ENTRY_SWAP, ENTRY_ANY },
	{ "pmd_present", ENTRY_PRESENT, ENTRY_NONE | ENTRY_SWAP },
	{ "pmd_none", ENTRY_NONE, ENTRY_PRESENT | ENTRY_SWAP },
	{ "is_swap_pmd", ENTRY_SWAP, ENTRY_PRESENT | ENTRY_NONE },
	{ "is_pmd_migration_entry", ENTRY_SWAP, ENTRY_ANY },
	{ "huge_pte_none", ENTRY_NONE, ENTRY_PRESENT | ENTRY_SWAP },
	{ "is_hugetlb_entry_migration", ENTRY_SWAP, ENTRY_ANY },
	{ "is_hugetlb_entry_hwpoisoned", ENTRY_SWAP, ENTRY_ANY },
	/* Tests is_swap_pte() first: true only on a swap entry or marker. */
	{ "pte_swp_uffd_wp_any", ENTRY_SWAP, ENTRY_ANY },
};

/* Tests of a swp_entry_t: true means the entry it came from is swap. */
static const char *const swp_entry_tests[] = {
	"is_migration_entry",	       "is_writable_migration_entry",
	"is_readable_migration_entry", "is_device_private_entry",
	"is_device_exclusive_entry",   "is_pfn_swap_entry",
	"is_hwpoison_entry",	       "non_swap_entry",
	"is_pte_marker_entry",
};

static const char *const swp_entry_of[] = { "pte_to_swp_entry",
					    "pmd_to_swp_entry" };

/* Helpers whose result is in the state of their first argument. */
static const char *const same_state_prefixes[] = {
	"pte_mk",	   "pte_clear_",      "pte_swp_mk",
	"pte_swp_clear_",  "pte_wrprotect",   "pte_modify",
	"pmd_mk",	   "pmd_clear_",      "pmd_swp_mk",
	"pmd_swp_clear_",  "pmd_wrprotect",   "pmd_modify",
	"huge_pte_mk",	   "huge_pte_clear_", "huge_pte_wrprotect",
	"huge_pte_modify",
};

/*
 * The generic builders, whose result is in one state whatever their
 * arguments: a swap entry (swap, migration, device, marker) or a present
 * one (a PROT_NONE entry is present too).
 */
static const struct entry_maker {
	const char *name;
	unsigned int state;
} entry_makers[] = {
	{ "swp_entry_to_pte", ENTRY_SWAP }, { "swp_entry_to_pmd", ENTRY_SWAP },
	{ "make_pte_marker", ENTRY_SWAP },  { "mk_pte", ENTRY_PRESENT },
	{ "mk_huge_pte", ENTRY_PRESENT },   { "mk_huge_pmd", ENTRY_PRESENT },
};

void entry_tokens_init(struct entry_tokens *t, CXTranslationUnit tu,
		       CXCursor func)
{
	unsigned int n;

	memset(t, 0, sizeof(*t));
	t->tu = tu;
	cursor_file_tokens(tu, func, &t->cx, &n);
	t->n = n;
	t->v = xcalloc(n + 1, sizeof(*t->v));
	t->offset = xcalloc(n + 1, sizeof(*t->offset));
	t->line = xcalloc(n + 1, sizeof(*t->line));
	for (unsigned int i = 0; i < n; i++) {
		CXString s = clang_getTokenSpelling(tu, t->cx[i]);

		t->v[i] = xstrdup(clang_getCString(s));
		clang_disposeString(s);
		clang_getFileLocation(clang_getTokenLocation(tu, t->cx[i]),
				      i ? NULL : &t->file, &t->line[i], NULL,
				      &t->offset[i]);
	}
}

void entry_tokens_free(struct entry_tokens *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	free(t->offset);
	free(t->line);
	if (t->cx)
		clang_disposeTokens(t->tu, t->cx, t->n);
}

int entry_tokens_match(const struct entry_tokens *t, int i)
{
	const char *open = t->v[i];
	char close = *open == '(' ? ')' : *open == '[' ? ']' : '}';
	int depth = 0;

	for (; i < t->n; i++) {
		if (t->v[i][0] == *open && !t->v[i][1])
			depth++;
		else if (t->v[i][0] == close && !t->v[i][1] && !--depth)
			return i;
	}
	return -1;
}

/* ---- the states of the tracked variables on one path ---- */

struct var_state {
	const char *name; /* a token's spelling */
	unsigned int known;
	bool untested;
};

struct state {
	struct var_state *v;
	int n;
	bool dead;
};

static struct state state_copy(const struct state *s)
{
	struct state c = { NULL, s->n, s->dead };

	c.v = xcalloc(s->n + 1, sizeof(*c.v));
	if (s->n)
		memcpy(c.v, s->v, s->n * sizeof(*c.v));
	return c;
}

static void state_free(struct state *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static struct var_state *state_var(const struct state *s, const char *name)
{
	for (int i = s->n - 1; i >= 0; i--)
		if (!strcmp(s->v[i].name, name))
			return &s->v[i];
	return NULL;
}

static void state_declare(struct state *s, const char *name)
{
	struct var_state *v = state_var(s, name);

	if (!v) {
		s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
		v = &s->v[s->n++];
		v->name = name;
	}
	v->known = 0;
	v->untested = true;
}

static void state_forget_all(struct state *s)
{
	for (int i = 0; i < s->n; i++) {
		s->v[i].known = 0;
		s->v[i].untested = true;
	}
}

/* @into becomes the join of @into and @from; @from is freed. */
static void state_join(struct state *into, struct state *from)
{
	if (from->dead) {
		state_free(from);
		return;
	}
	if (into->dead) {
		state_free(into);
		*into = *from;
		return;
	}
	for (int i = 0; i < into->n; i++) {
		struct var_state *o = state_var(from, into->v[i].name);

		if (!o) {
			into->v[i].known = 0;
			into->v[i].untested = true;
			continue;
		}
		into->v[i].known |= o->known;
		into->v[i].untested |= o->untested;
	}
	state_free(from);
}

/* ---- expressions, parsed from tokens ---- */

enum node_kind {
	N_OTHER,
	N_IDENT,
	N_CALL,
	N_NOT,
	N_AND,
	N_OR,
	N_COND,
	N_ASSIGN,
	N_SEQ
};

struct node {
	enum node_kind kind;
	int tok; /* N_IDENT, N_CALL: the name */
	int nr_kids;
	struct node **kids;
};

struct walk {
	const struct entry_tokens *t;
	entry_use_fn fn;
	void *ctx;
	char **escaped; /* names whose address is taken: not tracked */
	int nr_escaped;
	struct state *switch_breaks; /* the innermost switch's exit */
};

struct parser {
	const struct entry_tokens *t;
	int i, end;
};

static bool tok_is(const struct parser *p, const char *s)
{
	return p->i < p->end && !strcmp(p->t->v[p->i], s);
}

static bool is_ident(const char *s)
{
	if (!(*s == '_' || (*s >= 'a' && *s <= 'z') ||
	      (*s >= 'A' && *s <= 'Z')))
		return false;
	for (; *s; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			return false;
	return true;
}

static struct node *node_new(enum node_kind kind, int tok)
{
	struct node *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	n->tok = tok;
	return n;
}

static void node_add(struct node *n, struct node *kid)
{
	n->kids = xrealloc(n->kids, (n->nr_kids + 1) * sizeof(*n->kids));
	n->kids[n->nr_kids++] = kid;
}

static void node_free(struct node *n)
{
	if (!n)
		return;
	for (int i = 0; i < n->nr_kids; i++)
		node_free(n->kids[i]);
	free(n->kids);
	free(n);
}

static struct node *parse_assign(struct parser *p);
static struct node *parse_comma(struct parser *p);

static bool ends_seq(const struct parser *p)
{
	static const char *const stops[] = {
		"&&", "||", "?",  ":",	",",  ")",  "]",  "}",	";",   "=",
		"+=", "-=", "|=", "&=", "^=", "*=", "/=", "%=", "<<=", ">>="
	};

	if (p->i >= p->end)
		return true;
	for (size_t k = 0; k < ARRAY_SIZE(stops); k++)
		if (!strcmp(p->t->v[p->i], stops[k]))
			return true;
	return false;
}

/* The bracketed group at p->i, as one node; p->i moves past it. */
static struct node *parse_group(struct parser *p)
{
	int close = entry_tokens_match(p->t, p->i);
	struct parser inner = { p->t, p->i + 1, close };
	struct node *n;

	if (close < 0 || close >= p->end) {
		p->i = p->end;
		return node_new(N_OTHER, -1);
	}
	n = p->t->v[p->i][0] == '(' ? parse_comma(&inner) :
				      node_new(N_OTHER, p->i);
	p->i = close + 1;
	return n;
}

static struct node *parse_item(struct parser *p)
{
	const char *s = p->t->v[p->i];
	struct node *n;

	if (!strcmp(s, "!")) {
		p->i++;
		n = node_new(N_NOT, -1);
		if (!ends_seq(p))
			node_add(n, parse_item(p));
		return n;
	}
	if (!strcmp(s, "(") || !strcmp(s, "[") || !strcmp(s, "{"))
		return parse_group(p);
	if (is_ident(s) && p->i + 1 < p->end &&
	    !strcmp(p->t->v[p->i + 1], "(")) {
		int close = entry_tokens_match(p->t, p->i + 1);
		struct parser args = { p->t, p->i + 2, close };

		n = node_new(N_CALL, p->i);
		if (close < 0 || close >= p->end) {
			p->i = p->end;
			return n;
		}
		while (args.i < args.end) {
			node_add(n, parse_assign(&args));
			if (tok_is(&args, ","))
				args.i++;
			else if (args.i < args.end)
				args.i++; /* what the parser does not know */
		}
		p->i = close + 1;
		return n;
	}
	n = node_new(is_ident(s) ? N_IDENT : N_OTHER, p->i);
	p->i++;
	return n;
}

/* Operands joined by operators this parser does not need: one node. */
static struct node *parse_seq(struct parser *p)
{
	struct node *seq = NULL, *item;

	while (!ends_seq(p)) {
		item = parse_item(p);
		if (!seq) {
			seq = item;
			continue;
		}
		if (seq->kind != N_SEQ) {
			struct node *s = node_new(N_SEQ, -1);

			node_add(s, seq);
			seq = s;
		}
		node_add(seq, item);
	}
	return seq ? seq : node_new(N_OTHER, -1);
}

static struct node *parse_binary(struct parser *p, const char *op,
				 enum node_kind kind,
				 struct node *(*operand)(struct parser *))
{
	struct node *left = operand(p);

	while (tok_is(p, op)) {
		struct node *n = node_new(kind, -1);

		p->i++;
		node_add(n, left);
		node_add(n, operand(p));
		left = n;
	}
	return left;
}

static struct node *parse_and(struct parser *p)
{
	return parse_binary(p, "&&", N_AND, parse_seq);
}

static struct node *parse_or(struct parser *p)
{
	return parse_binary(p, "||", N_OR, parse_and);
}

static struct node *parse_cond(struct parser *p)
{
	struct node *c = parse_or(p), *n;

	if (!tok_is(p, "?"))
		return c;
	p->i++;
	n = node_new(N_COND, -1);
	node_add(n, c);
	node_add(n, parse_comma(p));
	if (tok_is(p, ":"))
		p->i++;
	node_add(n, parse_cond(p));
	return n;
}

static struct node *parse_assign(struct parser *p)
{
	struct node *left = parse_cond(p), *n;

	if (p->i >= p->end || !strchr("=+-|&^*/%<>", p->t->v[p->i][0]) ||
	    p->t->v[p->i][strlen(p->t->v[p->i]) - 1] != '=' ||
	    !strcmp(p->t->v[p->i], "==") || !strcmp(p->t->v[p->i], "<=") ||
	    !strcmp(p->t->v[p->i], ">="))
		return left;
	n = node_new(N_ASSIGN, p->i++);
	node_add(n, left);
	node_add(n, parse_assign(p));
	return n;
}

static struct node *parse_comma(struct parser *p)
{
	struct node *first = parse_assign(p), *seq;

	if (!tok_is(p, ","))
		return first;
	seq = node_new(N_SEQ, -1);
	node_add(seq, first);
	while (tok_is(p, ",")) {
		p->i++;
		node_add(seq, parse_assign(p));
	}
	return seq;
}

static struct node *parse_range(const struct entry_tokens *t, int from, int to)
{
	struct parser p = { t, from, to };
	struct node *n = parse_comma(&p), *seq;

	/* Whatever stopped the parse early is kept, not dropped. */
	while (p.i < p.end) {
		p.i++;
		seq = node_new(N_SEQ, -1);
		node_add(seq, n);
		node_add(seq, parse_comma(&p));
		n = seq;
	}
	return n;
}

/* ---- evaluation ---- */

static const char *tok(const struct walk *w, int i)
{
	return w->t->v[i];
}

static const char *var_arg(const struct walk *w, const struct node *call,
			   const struct state *s)
{
	const struct node *a;

	if (call->kind != N_CALL || !call->nr_kids)
		return NULL;
	a = call->kids[0];
	if (a->kind != N_IDENT || !state_var(s, tok(w, a->tok)))
		return NULL;
	return tok(w, a->tok);
}

static bool in_list(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(name, list[i]))
			return true;
	return false;
}

/* Narrow @var to @states on this path. */
static void narrow(struct state *s, const char *var, unsigned int states)
{
	struct var_state *v = state_var(s, var);

	if (!v || states == ENTRY_ANY)
		return;
	v->known = (v->known & states) | (v->untested ? states : 0);
	v->untested = false;
}

static void refine(const struct walk *w, const struct node *n, bool truth,
		   struct state *s);

/* Wrappers that return their argument's truth. */
static const char *const transparent[] = { "likely", "unlikely", "WARN_ON",
					   "WARN_ON_ONCE" };

static void refine_call(const struct walk *w, const struct node *n, bool truth,
			struct state *s)
{
	const char *name = tok(w, n->tok), *var = var_arg(w, n, s);

	if (n->nr_kids == 1 &&
	    in_list(name, transparent, ARRAY_SIZE(transparent))) {
		refine(w, n->kids[0], truth, s);
		return;
	}

	for (size_t i = 0; var && i < ARRAY_SIZE(entry_tests); i++)
		if (!strcmp(name, entry_tests[i].name))
			narrow(s, var,
			       truth ? entry_tests[i].if_true :
				       entry_tests[i].if_false);
	/* is_migration_entry(pte_to_swp_entry(pte)) */
	if (!truth || !n->nr_kids ||
	    !in_list(name, swp_entry_tests, ARRAY_SIZE(swp_entry_tests)) ||
	    n->kids[0]->kind != N_CALL ||
	    !in_list(tok(w, n->kids[0]->tok), swp_entry_of,
		     ARRAY_SIZE(swp_entry_of)))
		return;
	var = var_arg(w, n->kids[0], s);
	if (var)
		narrow(s, var, ENTRY_SWAP);
}

static void refine(const struct walk *w, const struct node *n, bool truth,
		   struct state *s)
{
	struct state other;

	if (s->dead)
		return;
	switch (n->kind) {
	case N_CALL:
		refine_call(w, n, truth, s);
		break;
	case N_NOT:
		if (n->nr_kids)
			refine(w, n->kids[0], !truth, s);
		break;
	case N_AND:
	case N_OR:
		if ((n->kind == N_AND) == truth) {
			refine(w, n->kids[0], truth, s);
			refine(w, n->kids[1], truth, s);
			break;
		}
		/* !(a && b): !a, or a && !b (and the same for ||) */
		other = state_copy(s);
		refine(w, n->kids[0], truth, s);
		refine(w, n->kids[0], !truth, &other);
		refine(w, n->kids[1], truth, &other);
		state_join(s, &other);
		break;
	default:
		break;
	}
}

static void eval(const struct walk *w, const struct node *n, struct state *s);

/*
 * The state of the entry @n computes: a tracked variable's, a builder's,
 * or what a same-state helper keeps of its first argument. False: unknown.
 */
static bool expr_state(const struct walk *w, const struct node *n,
		       const struct state *s, struct var_state *out)
{
	const struct var_state *v;
	const char *name;

	if (n->kind == N_IDENT) {
		v = state_var(s, tok(w, n->tok));
		if (v)
			*out = *v;
		return v;
	}
	if (n->kind != N_CALL)
		return false;
	name = tok(w, n->tok);
	for (size_t i = 0; i < ARRAY_SIZE(entry_makers); i++)
		if (!strcmp(name, entry_makers[i].name)) {
			out->known = entry_makers[i].state;
			out->untested = false;
			return true;
		}
	for (size_t i = 0; n->nr_kids && i < ARRAY_SIZE(same_state_prefixes);
	     i++)
		if (starts_with(name, same_state_prefixes[i]))
			return expr_state(w, n->kids[0], s, out);
	return false;
}

static void assign(const struct walk *w, const struct node *lhs,
		   const struct node *rhs, struct state *s)
{
	struct var_state *v, from;
	bool known;

	if (lhs->kind != N_IDENT || !state_var(s, tok(w, lhs->tok)))
		return;
	known = expr_state(w, rhs, s, &from);
	v = state_var(s, tok(w, lhs->tok));
	v->known = known ? from.known : 0;
	v->untested = known ? from.untested : true;
}

static void eval(const struct walk *w, const struct node *n, struct state *s)
{
	struct state branch;
	const char *var;

	if (s->dead)
		return;
	switch (n->kind) {
	case N_AND:
	case N_OR:
		eval(w, n->kids[0], s);
		branch = state_copy(s);
		refine(w, n->kids[0], n->kind == N_AND, &branch);
		eval(w, n->kids[1], &branch);
		state_free(&branch);
		return;
	case N_COND:
		eval(w, n->kids[0], s);
		for (int k = 1; k <= 2; k++) {
			branch = state_copy(s);
			refine(w, n->kids[0], k == 1, &branch);
			eval(w, n->kids[k], &branch);
			state_free(&branch);
		}
		return;
	case N_ASSIGN:
		eval(w, n->kids[1], s);
		if (!strcmp(tok(w, n->tok), "="))
			assign(w, n->kids[0], n->kids[1], s);
		return;
	case N_CALL:
		for (int k = 0; k < n->nr_kids; k++)
			eval(w, n->kids[k], s);
		var = var_arg(w, n, s);
		if (var) {
			const struct var_state *v = state_var(s, var);
			struct entry_use use = {
				.helper = tok(w, n->tok),
				.var = var,
				.known = v->known,
				.untested = v->untested,
				.line = w->t->line[n->tok],
			};

			w->fn(w->ctx, &use);
		}
		return;
	default:
		for (int k = 0; k < n->nr_kids; k++)
			eval(w, n->kids[k], s);
		return;
	}
}

/* ---- statements, from the AST ---- */

/* The token range a cursor covers: [*from, *to). */
static bool cursor_range(const struct walk *w, CXCursor c, int *from, int *to)
{
	CXSourceRange r = clang_getCursorExtent(c);
	unsigned int start, end;
	int lo = 0, hi = w->t->n;
	CXFile file, end_file;

	clang_getFileLocation(clang_getRangeStart(r), &file, NULL, NULL,
			      &start);
	clang_getFileLocation(clang_getRangeEnd(r), &end_file, NULL, NULL,
			      &end);
	/* A statement a header's macro makes has no tokens of ours. */
	if (!clang_File_isEqual(file, w->t->file) ||
	    !clang_File_isEqual(end_file, w->t->file))
		return false;
	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (w->t->offset[mid] < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	*from = lo;
	for (*to = lo; *to < w->t->n && w->t->offset[*to] < end; (*to)++)
		;
	return *to > *from;
}

static void eval_range(const struct walk *w, int from, int to, struct state *s)
{
	struct node *n;

	if (from >= to)
		return;
	n = parse_range(w->t, from, to);
	eval(w, n, s);
	node_free(n);
}

static void eval_cursor(const struct walk *w, CXCursor c, struct state *s)
{
	int from, to;

	if (cursor_range(w, c, &from, &to))
		eval_range(w, from, to, s);
}

static bool escaped(const struct walk *w, const char *name)
{
	for (int i = 0; i < w->nr_escaped; i++)
		if (!strcmp(w->escaped[i], name))
			return true;
	return false;
}

static bool is_entry_type(CXCursor decl)
{
	CXType type = clang_getCursorType(decl);
	CXString s = clang_getTypeSpelling(type);
	const char *name = clang_getCString(s);
	bool entry;

	if (starts_with(name, "const "))
		name += 6;
	entry = !strcmp(name, "pte_t") || !strcmp(name, "pmd_t");
	clang_disposeString(s);
	return entry;
}

/* The token of @decl's name, within its range. */
static int decl_name_tok(const struct walk *w, CXCursor decl, int from, int to)
{
	char *name = cursor_name(decl);
	int i;

	for (i = from; i < to && strcmp(w->t->v[i], name); i++)
		;
	free(name);
	return i < to ? i : -1;
}

static void walk_decl(const struct walk *w, CXCursor decl, struct state *s)
{
	int from, to, name, i;
	struct node *init;

	if (!cursor_range(w, decl, &from, &to))
		return;
	name = decl_name_tok(w, decl, from, to);
	if (name < 0)
		return;
	for (i = name + 1; i < to && strcmp(w->t->v[i], "="); i++)
		;
	if (!is_entry_type(decl) || escaped(w, w->t->v[name])) {
		struct var_state *v = state_var(s, w->t->v[name]);

		/* A shadowing declaration of another type. */
		if (v)
			v->name = "";
		eval_range(w, i + 1, to, s);
		return;
	}
	state_declare(s, w->t->v[name]);
	if (i >= to)
		return;
	init = parse_range(w->t, i + 1, to);
	eval(w, init, s);
	{
		struct node lhs = { N_IDENT, name, 0, NULL };

		assign(w, &lhs, init, s);
	}
	node_free(init);
}

static void walk_stmt(struct walk *w, CXCursor c, struct state *s);

/* Forget what is known of the variables a loop assigns. */
static void forget_assigned(const struct walk *w, CXCursor loop,
			    struct state *s)
{
	int from, to;

	if (!cursor_range(w, loop, &from, &to))
		return;
	for (int i = from; i + 1 < to; i++) {
		struct var_state *v = state_var(s, w->t->v[i]);
		const char *next = w->t->v[i + 1];

		if (v && next[strlen(next) - 1] == '=' && strcmp(next, "==") &&
		    strcmp(next, "<=") && strcmp(next, ">=") &&
		    strcmp(next, "!=")) {
			v->known = 0;
			v->untested = true;
		}
	}
}

static bool starts_with_keyword(const struct walk *w, CXCursor c,
				const char *keyword)
{
	int from, to;

	return cursor_range(w, c, &from, &to) &&
	       !strcmp(w->t->v[from], keyword);
}

static void walk_if(struct walk *w, CXCursor c, struct state *s)
{
	CXCursor kids[3];
	int n = cursor_children(c, kids, 3);
	int from, to;
	struct node *cond;
	struct state other;

	if (n < 2 || !cursor_range(w, kids[0], &from, &to))
		return;
	cond = parse_range(w->t, from, to);
	eval(w, cond, s);
	other = state_copy(s);
	refine(w, cond, true, s);
	refine(w, cond, false, &other);
	node_free(cond);
	walk_stmt(w, kids[1], s);
	if (n > 2)
		walk_stmt(w, kids[2], &other);
	state_join(s, &other);
}

static void walk_loop(struct walk *w, CXCursor c, struct state *s)
{
	CXCursor kids[4];
	int n = cursor_children(c, kids, 4);
	struct state body;

	/* do { body } while (cond): the body comes first. */
	int body_at = clang_getCursorKind(c) == CXCursor_DoStmt ? 0 : n - 1;

	forget_assigned(w, c, s);
	for (int k = 0; k < n; k++)
		if (k != body_at)
			walk_stmt(w, kids[k], s);
	if (!n)
		return;
	body = state_copy(s);
	walk_stmt(w, kids[body_at], &body);
	state_free(&body);
	/* After it: what held at its head, its assignments forgotten. */
}

static void walk_switch(struct walk *w, CXCursor c, struct state *s)
{
	CXCursor kids[2], stmts[MAX_STMTS];
	struct state *outer = w->switch_breaks, breaks = { NULL, 0, true };
	struct state entry, cur = { NULL, 0, true }, more;
	int n = cursor_children(c, kids, 2), nr;
	bool has_default = false;

	if (n < 2)
		return;
	eval_cursor(w, kids[0], s);
	entry = state_copy(s);
	w->switch_breaks = &breaks;
	nr = clang_getCursorKind(kids[1]) == CXCursor_CompoundStmt ?
		     cursor_children(kids[1], stmts, ARRAY_SIZE(stmts)) :
		     0;
	for (int k = 0; k < nr; k++) {
		CXCursor st = stmts[k];

		while (clang_getCursorKind(st) == CXCursor_CaseStmt ||
		       clang_getCursorKind(st) == CXCursor_DefaultStmt) {
			CXCursor sub[2];
			int m = cursor_children(st, sub, 2);

			if (clang_getCursorKind(st) == CXCursor_DefaultStmt)
				has_default = true;
			more = state_copy(&entry);
			more.dead = false;
			state_join(&cur, &more);
			if (!m)
				break;
			st = sub[m - 1];
		}
		walk_stmt(w, st, &cur);
	}
	w->switch_breaks = outer;
	state_join(&breaks, &cur);
	if (!has_default || !nr) {
		more = state_copy(&entry);
		state_join(&breaks, &more);
	}
	state_free(&entry);
	state_free(s);
	*s = breaks;
}

static void walk_stmt(struct walk *w, CXCursor c, struct state *s)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor kids[16];
	struct state brk;
	int n;

	if (k == CXCursor_LabelStmt) {
		/* Reached by a goto from anywhere: nothing known. */
		s->dead = false;
		state_forget_all(s);
		if (cursor_children(c, kids, 1) == 1)
			walk_stmt(w, kids[0], s);
		return;
	}
	if (s->dead)
		return;
	switch (k) {
	case CXCursor_CompoundStmt: {
		CXCursor *stmts = xcalloc(MAX_STMTS, sizeof(*stmts));
		int got = cursor_children(c, stmts, MAX_STMTS);

		for (int i = 0; i < got; i++)
			walk_stmt(w, stmts[i], s);
		free(stmts);
		return;
	}
	case CXCursor_IfStmt:
		if (starts_with_keyword(w, c, "if"))
			walk_if(w, c, s);
		else
			goto opaque;
		return;
	case CXCursor_ForStmt:
	case CXCursor_WhileStmt:
	case CXCursor_DoStmt:
		walk_loop(w, c, s);
		return;
	case CXCursor_SwitchStmt:
		walk_switch(w, c, s);
		return;
	case CXCursor_DeclStmt:
		n = cursor_children(c, kids, ARRAY_SIZE(kids));
		for (int i = 0; i < n; i++)
			if (clang_getCursorKind(kids[i]) == CXCursor_VarDecl)
				walk_decl(w, kids[i], s);
		return;
	case CXCursor_ReturnStmt:
		eval_cursor(w, c, s);
		s->dead = true;
		return;
	case CXCursor_BreakStmt:
		if (w->switch_breaks) {
			brk = state_copy(s);
			state_join(w->switch_breaks, &brk);
		}
		s->dead = true;
		return;
	case CXCursor_ContinueStmt:
	case CXCursor_GotoStmt:
	case CXCursor_IndirectGotoStmt:
		s->dead = true;
		return;
	case CXCursor_NullStmt:
		return;
	default:
		break;
	}
opaque:
	/*
	 * An expression, or a statement a macro hides: its tokens; what
	 * such a statement assigns, it may assign on any of its paths.
	 */
	eval_cursor(w, c, s);
	if (!clang_isExpression(k))
		forget_assigned(w, c, s);
}

/* Variables whose address is taken (&pte): changed behind our back. */
static void find_escaped(struct walk *w)
{
	const struct entry_tokens *t = w->t;

	for (int i = 1; i + 1 < t->n; i++) {
		const char *prev = t->v[i - 1];

		if (strcmp(t->v[i], "&") || !is_ident(t->v[i + 1]))
			continue;
		if (!strcmp(prev, "(") || !strcmp(prev, ",") ||
		    !strcmp(prev, "=") || !strcmp(prev, "return") ||
		    !strcmp(prev, "?") || !strcmp(prev, ":")) {
			w->escaped = xrealloc(w->escaped,
					      (w->nr_escaped + 1) *
						      sizeof(*w->escaped));
			w->escaped[w->nr_escaped++] = t->v[i + 1];
		}
	}
}

void entry_state_walk(const struct entry_tokens *t, CXCursor func,
		      entry_use_fn fn, void *ctx)
{
	struct walk w = { .t = t, .fn = fn, .ctx = ctx };
	CXCursor kids[64];
	struct state s = { 0 };
	int n = cursor_children(func, kids, ARRAY_SIZE(kids));

	if (!t->n)
		return;
	find_escaped(&w);
	for (int i = 0; i < n; i++) {
		if (clang_getCursorKind(kids[i]) == CXCursor_ParmDecl &&
		    is_entry_type(kids[i])) {
			char *name = cursor_name(kids[i]);

			for (int k = 0; k < t->n; k++)
				if (!strcmp(t->v[k], name) &&
				    !escaped(&w, t->v[k])) {
					state_declare(&s, t->v[k]);
					break;
				}
			free(name);
		}
	}
	for (int i = 0; i < n; i++)
		if (clang_getCursorKind(kids[i]) == CXCursor_CompoundStmt)
			walk_stmt(&w, kids[i], &s);
	state_free(&s);
	free(w.escaped);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * effects.c on C snippets parsed by libclang in memory: what a helper
 * sets, clears and tests, and the macro a set mask is written as.
 */
#include "unit.h"

#include "effects.h"
#include "tu.h"

static const char snippet[] =
	"typedef unsigned long long u64;\n"
	"typedef struct { u64 pte; } pte_t;\n"
	"typedef struct { u64 prot; } pgprot_t;\n"
	"#define __pgprot(x) ((pgprot_t){ (x) })\n"
	"#define BIT(n) (1ULL << (n))\n"
	"#define PTE_WRITE BIT(51)\n"
	"#define PTE_RDONLY BIT(7)\n"
	"#define PTE_SWDIRTY BIT(63)\n"
	"#define PTE_OTHER (PTE_WRITE)\n"
	"static inline pte_t set_bit(pte_t p, pgprot_t v)\n"
	"{ p.pte |= v.prot; return p; }\n"
	"static inline pte_t clr_bit(pte_t p, pgprot_t v)\n"
	"{ p.pte &= ~v.prot; return p; }\n"
	"static inline pte_t pte_mksoft_dirty(pte_t p)\n"
	"{ return set_bit(p, __pgprot(PTE_SWDIRTY)); }\n"
	"static inline pte_t pte_clear_soft_dirty(pte_t p)\n"
	"{ return clr_bit(p, __pgprot(PTE_SWDIRTY)); }\n"
	"static inline int pte_soft_dirty(pte_t p)\n"
	"{ return !!(p.pte & PTE_SWDIRTY); }\n"
	"static inline pte_t pte_wrprotect(pte_t p)\n"
	"{ return set_bit(clr_bit(p, __pgprot(PTE_WRITE)), __pgprot(PTE_RDONLY)); }\n"
	"static inline pte_t two(pte_t p)\n"
	"{ return set_bit(p, __pgprot(PTE_SWDIRTY | PTE_RDONLY)); }\n"
	"static inline pte_t spelled(pte_t p)\n"
	"{ return set_bit(p, __pgprot(PTE_OTHER)); }\n"
	/* An entry kept big-endian on a little-endian machine. */
	"#define to_be(x) ((u64)__builtin_bswap64((u64)(x)))\n"
	"static inline u64 swab_fn(u64 x) { return __builtin_bswap64(x); }\n"
	"#define to_be_cond(x) (__builtin_constant_p(x) ? to_be(x) : swab_fn(x))\n"
	"static inline pte_t be_mk(pte_t p)\n"
	"{ p.pte = p.pte | to_be(PTE_SWDIRTY); return p; }\n"
	"static inline pte_t be_clear(pte_t p)\n"
	"{ p.pte = p.pte & to_be_cond(~PTE_SWDIRTY); return p; }\n"
	"static inline int be_test(pte_t p)\n"
	"{ return !!(p.pte & to_be(PTE_SWDIRTY | PTE_RDONLY)); }\n"
	"static inline pte_t be_direct(pte_t p)\n"
	"{ p.pte |= __builtin_bswap64(PTE_RDONLY); return p; }\n"
	"static inline pte_t shifted(pte_t p)\n"
	"{ p.pte |= 1ULL << 56; return p; }\n";

struct fixture {
	CXIndex index;
	struct tu *tu;
	struct effects_cache *ec;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct strv flags = { 0 };
	char *why = NULL;

	strv_push(&flags, "-std=gnu11");
	f->index = clang_createIndex(0, 0);
	f->tu = tu_parse(f->index, "/tmp/ptecheck-effects-snippet.c", &flags,
			 snippet, NULL, true, &why);
	strv_free(&flags);
	assert_non_null(f->tu);
	assert_int_equal(f->tu->errors, 0);
	f->ec = effects_new(f->tu->cx);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	effects_free(f->ec);
	tu_free(f->tu);
	clang_disposeIndex(f->index);
	free(f);
	return 0;
}

struct find {
	const char *name;
	CXCursor found;
};

static enum CXChildVisitResult find_function(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	struct find *fd = data;
	char *name;

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	name = cursor_name(c);
	if (!strcmp(name, fd->name))
		fd->found = c;
	free(name);
	return CXChildVisit_Continue;
}

static const struct effects *of(struct fixture *f, const char *name)
{
	struct find fd = { name, clang_getNullCursor() };

	clang_visitChildren(clang_getTranslationUnitCursor(f->tu->cx),
			    find_function, &fd);
	assert_false(clang_Cursor_isNull(fd.found));
	return effects_of(f->ec, fd.found);
}

/* Bits through a nested call and its parameter, named by their macro. */
static void test_mk_named(void **state)
{
	const struct effects *e = of(*state, "pte_mksoft_dirty");

	assert_true(e->known);
	assert_true(e->set == 1ULL << 63);
	assert_true(e->clear == 0);
	assert_int_equal(e->nr_named, 1);
	assert_string_equal(e->named[0].macro, "PTE_SWDIRTY");
	assert_true(e->named[0].value == 1ULL << 63);
	assert_int_equal(e->named[0].line, 8);
	assert_non_null(strstr(e->named[0].file, "ptecheck-effects-snippet.c"));
}

static void test_clear_and_test(void **state)
{
	const struct effects *c = of(*state, "pte_clear_soft_dirty");
	const struct effects *t = of(*state, "pte_soft_dirty");

	assert_true(c->clear == 1ULL << 63);
	assert_true(c->set == 0);
	/* Only what is set is named. */
	assert_int_equal(c->nr_named, 0);
	assert_true(t->test == 1ULL << 63);
}

/* Two calls deep: wrprotect clears the write bit, sets PTE_RDONLY. */
static void test_wrprotect(void **state)
{
	const struct effects *e = of(*state, "pte_wrprotect");

	assert_true(e->clear == 1ULL << 51);
	assert_true(e->set == 1ULL << 7);
	assert_int_equal(e->nr_named, 1);
	assert_string_equal(e->named[0].macro, "PTE_RDONLY");
}

/*
 * A mask of two macros has no one name; one written as another macro is
 * named as written (PTE_OTHER), whatever it expands to.
 */
static void test_unnamed_and_spelled(void **state)
{
	const struct effects *two = of(*state, "two");
	const struct effects *sp = of(*state, "spelled");

	assert_true(two->set == ((1ULL << 63) | (1ULL << 7)));
	assert_int_equal(two->nr_named, 0);
	assert_int_equal(sp->nr_named, 1);
	assert_string_equal(sp->named[0].macro, "PTE_OTHER");
	assert_true(sp->named[0].value == 1ULL << 51);
}

/*
 * A mask of a big-endian entry: the bits are the swapped call's
 * argument's, and ~X under the swap clears X; a shift is no swap.
 */
static void test_byte_swapped(void **state)
{
	const struct effects *mk = of(*state, "be_mk");
	const struct effects *clr = of(*state, "be_clear");
	const struct effects *t = of(*state, "be_test");
	const struct effects *d = of(*state, "be_direct");
	const struct effects *sh = of(*state, "shifted");

	assert_true(mk->set == 1ULL << 63);
	assert_int_equal(mk->nr_named, 1);
	assert_string_equal(mk->named[0].macro, "PTE_SWDIRTY");
	assert_true(clr->clear == 1ULL << 63);
	assert_true(clr->set == 0 && clr->test == 0);
	assert_true(t->test == ((1ULL << 63) | (1ULL << 7)));
	assert_true(d->set == 1ULL << 7);
	assert_true(sh->set == 1ULL << 56);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mk_named),
		cmocka_unit_test(test_clear_and_test),
		cmocka_unit_test(test_wrprotect),
		cmocka_unit_test(test_unnamed_and_spelled),
		cmocka_unit_test(test_byte_swapped),
	};

	return cmocka_run_group_tests_name("effects", tests, setup, teardown);
}

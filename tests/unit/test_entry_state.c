// SPDX-License-Identifier: GPL-2.0
/* entry_state.c: entry states along a function's paths, on C snippets. */
#include "unit.h"

#include "entry_state.h"

/* The generic API, as core mm sees it; pte_uffd_wp() is a macro here. */
static const char prelude[] =
	"typedef struct { unsigned long v; } pte_t;\n"
	"int pte_present(pte_t p); int pte_none(pte_t p);\n"
	"int is_swap_pte(pte_t p); int pte_soft_dirty(pte_t p);\n"
	"int pte_swp_soft_dirty(pte_t p); pte_t ptep_get(pte_t *p);\n"
	"pte_t pte_mkdirty(pte_t p); pte_t other(pte_t p);\n"
	"#define unlikely(x) (x)\n"
	"#define pte_uffd_wp(p) (!!((p).v & 4))\n";

struct use_log {
	char text[1024];
};

static void log_use(void *data, const struct entry_use *use)
{
	struct use_log *log = data;
	size_t n = strlen(log->text);

	snprintf(log->text + n, sizeof(log->text) - n, "%s:%u:%u%s ",
		 use->helper, use->line - 7, use->known,
		 use->untested ? "?" : "");
}

static enum CXChildVisitResult find_f(CXCursor c, CXCursor parent,
				      CXClientData data)
{
	CXString s = clang_getCursorSpelling(c);
	bool found = clang_getCursorKind(c) == CXCursor_FunctionDecl &&
		     clang_isCursorDefinition(c) &&
		     !strcmp(clang_getCString(s), "f");

	clang_disposeString(s);
	if (found)
		*(CXCursor *)data = c;
	return found ? CXChildVisit_Break : CXChildVisit_Continue;
}

/*
 * The uses of tracked variables in f() of @body, one "helper:line:known"
 * each (line 1 is the body's first; '?' when a path tested nothing).
 */
static char *uses(const char *body)
{
	char *text = xasprintf("%s%s", prelude, body);
	char *file = unit_temp_file(text);
	CXIndex index = clang_createIndex(0, 0);
	const char *const args[] = { "-x", "c" };
	CXTranslationUnit tu = clang_parseTranslationUnit(
		index, file, args, 2, NULL, 0, CXTranslationUnit_None);
	CXCursor func = clang_getNullCursor();
	struct use_log log = { "" };
	struct entry_tokens t;

	assert_non_null(tu);
	clang_visitChildren(clang_getTranslationUnitCursor(tu), find_f, &func);
	assert_false(clang_Cursor_isNull(func));
	entry_tokens_init(&t, tu, func);
	entry_state_walk(&t, func, log_use, &log);
	entry_tokens_free(&t);
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(index);
	unlink(file);
	free(file);
	free(text);
	return xstrdup(log.text);
}

#define P "1"
#define S "4"

static void expect(const char *body, const char *want)
{
	char *got = uses(body);

	assert_string_equal(got, want);
	free(got);
}

/* pagemap's shape: present, else swap; the helpers of each branch. */
static void test_branches(void **state)
{
	expect("void f(pte_t *ptep) {\n"
	       "pte_t pte = ptep_get(ptep);\n"
	       "if (pte_present(pte)) {\n"
	       "  pte_soft_dirty(pte);\n"
	       "} else if (is_swap_pte(pte)) {\n"
	       "  pte_swp_soft_dirty(pte); pte_uffd_wp(pte);\n"
	       "}\n"
	       "pte_soft_dirty(pte);\n"
	       "}\n",
	       "pte_present:3:0? pte_soft_dirty:4:" P " "
	       "is_swap_pte:5:6 pte_swp_soft_dirty:6:" S " "
	       "pte_uffd_wp:6:" S " pte_soft_dirty:8:7 ");
}

/* Untested is unknown; &&, ?: and an early return narrow it. */
static void test_expressions(void **state)
{
	expect("void f(pte_t pte, int x) {\n"
	       "pte_soft_dirty(pte);\n"
	       "x = pte_present(pte) && pte_uffd_wp(pte);\n"
	       "x = unlikely(pte_present(pte)) ? pte_soft_dirty(pte) : pte_swp_soft_dirty(pte);\n"
	       "if (!pte_present(pte) || pte_none(pte))\n"
	       "  return;\n"
	       "pte = pte_mkdirty(pte); pte_soft_dirty(pte);\n"
	       "pte = other(pte); pte_soft_dirty(pte);\n"
	       "}\n",
	       "pte_soft_dirty:2:0? pte_present:3:0? pte_uffd_wp:3:" P " "
	       "pte_present:4:0? pte_soft_dirty:4:" P " "
	       "pte_swp_soft_dirty:4:6 pte_present:5:0? pte_none:5:" P " "
	       "pte_mkdirty:7:" P " pte_soft_dirty:7:" P " other:8:" P " "
	       "pte_soft_dirty:8:0? ");
}

/* A label forgets; a loop forgets what it assigns; &pte is not tracked. */
static void test_forget(void **state)
{
	expect("void f(pte_t pte, pte_t *ptep, int n) {\n"
	       "if (!is_swap_pte(pte)) return;\n"
	       "again:\n"
	       "pte_soft_dirty(pte);\n"
	       "for (int i = 0; i < n; i++) { pte_soft_dirty(pte); pte = ptep_get(ptep); }\n"
	       "if (n) goto again;\n"
	       "}\n"
	       "void g(pte_t pte) { other(&pte); }\n",
	       "is_swap_pte:2:0? pte_soft_dirty:4:0? pte_soft_dirty:5:0? ");
}

/*
 * A builder gives its result's state (hugetlb's fork of a migration
 * entry, a marker); a same-state helper around it keeps it.
 */
static void test_builders(void **state)
{
	expect("pte_t swp_entry_to_pte(int e); pte_t make_pte_marker(int m);\n"
	       "pte_t mk_pte(void *p, int prot); int is_pte_marker(pte_t p);\n"
	       "pte_t huge_pte_clear_uffd_wp(pte_t p); pte_t pte_swp_mkuffd_wp(pte_t p);\n"
	       "int pte_swp_uffd_wp_any(pte_t p); int huge_pte_uffd_wp(pte_t p);\n"
	       "void f(pte_t entry, int e, pte_t old) {\n"
	       "entry = pte_swp_mkuffd_wp(swp_entry_to_pte(e));\n"
	       "entry = huge_pte_clear_uffd_wp(entry);\n"
	       "pte_t m = make_pte_marker(e); huge_pte_uffd_wp(m);\n"
	       "pte_t p = mk_pte(0, e); huge_pte_uffd_wp(p);\n"
	       "if (pte_swp_uffd_wp_any(old)) huge_pte_uffd_wp(old);\n"
	       "}\n",
	       "huge_pte_clear_uffd_wp:7:" S " huge_pte_uffd_wp:8:" S " "
	       "huge_pte_uffd_wp:9:" P " pte_swp_uffd_wp_any:10:0? "
	       "huge_pte_uffd_wp:10:" S " ");
}

/* A loop where no variable is tracked yet: an empty state is copied. */
static void test_empty_loop(void **state)
{
	expect("void f(int n) {\n"
	       "while (n--) ;\n"
	       "}\n",
	       "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_branches),
		cmocka_unit_test(test_expressions),
		cmocka_unit_test(test_forget),
		cmocka_unit_test(test_empty_loop),
		cmocka_unit_test(test_builders),
	};

	return cmocka_run_group_tests_name("entry_state", tests, NULL, NULL);
}

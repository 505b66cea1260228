// SPDX-License-Identifier: GPL-2.0
/*
 * The must-be-zero bits of a non-present state, derived from the present
 * tests the arch data names, on C snippets parsed by libclang in memory:
 * a macro test is evaluated (the probe's evaluator folds), a function test
 * is read from its own operators and the macros it expands, and the token
 * reading takes x & (A | B) for a test of A | B, never a set.
 */
#include "unit.h"

#include "arch.h"
#include "engine.h"
#include "helpers.h"
#include "model.h"
#include "tu.h"

static const char data[] =
	"arch snippet\n"
	"kconfig SNIPPET\n"
	"defconfig defconfig\n"
	"flags none.cmd\n"
	"state valid swap pmd-swap\n"
	"bit PTE_VALID valid:hw\n"
	"bit PTE_PROT_NONE valid:marker\n"
	"bit PMD_PRESENT_INVALID valid:marker\n"
	"bit PTE_SWP_FLAG swap:flag pmd-swap:flag\n"
	"present-test swap pte_present\n"
	"present-test pmd-swap pmd_present\n";

/* 6.1 arm64's shapes: a macro pte_present, a function pmd_present. */
static const char snippet[] =
	"#define __maybe_unused __attribute__((unused))\n"
	"typedef unsigned long long u64;\n"
	"typedef struct { u64 pte; } pte_t;\n"
	"typedef struct { u64 pmd; } pmd_t;\n"
	"#define pte_val(x) ((x).pte)\n"
	"#define pmd_val(x) ((x).pmd)\n"
	"#define PTE_VALID (1ULL << 0)\n"
	"#define PTE_PROT_NONE (1ULL << 58)\n"
	"#define PMD_PRESENT_INVALID (1ULL << 59)\n"
	"#define PTE_SWP_FLAG (1ULL << 2)\n"
	"#define PTE_NEW_MARK (1ULL << 60)\n"
	"#define pte_present(pte) \\\n"
	"	(!!(pte_val(pte) & (PTE_VALID | PTE_PROT_NONE | PTE_NEW_MARK)))\n"
	"static inline pte_t pmd_pte(pmd_t pmd) { return (pte_t){ pmd.pmd }; }\n"
	"#define pmd_present_invalid(pmd) \\\n"
	"	(!!(pmd_val(pmd) & PMD_PRESENT_INVALID))\n"
	"static inline int pmd_present(pmd_t pmd)\n"
	"{ return pte_present(pmd_pte(pmd)) || pmd_present_invalid(pmd); }\n";

struct fixture {
	CXIndex index;
	struct tu *tu;
	struct arch *arch;
	struct findings findings;
	struct engine engine;
	struct unit unit;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct strv flags = { 0 };
	char *probe, *model_text, *wrappers, *why = NULL;

	f->arch = arch_parse(data, "snippet.def");
	model_text = model_probe_text(f->arch);
	wrappers = helpers_probe_text(f->arch, NULL);
	probe = xasprintf("%s%s%s", snippet, model_text, wrappers);
	strv_push(&flags, "-std=gnu11");
	f->index = clang_createIndex(0, 0);
	f->tu = tu_parse(f->index, "/tmp/ptecheck-present-snippet.c", &flags,
			 probe, NULL, true, &why);
	assert_non_null(f->tu);
	assert_int_equal(f->tu->errors, 0);
	engine_init(&f->engine, &f->findings, no_rules);
	unit_init(&f->unit, &f->engine, f->tu, f->arch, "/tmp");
	strv_free(&flags);
	free(probe);
	free(model_text);
	free(wrappers);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	unit_free(&f->unit);
	engine_free(&f->engine);
	tu_free(f->tu);
	clang_disposeIndex(f->index);
	free(f);
	return 0;
}

static void test_macro_evaluated(void **state)
{
	struct fixture *f = *state;
	bool found;

	/* PTE_NEW_MARK is no macro of the data: evaluation still sees it. */
	assert_true(helper_reads(&f->unit, "pte_present", &found) ==
		    (1ULL << 0 | 1ULL << 58 | 1ULL << 60));
	assert_true(found);
	helper_reads(&f->unit, "pud_present", &found);
	assert_false(found);
}

static void test_function_read(void **state)
{
	struct fixture *f = *state;
	bool found;

	/*
	 * The present test it expands is taken evaluated (0, 58 and 60);
	 * pmd_present_invalid() through its tokens (59).
	 */
	assert_true(helper_reads(&f->unit, "pmd_present", &found) ==
		    (1ULL << 0 | 1ULL << 58 | 1ULL << 59 | 1ULL << 60));
}

static void test_group_is_a_test(void **state)
{
	struct fixture *f = *state;
	struct helper h;

	assert_true(helper_lookup(&f->unit, "pte_present", &h));
	assert_true(h.effects.test & (1ULL << 0));
	assert_true(h.effects.test & (1ULL << 58));
	assert_false(h.effects.set & (1ULL << 0 | 1ULL << 58));
	helper_free(&h);
}

static void test_layout(void **state)
{
	struct fixture *f = *state;
	struct layout layout = { 0 };
	const struct bit_cell *swap58, *pmd59, *swap59, *swap60;

	helpers_derive_zero(&f->unit);
	model_layout(&f->unit.model, f->arch, &layout);
	swap58 = &layout.states[1].bits[58];
	swap59 = &layout.states[1].bits[59];
	swap60 = &layout.states[1].bits[60];
	pmd59 = &layout.states[2].bits[59];
	assert_int_equal(swap58->nr_owners, 1);
	assert_string_equal(swap58->owners[0].name, "PTE_PROT_NONE");
	assert_int_equal(swap58->owners[0].role, ROLE_ZERO);
	/* pte_present() does not read bit 59; pmd_present() does. */
	assert_int_equal(swap59->nr_owners, 0);
	assert_int_equal(pmd59->nr_owners, 1);
	assert_string_equal(pmd59->owners[0].name, "PMD_PRESENT_INVALID");
	/* No macro of the data is bit 60: the test names it. */
	assert_string_equal(swap60->owners[0].name, "pte_present()");
	layout_free(&layout);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_macro_evaluated, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_function_read, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_group_is_a_test, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_layout, setup, teardown),
	};

	return cmocka_run_group_tests_name("present", tests, NULL, NULL);
}

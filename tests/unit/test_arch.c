// SPDX-License-Identifier: GPL-2.0
/* arch.c: the per-arch data files, built in and parsed. */
#include "unit.h"

#include "arch.h"

static void assert_tracking(const struct arch *arch, const char *feature,
			    const char *pte, const char *swp)
{
	const struct tracking *t = arch_tracking(arch, feature);

	assert_non_null(t);
	assert_string_equal(t->feature, feature);
	assert_string_equal(t->pte_macro, pte);
	assert_string_equal(t->swp_macro, swp);
}

static bool strv_has(const struct strv *sv, const char *s)
{
	for (int i = 0; i < sv->n; i++)
		if (!strcmp(sv->v[i], s))
			return true;
	return false;
}

static void test_arm64(void **state)
{
	const struct arch *a = arch_lookup("arm64");

	assert_non_null(a);
	assert_string_equal(a->name, "arm64");
	assert_string_equal(a->kconfig, "ARM64");
	assert_string_equal(a->defconfig, "defconfig");
	assert_string_equal(a->flags_cmd,
			    "arch/arm64/kernel/.asm-offsets.s.cmd");
	assert_strv(&a->features, "USERFAULTFD", "CHECKPOINT_RESTORE",
		    "MEM_SOFT_DIRTY");
	assert_strv(&a->includes, "linux/pgtable.h", "linux/hugetlb.h",
		    "linux/swapops.h");
	assert_int_equal(a->nr_tracking, 2);
	assert_tracking(a, "soft_dirty", "PTE_SOFT_DIRTY",
			"PTE_SWP_SOFT_DIRTY");
	assert_tracking(a, "uffd_wp", "PTE_UFFD_WP", "PTE_SWP_UFFD_WP");
	assert_null(arch_tracking(a, "mlock"));
	assert_true(strv_has(&a->dirty_tests, "pte_dirty"));
	assert_true(strv_has(&a->dirty_tests, "pte_sw_dirty"));
	assert_true(strv_has(&a->dirty_tests, "pte_hw_dirty"));
	assert_true(strv_has(&a->dirty_tests, "pmd_dirty"));
	/* Comments are not words. */
	assert_false(strv_has(&a->dirty_tests, "#"));
	/* Hardware dirty is writable and not read-only, as data. */
	assert_strv(&a->hw_dirty, "PTE_WRITE", "PTE_RDONLY");
	/* Only declared pairs are one thing, either way round. */
	assert_true(arch_aliases(a, "PTE_PRESENT_INVALID", "PTE_NG"));
	assert_true(arch_aliases(a, "PTE_NG", "PTE_PRESENT_INVALID"));
	assert_false(arch_aliases(a, "PTE_SOFT_DIRTY", "PTE_UFFD_WP"));
	/* Parsed once, then the same description. */
	assert_ptr_equal(arch_lookup("arm64"), a);
}

static void test_x86(void **state)
{
	const struct arch *a = arch_lookup("x86");

	assert_non_null(a);
	assert_string_equal(a->name, "x86");
	assert_string_equal(a->kconfig, "X86_64");
	assert_string_equal(a->defconfig, "x86_64_defconfig");
	assert_string_equal(a->flags_cmd, "arch/x86/kernel/.asm-offsets.s.cmd");
	assert_true(strv_has(&a->features, "MEM_SOFT_DIRTY"));
	assert_true(strv_has(&a->features, "USERFAULTFD"));
	assert_int_equal(a->nr_tracking, 2);
	assert_tracking(a, "soft_dirty", "_PAGE_SOFT_DIRTY",
			"_PAGE_SWP_SOFT_DIRTY");
	assert_tracking(a, "uffd_wp", "_PAGE_UFFD_WP", "_PAGE_SWP_UFFD_WP");
	assert_true(strv_has(&a->dirty_tests, "pte_dirty"));
	/* arm64's software dirty bit is arm64's own. */
	assert_false(strv_has(&a->dirty_tests, "pte_sw_dirty"));
	assert_ptr_not_equal(a, arch_lookup("arm64"));
}

/* riscv: Kbuild's clang, and a swap offset up to BITS_PER_LONG. */
static void test_riscv(void **state)
{
	const struct arch *a = arch_lookup("riscv");

	assert_non_null(a);
	assert_string_equal(a->kconfig, "RISCV");
	assert_strv(&a->toolchain, "LLVM=1");
	assert_int_equal(a->nr_fields, 4);
	assert_string_equal(a->fields[1].name, "swap-offset");
	assert_string_equal(a->fields[1].bits_macro,
			    "BITS_PER_LONG-__SWP_OFFSET_SHIFT");
	assert_string_equal(a->fields[0].bits_macro, "__SWP_TYPE_BITS");
	assert_true(a->nr_matrix >= 2);
	assert_non_null(strstr(arch_names(), "riscv"));
}

/* Every built-in description parses, under its own name, in name order. */
static void test_every_arch(void **state)
{
	assert_true(arch_count() >= 3);
	for (int i = 0; i < arch_count(); i++) {
		const struct arch *a = arch_nth(i);

		assert_non_null(a);
		assert_ptr_equal(arch_lookup(a->name), a);
		assert_true(a->toolchain.n > 0);
		if (i)
			assert_true(strcmp(arch_nth(i - 1)->name, a->name) < 0);
	}
	assert_null(arch_nth(arch_count()));
	assert_null(arch_nth(-1));
}

/* A field's shift or width: a macro, a sum, or mask:MASK for the width. */
static void test_field_words(void **state)
{
	struct arch *a;

	assert_true(is_macro_sum("SWP_TYPE_BITS"));
	assert_true(is_macro_sum("64-SWP_TYPE_BITS-SWP_OFFSET_FIRST_BIT"));
	assert_true(is_macro_sum("A+8"));
	assert_true(is_macro_sum("0"));
	assert_false(is_macro_sum(""));
	assert_false(is_macro_sum("A-"));
	assert_false(is_macro_sum("-A"));
	assert_false(is_macro_sum("A--B"));
	assert_false(is_macro_sum("8A"));
	assert_false(is_macro_sum("A*2"));
	assert_false(is_macro_sum("f(A)"));
	a = arch_parse("arch m\nkconfig M\ndefconfig d\nflags f\nstate swap\n"
		       "field swap type 64-BITS BITS\n"
		       "field swap off SHIFT mask:OFF_MASK\n",
		       "m.def");
	assert_int_equal(a->nr_fields, 2);
	assert_string_equal(a->fields[0].shift_macro, "64-BITS");
	assert_string_equal(a->fields[1].bits_macro, "mask:OFF_MASK");
}

/* toolchain: make variables; LLVM=1 when none is said. */
static void test_parse_toolchain(void **state)
{
	struct arch *a = arch_parse(
		"arch m\nkconfig M\ndefconfig d\nflags f\n"
		"toolchain CROSS_COMPILE=s390x-linux-gnu- \n"
		"toolchain LLVM_IAS=0\n",
		"m.def");

	assert_strv(&a->toolchain, "CROSS_COMPILE=s390x-linux-gnu-",
		    "LLVM_IAS=0");
	a = arch_parse("arch m\nkconfig M\ndefconfig d\nflags f\n", "m.def");
	assert_strv(&a->toolchain, "LLVM=1");
}

static void test_unknown(void **state)
{
	assert_null(arch_lookup("sparc64"));
	assert_null(arch_lookup(""));
	assert_null(arch_lookup("arm"));
	assert_null(arch_lookup("arm64 "));
	assert_non_null(strstr(arch_names(), "arm64"));
	assert_non_null(strstr(arch_names(), "x86"));
}

static void test_parse(void **state)
{
	static const char text[] =
		"# a test arch\n"
		"\n"
		"arch\t\ttoy   # trailing comment\n"
		"kconfig TOY\n"
		"defconfig toy_defconfig\n"
		"flags arch/toy/kernel/.asm-offsets.s.cmd\n"
		"feature A B\n"
		"feature C\n"
		"include linux/pgtable.h\n"
		"tracking soft_dirty _T_SD _T_SWP_SD\n"
		"tracking uffd_wp _T_UW _T_SWP_UW\n"
		"dirty-test pte_dirty\tpmd_dirty\n"
		"  # indented comment\n"
		"defconfig later_defconfig\n";
	struct arch *a = arch_parse(text, "toy.def");

	assert_string_equal(a->name, "toy");
	assert_string_equal(a->kconfig, "TOY");
	/* A key given twice: the later line holds. */
	assert_string_equal(a->defconfig, "later_defconfig");
	assert_string_equal(a->flags_cmd, "arch/toy/kernel/.asm-offsets.s.cmd");
	/* List keys add up over lines. */
	assert_strv(&a->features, "A", "B", "C");
	assert_strv(&a->includes, "linux/pgtable.h");
	assert_strv(&a->dirty_tests, "pte_dirty", "pmd_dirty");
	assert_int_equal(a->nr_tracking, 2);
	assert_tracking(a, "soft_dirty", "_T_SD", "_T_SWP_SD");
	assert_tracking(a, "uffd_wp", "_T_UW", "_T_SWP_UW");
}

/* The minimum: the four single-word keys; no text after the last line. */
static void test_parse_minimal(void **state)
{
	struct arch *a = arch_parse("arch m\nkconfig M\ndefconfig d\nflags f",
				    "m.def");

	assert_string_equal(a->name, "m");
	assert_string_equal(a->flags_cmd, "f");
	assert_int_equal(a->features.n, 0);
	assert_int_equal(a->nr_tracking, 0);
	assert_null(arch_tracking(a, "soft_dirty"));
}

/* Annotations and the swap comment's grammar are data, not C. */
static void test_parse_comment_words(void **state)
{
	static const char text[] =
		"arch t\nkconfig T\ndefconfig d\nflags f\n"
		"state valid swap pmd-swap\n"
		"swap-comment arch/t/include/asm/pgtable.h\n"
		"swap-comment-start   Encode  and decode\n"
		"swap-comment-term swap-type\tswap   type\n"
		"swap-comment-term zero must be zero\n"
		"annotation swap,pmd-swap only for\tswp ptes\n";
	struct arch *a = arch_parse(text, "t.def");

	/* Words of a text are joined by one space, as the kernel writes. */
	assert_string_equal(a->swap_comment_start, "Encode and decode");
	assert_int_equal(a->nr_swap_comment_terms, 2);
	assert_string_equal(a->swap_comment_terms[0].owner, "swap-type");
	assert_string_equal(a->swap_comment_terms[0].text, "swap type");
	assert_string_equal(a->swap_comment_terms[1].owner, "zero");
	assert_string_equal(a->swap_comment_terms[1].text, "must be zero");
	assert_int_equal(a->nr_annotations, 1);
	assert_string_equal(a->annotations[0].text, "only for swp ptes");
	assert_false(a->annotations[0].allowed[arch_state(a, "valid")]);
	assert_true(a->annotations[0].allowed[arch_state(a, "swap")]);
	assert_true(a->annotations[0].allowed[arch_state(a, "pmd-swap")]);

	/* arm64's own words live in its data file. */
	a = (struct arch *)arch_lookup("arm64");
	assert_string_equal(a->swap_comment_start,
			    "Encode and decode a swap entry");
	assert_true(a->nr_annotations >= 2);
}

static void parse_child(void *text)
{
	arch_parse(text, "bad.def");
}

static void test_parse_errors(void **state)
{
	assert_dies_with(parse_child, "bogus-key x\n",
			 "ptecheck: bad.def:1: unknown key 'bogus-key'");
	/* Blank and comment lines count. */
	assert_dies_with(parse_child, "arch a\n\n# c\nkconfig A B\n",
			 "ptecheck: bad.def:4: 'kconfig' takes one word");
	assert_dies_with(parse_child, "arch\n",
			 "ptecheck: bad.def:1: 'arch' takes one word");
	assert_dies_with(parse_child, "arch a\ntracking soft_dirty PTE_SD\n",
			 "ptecheck: bad.def:2: 'tracking' takes: feature macro swap-macro [config have-symbol]");
	assert_dies_with(parse_child, "tracking soft_dirty A B C\n",
			 "ptecheck: bad.def:1: 'tracking' takes: feature macro swap-macro [config have-symbol]");
	assert_dies_with(parse_child,
			 "arch a\nkconfig A\ndefconfig d\nflags f\n"
			 "tracking a b c\ntracking a b c\ntracking a b c\n"
			 "tracking a b c\ntracking a b c\ntracking a b c\n"
			 "tracking a b c\ntracking a b c\ntracking a b c\n",
			 "ptecheck: bad.def:13: too many tracking bits");
	assert_dies_with(parse_child, "arch a\nkconfig A\ndefconfig d\n",
			 "ptecheck: bad.def: needs arch, kconfig, defconfig and flags");
	assert_dies_with(parse_child, "",
			 "ptecheck: bad.def: needs arch, kconfig, defconfig and flags");
	assert_dies_with(parse_child,
			 "arch a\nkconfig A\ndefconfig d\nflags f\n"
			 "state swap\nannotation swap,bogus text\n",
			 "ptecheck: bad.def:6: unknown state 'bogus' (not on the 'state' line)");
	assert_dies_with(parse_child, "alias A\n",
			 "ptecheck: bad.def:1: 'alias' takes: MACRO MACRO");
	assert_dies_with(parse_child,
			 "arch a\nkconfig A\ndefconfig d\nflags f\n"
			 "annotation swap\n",
			 "ptecheck: bad.def:5: 'annotation' takes: STATE,STATE... TEXT...");
	assert_dies_with(parse_child,
			 "arch a\nkconfig A\ndefconfig d\nflags f\n"
			 "swap-comment arch/a/pgtable.h\n",
			 "ptecheck: bad.def: swap-comment and swap-comment-start go together");
	assert_dies_with(parse_child,
			 "arch a\nkconfig A\ndefconfig d\nflags f\n"
			 "toolchain LLVM=1 make\n",
			 "ptecheck: bad.def:5: 'toolchain' takes make variables (VAR=VALUE), not 'make'");
	assert_dies_with(parse_child,
			 "arch a\nkconfig A\ndefconfig d\nflags f\n"
			 "toolchain CC=gcc;rm\n",
			 "ptecheck: bad.def:5: 'toolchain' takes make variables (VAR=VALUE), not 'CC=gcc;rm'");
	assert_dies_with(parse_child,
			 "arch a\nkconfig A\ndefconfig d\nflags f\n"
			 "state swap\nfield swap off SHIFT mask:\n",
			 "ptecheck: bad.def:6: 'mask:' is not a macro, nor macros and numbers joined by + and -");
	assert_dies_with(parse_child,
			 "arch a\nkconfig A\ndefconfig d\nflags f\n"
			 "state swap\nfield swap off mask:M B\n",
			 "ptecheck: bad.def:6: 'mask:M' is not a macro, nor macros and numbers joined by + and -");
	assert_dies_with(parse_child,
			 "arch a\nkconfig A\ndefconfig d\nflags f\n"
			 "state swap\nfield swap off SHIFT\n",
			 "ptecheck: bad.def:6: 'field' takes: STATE NAME SHIFT BITS|mask:MASK");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arm64),
		cmocka_unit_test(test_x86),
		cmocka_unit_test(test_riscv),
		cmocka_unit_test(test_every_arch),
		cmocka_unit_test(test_parse_toolchain),
		cmocka_unit_test(test_field_words),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_minimal),
		cmocka_unit_test(test_parse_comment_words),
		cmocka_unit_test(test_parse_errors),
	};

	return cmocka_run_group_tests_name("arch", tests, NULL, NULL);
}

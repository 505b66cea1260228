// SPDX-License-Identifier: GPL-2.0
/*
 * gate_report.c: what a patch introduces and fixes (matched by rule, file
 * and message, one for one, so moved lines are no change), its verdict,
 * and the bits it takes, in the JSON, SARIF and b4 documents.
 */
#include "unit.h"

#include "gate_report.h"

#define MK RULE_MKDIRTY_HOUSEKEEPING
#define LAST RULE_SWBIT_LAST_FREE

/* valid bit 63: free software bit before, PTE_SOFT_DIRTY's after. */
static struct layout before_layout, after_layout;

static void layouts(void)
{
	struct state_layout *b = &before_layout.states[0];
	struct state_layout *a = &after_layout.states[0];

	before_layout.nr_states = after_layout.nr_states = 1;
	b->name = a->name = "valid";
	b->sw_mask = a->sw_mask = 1ULL << 63;
	a->used_sw = 1ULL << 63;
	a->bits[63].nr_owners = 1;
	a->bits[63].owners[0] =
		(struct owner){ .name = "PTE_SOFT_DIRTY", .role = ROLE_SW };
}

static struct gate_report report;

/* The soft-dirty patch: contpte.c moves, hugetlbpage.c is new. */
static void one_patch(enum format format)
{
	struct findings before = { 0 }, after = { 0 };

	layouts();
	findings_add(&before, MK, "arch/arm64/mm/contpte.c", 65, 9, "m");
	findings_add(&before, LAST, "arch/arm64/include/asm/pgtable-prot.h",
		     38, 1, "gone");
	findings_add(&after, MK, "arch/arm64/mm/contpte.c", 70, 9, "m");
	findings_add(&after, MK, "arch/arm64/mm/hugetlbpage.c", 443, 9, "m");
	gate_report_init(&report, format, false, 1);
	assert_true(gate_report_patch(&report, "0002-x.patch", "arm64/mm: S",
				      &before, &after, &before_layout,
				      &after_layout, "/k"));
	findings_free(&before);
	findings_free(&after);
}

static void test_introduces_fixes(void **state)
{
	const struct gate_patch *p;

	one_patch(FORMAT_JSON);
	p = &report.patches[0];
	assert_int_equal(p->introduced.n, 1);
	assert_string_equal(p->introduced.v[0].file,
			    "arch/arm64/mm/hugetlbpage.c");
	assert_int_equal(p->introduced.v[0].line, 443);
	assert_string_equal(p->introduced.v[0].patch, "arm64/mm: S");
	assert_int_equal(p->fixed.n, 1);
	assert_int_equal(p->fixed.v[0].rule, LAST);
	assert_true(p->failed);
	assert_int_equal(gate_report_failed(&report), 1);
	gate_report_free(&report);
}

/* Two equal findings before, three after: one is new. */
static void test_one_for_one(void **state)
{
	struct findings before = { 0 }, after = { 0 };

	layouts();
	for (int i = 0; i < 3; i++) {
		if (i < 2)
			findings_add(&before, LAST, "a.h", 10 + i, 1, "n");
		findings_add(&after, LAST, "a.h", 20 + i, 1, "n");
	}
	gate_report_init(&report, FORMAT_JSON, false, 1);
	/* A note introduced is no failure. */
	assert_false(gate_report_patch(&report, "p", "", &before, &after,
				       &before_layout, &before_layout, "/k"));
	assert_int_equal(report.patches[0].introduced.n, 1);
	assert_int_equal(report.patches[0].introduced.v[0].line, 22);
	assert_int_equal(report.patches[0].fixed.n, 0);
	/* No subject: the file name stands for it. */
	assert_string_equal(report.patches[0].subject, "p");
	gate_report_free(&report);
	findings_free(&before);
	findings_free(&after);
}

static void finish(void *arg)
{
	one_patch(*(enum format *)arg);
	gate_report_finish(&report, "arm64 defconfig", "/k");
	exit(0);
}

static char *finished(enum format format)
{
	char *out;

	assert_int_equal(unit_run_child(finish, &format, &out), 0);
	return out;
}

#define assert_has(text, want)                                          \
	do {                                                            \
		if (!strstr(text, want))                                \
			fail_msg("no '%s' in: %s", want, text);         \
	} while (0)

static void test_json(void **state)
{
	char *out = finished(FORMAT_JSON);

	assert_has(out, "{\"version\":1,\"config\":\"arm64 defconfig\"");
	assert_has(out, "{\"index\":1,\"subject\":\"arm64/mm: S\",");
	assert_has(out, ",\"file\":\"0002-x.patch\",\"introduces\":[");
	assert_has(out, "\"file\":\"arch/arm64/mm/hugetlbpage.c\",\"line\":443");
	assert_has(out, "\"changed\":[{\"bit\":63,\"before\":[],\"after\":");
	assert_has(out, "[{\"name\":\"PTE_SOFT_DIRTY\",\"role\":\"sw\"}]}],");
	assert_has(out, "\"takes\":[63],\"frees\":[],\"free_sw_before\":[63],");
	assert_has(out, ",\"free_sw_after\":[]}],\"verdict\":\"fail\"}");
	assert_has(out, "\"summary\":{\"patches\":1,\"failed\":1,\"errors\":1,");
	assert_has(out, ",\"warnings\":0,\"notes\":0,\"verdict\":\"fail\"}}\n");
	free(out);
}

static void test_sarif_b4(void **state)
{
	char *out = finished(FORMAT_SARIF);

	assert_has(out, "\"ruleId\":\"MKDIRTY_HOUSEKEEPING\"");
	assert_has(out, "\"uri\":\"arch/arm64/mm/hugetlbpage.c\"");
	assert_has(out, "\"patch\":\"arm64/mm: S\"");
	assert_null(strstr(out, "contpte.c"));
	free(out);
	out = finished(FORMAT_B4);
	assert_has(out, "[{\"tool\":\"ptecheck\",\"status\":\"fail\",");
	assert_has(out, ",\"summary\":\"MKDIRTY_HOUSEKEEPING: m\",");
	assert_has(out, ",\"details\":\"arch/arm64/mm/hugetlbpage.c:443:9");
	assert_has(out, ":9 (introduced by arm64/mm: S)\"}]\n");
	assert_int_equal(strlen(out), strlen(strstr(out, "[{")));
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_introduces_fixes),
		cmocka_unit_test(test_one_for_one),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_sarif_b4),
	};

	return unit_run_forked("gate_report", tests, ARRAY_SIZE(tests));
}

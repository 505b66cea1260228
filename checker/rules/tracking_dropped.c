// SPDX-License-Identifier: GPL-2.0
/*
 * TRACKING_DROPPED: a function builds an entry in a new state from an old
 * one and does not carry a tracking feature across.
 *
 * soft-dirty and uffd-wp live in different bits in a present entry and in
 * a swap entry, so every change of state must test each feature on the
 * old entry and set it on the new one, with the helpers of each state.
 * Kernel history fixed many entries made without one of them: migration
 * entries without soft-dirty, THP splits without uffd-wp, remove-migration
 * paths that dropped one.
 *
 * Looked at in core mm (the C files at the top of mm/, and
 * fs/proc/task_mmu.c, that the configuration builds, as Kbuild says). A
 * change of state is a call that builds an entry: swp_entry_to_pte()
 * and swp_entry_to_pmd() make a swap entry (swap, migration, device),
 * mk_pte(), pfn_pte(), mk_huge_pmd() and pfn_pmd() a present one, and
 * mk_huge_pte() a present hugetlb one, when a variable keeps the
 * result. A function of the same file that returns an entry it builds
 * with one of them builds like it (hugetlb's make_huge_pte()). Before
 * the new entry leaves the function's hands, each feature must be set
 * or cleared on it with a helper of its state and level
 * (pte_swp_mksoft_dirty(), pmd_mkuffd_wp(), huge_pte_mkuffd_wp(),
 * pte_swp_clear_uffd_wp(), ...).
 *
 * The new entry is made from an old one of another kind (pte, pmd or
 * hugetlb, present or swap) when the function tests a tracking feature
 * of such an entry (pte_soft_dirty(old), a flag taken from
 * pmd_uffd_wp(old_pmd), pte_swp_uffd_wp(vmf->orig_pte),
 * huge_pte_uffd_wp(old)); the old entry can then hold every feature, so
 * each must be carried. An entry replaced by one of its own kind (KSM's
 * replace_page()) is not a change of state, except in hugetlb: a new
 * hugetlb entry for a copy of the page (COW, unshare, fork) keeps the old
 * one's uffd-wp. An entry built where no other entry's feature is read
 * is fresh (a fault, an install): silent. So are swap entries made fresh
 * (make_hwpoison_entry(), make_poisoned_swp_entry(), ...) and a builder
 * whose result is not stored in a variable (compared, passed to
 * swp_offset(), or straight to set_huge_pte_at()).
 *
 * Hugetlb entries hold uffd-wp only: the generic API has no huge_pte_
 * soft-dirty helpers and pagemap takes a hugetlb range's soft-dirty from
 * its vma (VM_SOFTDIRTY). Their present helpers are huge_pte_uffd_wp(),
 * huge_pte_mkuffd_wp() and huge_pte_clear_uffd_wp(); their swap entries
 * (migration, hwpoison) use the pte_swp_ ones.
 *
 * pte markers: a marker is a swap-kind pte that holds uffd-wp only
 * (make_pte_marker(PTE_MARKER_UFFD_WP) is how a none entry keeps it). A
 * function that reads it (pte_marker_uffd_wp(), pte_swp_uffd_wp_any())
 * and fills the marker with a present entry must carry uffd-wp to it,
 * and only uffd-wp (hugetlb_no_page(), 6.1's do_set_pte()).
 *
 * THP collapse (pte -> pmd): a present pmd built in a function that maps
 * a pte table (pte_offset_map*(), the table it replaces) is made from
 * those ptes. Their uffd-wp must be tested (pte_uffd_wp(),
 * pte_swp_uffd_wp(), pte_swp_uffd_wp_any(), pte_marker_uffd_wp()), to
 * refuse the collapse or to carry it, by that function or by one of its
 * own file that it calls (khugepaged's __collapse_huge_page_isolate()),
 * or uffd-wp set on the new pmd. The test in the scan that runs before
 * (hpage_collapse_scan_pmd()) does not count: the locks are dropped in
 * between. Soft-dirty is not checked there: the collapse marks the new
 * pmd dirty, and whether pmd_mkdirty() sets soft-dirty is the arch's.
 *
 * It leaves the function's hands where it is passed to a call that is
 * not an entry helper (set_pte_at(), set_pmd_at(), ...) nor one whose
 * result replaces it (pte = maybe_mkwrite(pte, vma)), stored or
 * returned.
 *
 * Reported at the call that builds the entry:
 *   - the feature is not set or cleared in the new entry's state at all;
 *   - it is set only with the helper of the other state
 *     (pte_mksoft_dirty() on a swap entry sets a bit of its offset), even
 *     where a comment names the feature;
 *   - a collapse that neither tests nor sets uffd-wp.
 *
 * Error (try_to_migrate_one(), soft-dirty forgotten):
 *   swp_pte = swp_entry_to_pte(entry);
 *   if (pte_uffd_wp(pteval))
 *           swp_pte = pte_swp_mkuffd_wp(swp_pte);
 * OK:
 *   if (pte_soft_dirty(pteval))
 *           swp_pte = pte_swp_mksoft_dirty(swp_pte);
 *
 * The shared zero page (pfn_pte(my_zero_pfn(addr), ...)) is a judgement
 * call: it is held to uffd-wp and not to soft-dirty. Splitting the huge
 * zero pmd (__split_huge_zero_page_pmd(), 6.1 and 6.12 alike) carries
 * uffd-wp and not soft-dirty. The zero page holds none of the task's data
 * and is mapped read-only, so every write faults and the fault makes a
 * new entry dirty and soft-dirty: no write is lost. uffd-wp must trap that
 * write, so a zero-page entry carries it like any other entry. What the
 * split can drop is a soft-dirty bit the zero pmd got without a write
 * (move_huge_pmd() marks a moved pmd soft-dirty): after the split,
 * pagemap reports that moved range clean. The rule cannot tell a moved
 * zero pmd from a fresh one, and reporting every tree for it would bury
 * the losses of data, so it is silent there by decision.
 *
 * A feature the configuration leaves out (its bit is 0 or undefined, as
 * soft-dirty on arm64 before the port) cannot be dropped: silent.
 *
 * Not understood, so silent: entries built through a helper of another
 * file, a collapse into a pmd built elsewhere (khugepaged's
 * set_huge_pmd()), swap-to-swap rewrites (a migration entry made
 * readable on fork, where the old and new entries are of one kind),
 * soft-dirty across a collapse. A deliberate drop is
 * kept with a "ptecheck-ignore: TRACKING_DROPPED" comment on the line of
 * the call or the line above, or with a comment that names the feature
 * between the previous builder and this one, as core mm writes them
 * (copy_nonpresent_pte(): "We do not preserve soft-dirty information").
 */
#include <stdlib.h>
#include <string.h>

#include "../engine.h"
#include "../entry_state.h"
#include "rules.h"

static int my_id;

/* The entry levels, by the prefix of their helpers. */
enum level { LEVEL_PTE, LEVEL_PMD, LEVEL_HUGE };

static const char *const level_names[] = { "pte", "pmd", "huge_pte" };

static const struct builder {
	const char *name;
	enum level level;
	bool swap; /* the new entry is a swap entry */
} builders[] = {
	{ "swp_entry_to_pte", LEVEL_PTE, true },
	{ "swp_entry_to_pmd", LEVEL_PMD, true },
	{ "mk_pte", LEVEL_PTE, false },
	{ "pfn_pte", LEVEL_PTE, false },
	{ "mk_huge_pmd", LEVEL_PMD, false },
	{ "pfn_pmd", LEVEL_PMD, false },
	{ "mk_huge_pte", LEVEL_HUGE, false },
};

/* The tracking features, by the stem of their generic helpers. */
static const struct feature {
	const char *stem; /* pte_<stem>, pte_mk<stem>, pte_clear_<stem> */
	const char *name;
} features[] = {
	{ "soft_dirty", "soft-dirty" },
	{ "uffd_wp", "uffd-wp" },
};

/*
 * The helper that does @op ("", "mk", "clear_") for @f on an entry of
 * @level in state @swap. hugetlb's swap entries use the pte_swp_ helpers
 * (include/linux/hugetlb.h has only the present huge_pte_ ones).
 */
static char *helper_name(enum level level, bool swap, const char *op,
			 const struct feature *f)
{
	if (level == LEVEL_HUGE && swap)
		level = LEVEL_PTE;
	return xasprintf("%s_%s%s%s", level_names[level], swap ? "swp_" : "",
			 op, f->stem);
}

/* Is @tok a setter or clearer of @f for @level and state @swap? */
static bool sets_feature(const char *tok, const struct feature *f,
			 enum level level, bool swap)
{
	char *mk = helper_name(level, swap, "mk", f);
	char *clear = helper_name(level, swap, "clear_", f);
	bool sets = !strcmp(tok, mk) || !strcmp(tok, clear);

	free(mk);
	free(clear);
	return sets;
}

/*
 * Does a hugetlb entry hold @f? Only uffd-wp: the generic API has no
 * huge_pte_ soft-dirty helpers, and pagemap reports a hugetlb range
 * soft-dirty from its vma (VM_SOFTDIRTY), not from the entry.
 */
static bool level_holds(enum level level, const struct feature *f)
{
	return level != LEVEL_HUGE || !strcmp(f->stem, "uffd_wp");
}

/* Is @type, a type's spelling, an entry: pte_t or pmd_t? */
static bool is_entry_type(const char *type)
{
	if (starts_with(type, "const "))
		type += 6;
	return !strcmp(type, "pte_t") || !strcmp(type, "pmd_t");
}

/* The definition in this file of the function called at token @i. */
static CXCursor local_callee(const struct entry_tokens *t, int i)
{
	CXCursor ref =
		clang_getCursor(t->tu, clang_getTokenLocation(t->tu, t->cx[i]));
	CXCursor def =
		clang_getCursorDefinition(clang_getCursorReferenced(ref));

	if (clang_Cursor_isNull(def) ||
	    clang_getCursorKind(def) != CXCursor_FunctionDecl ||
	    !clang_Location_isFromMainFile(clang_getCursorLocation(def)))
		return clang_getNullCursor();
	return def;
}

/*
 * A function of this file that returns an entry it builds with one of
 * the builders (hugetlb's make_huge_pte() around mk_huge_pte()) builds
 * like it: its builder, or NULL.
 */
static const struct builder *wrapped_builder(const struct entry_tokens *t,
					     int i)
{
	CXCursor def = local_callee(t, i);
	const struct builder *found = NULL;
	struct entry_tokens body;
	CXString type;
	bool entry;

	if (clang_Cursor_isNull(def))
		return NULL;
	type = clang_getTypeSpelling(clang_getCursorResultType(def));
	entry = is_entry_type(clang_getCString(type));
	clang_disposeString(type);
	if (!entry)
		return NULL;
	entry_tokens_init(&body, t->tu, def);
	for (int k = 0; k + 1 < body.n; k++) {
		const struct builder *b = NULL;

		if (strcmp(body.v[k + 1], "("))
			continue;
		for (size_t n = 0; n < ARRAY_SIZE(builders) && !b; n++)
			if (!strcmp(body.v[k], builders[n].name))
				b = &builders[n];
		if (!b)
			continue;
		/* Builders of two kinds: which one it returns is unknown. */
		if (found && found != b) {
			found = NULL;
			break;
		}
		found = b;
	}
	entry_tokens_free(&body);
	return found;
}

static bool is_helper(const char *tok);

static const struct builder *builder_at(const struct entry_tokens *t, int i)
{
	if (i + 1 >= t->n || strcmp(t->v[i + 1], "("))
		return NULL;
	for (size_t b = 0; b < ARRAY_SIZE(builders); b++)
		if (!strcmp(t->v[i], builders[b].name))
			return &builders[b];
	/* Only a call whose result is assigned can be a site. */
	if (i < 1 || strcmp(t->v[i - 1], "=") || is_helper(t->v[i]))
		return NULL;
	return wrapped_builder(t, i);
}

/*
 * Entries made fresh, with nothing of the old entry's to carry: poisoned
 * swap entries and markers. The shared zero page holds none of the task's
 * data, so it has no soft-dirty to carry, but a write-protected range
 * stays write-protected: it must still carry uffd-wp.
 */
static const struct fresh_entry {
	const char *name;
	const char *carries; /* the feature stem it must still carry */
} fresh_entries[] = {
	{ "make_hwpoison_entry", NULL },
	{ "make_poisoned_swp_entry", NULL },
	{ "make_swapin_error_entry", NULL },
	{ "make_pte_marker_entry", NULL },
	{ "my_zero_pfn", "uffd_wp" },
	{ "zero_pfn", "uffd_wp" },
};

static const struct fresh_entry *fresh_entry(const char *tok)
{
	for (size_t i = 0; i < ARRAY_SIZE(fresh_entries); i++)
		if (!strcmp(tok, fresh_entries[i].name))
			return &fresh_entries[i];
	return NULL;
}

static bool is_helper(const char *tok)
{
	return starts_with(tok, "pte_") || starts_with(tok, "pmd_") ||
	       starts_with(tok, "huge_pte_");
}

/* The first token of the statement holding token @i. */
static int statement_start(const struct entry_tokens *t, int i)
{
	while (i > 0 && strcmp(t->v[i - 1], ";") && strcmp(t->v[i - 1], "{") &&
	       strcmp(t->v[i - 1], "}"))
		i--;
	return i;
}

/*
 * The variable a builder's statement assigns (V = ... or pte_t V = ...),
 * or -1: a builder that is only compared or passed on makes no entry.
 */
static int assigned_var(const struct entry_tokens *t, int at)
{
	int from = statement_start(t, at);

	static const char *const keep[] = {
		"pte_mk",	  "pmd_mk",
		"pte_swp_mk",	  "pmd_swp_mk",
		"pte_clear_",	  "pmd_clear_",
		"pte_swp_clear_", "pmd_swp_clear_",
		"pte_wrprotect",  "pmd_wrprotect",
		"pte_modify",	  "pmd_modify",
		"maybe_mkwrite",  "maybe_pmd_mkwrite",
	};
	int eq;

	for (eq = from + 1; eq < at && strcmp(t->v[eq], "="); eq++)
		;
	if (eq >= at)
		return -1;
	/* Only helpers that keep the entry's state may wrap the builder. */
	for (int i = eq + 1; i < at; i++) {
		bool ok = !strcmp(t->v[i], "(");

		for (size_t k = 0; k < ARRAY_SIZE(keep) && !ok; k++)
			ok = starts_with(t->v[i], keep[k]);
		if (!ok)
			return -1;
	}
	return eq - 1;
}

/*
 * The fresh entry the builder at @at takes, if any: made in its arguments
 * or, through a variable, anywhere in the function.
 */
static const struct fresh_entry *builds_fresh(const struct entry_tokens *t,
					      int at)
{
	int close = entry_tokens_match(t, at + 1);
	const struct fresh_entry *fresh;

	for (int i = at + 2; i < close; i++) {
		fresh = fresh_entry(t->v[i]);
		if (fresh)
			return fresh;
		for (int k = 0; k + 2 < t->n; k++) {
			if (strcmp(t->v[k], t->v[i]) ||
			    strcmp(t->v[k + 1], "="))
				continue;
			fresh = fresh_entry(t->v[k + 2]);
			if (fresh)
				return fresh;
		}
	}
	return NULL;
}

/* Is the call named at @name in "VAR = call(...)": the entry, changed? */
static bool reassigns(const struct entry_tokens *t, int var, int name)
{
	return name >= 2 && !strcmp(t->v[name - 1], "=") &&
	       !strcmp(t->v[name - 2], t->v[var]);
}

/*
 * Where the new entry @var leaves the builder's hands: passed to a call
 * that is not an entry helper (set_pte_at(), ...), returned or stored.
 */
static int installed_at(const struct entry_tokens *t, int var, int from)
{
	for (int i = from; i < t->n; i++) {
		const char *prev = t->v[i - 1], *next = t->v[i + 1];
		int depth = 0, k;

		if (strcmp(t->v[i], t->v[var]) || i + 1 >= t->n)
			continue;
		if (!strcmp(prev, "return") ||
		    (!strcmp(prev, "=") && !strcmp(next, ";")))
			return i;
		if ((strcmp(prev, "(") && strcmp(prev, ",")) ||
		    (strcmp(next, ")") && strcmp(next, ",")))
			continue;
		/* The call whose argument this is. */
		for (k = i - 1; k > 0; k--) {
			if (!strcmp(t->v[k], ")"))
				depth++;
			else if (!strcmp(t->v[k], "(") && !depth--)
				break;
		}
		if (k > 0 && !is_helper(t->v[k - 1]) &&
		    !reassigns(t, var, k - 1))
			return i;
	}
	return t->n;
}

/* One bit per entry kind: pte, pmd or hugetlb, present or swap. */
static unsigned int kind_bit(enum level level, bool swap)
{
	return 1u << (level * 2 + swap);
}

/*
 * Reads of uffd-wp on a pte marker, the none entry that keeps it
 * (make_pte_marker(PTE_MARKER_UFFD_WP)): a marker is a swap-kind pte
 * that holds uffd-wp only, so they ask for uffd-wp only.
 */
static const char *const marker_reads[] = { "pte_marker_uffd_wp",
					    "pte_swp_uffd_wp_any" };

/*
 * The kinds of old entry the function reads a tracking feature of: a
 * query such as pte_soft_dirty(X), pmd_swp_uffd_wp(X) or
 * huge_pte_uffd_wp(X) whose argument is not @var nor built on the spot by
 * another helper; with @markers, the reads of a marker's uffd-wp.
 */
static unsigned int old_kinds(const struct entry_tokens *t, int var,
			      bool markers)
{
	unsigned int kinds = 0;

	for (int i = 0; i + 3 < t->n; i++) {
		const char *rest, *arg = t->v[i + 2];
		enum level level = LEVEL_PTE;
		bool swap = false, known = false;

		if (!is_helper(t->v[i]) || strcmp(t->v[i + 1], "("))
			continue;
		if (starts_with(t->v[i], "huge_pte_"))
			level = LEVEL_HUGE;
		else if (starts_with(t->v[i], "pmd_"))
			level = LEVEL_PMD;
		rest = t->v[i] + strlen(level_names[level]) + 1;
		if (starts_with(rest, "swp_")) {
			rest += 4;
			swap = true;
		}
		for (size_t k = 0; k < ARRAY_SIZE(features); k++)
			known |= !strcmp(rest, features[k].stem);
		for (size_t k = 0; markers && k < ARRAY_SIZE(marker_reads); k++)
			if (!strcmp(t->v[i], marker_reads[k]))
				known = swap = true;
		if (!known || (var >= 0 && !strcmp(arg, t->v[var])) ||
		    (is_helper(arg) && !strcmp(t->v[i + 3], "(")))
			continue;
		kinds |= kind_bit(level, swap);
	}
	return kinds;
}

/*
 * A comment between the previous builder and this one that names the
 * feature ("We do not preserve soft-dirty information"): a drop the
 * authors meant and wrote down.
 */
static bool commented(const struct entry_tokens *t, const char *file,
		      unsigned int from_line, unsigned int to_line,
		      const struct feature *f)
{
	static const char *const words[][3] = {
		{ "soft-dirt", "soft dirt", "softdirt" },
		{ "uffd-wp", "uffd_wp", "uffd wp" },
	};
	const char *const *w = words[f == &features[0] ? 0 : 1];
	char *text = read_file(file, NULL), *p, *end;
	unsigned int line = 1;
	bool found = false;

	if (!text)
		return false;
	for (p = text; *p && line < from_line; p++)
		line += *p == '\n';
	for (; *p && line <= to_line && !found; p++) {
		if (*p == '\n') {
			line++;
			continue;
		}
		if (p[0] != '/' || (p[1] != '*' && p[1] != '/'))
			continue;
		end = strstr(p, p[1] == '*' ? "*/" : "\n");
		if (!end)
			break;
		for (int k = 0; k < 3 && !found; k++) {
			char *hit = strstr(p, w[k]);

			found = hit && hit < end;
		}
		for (; p < end; p++)
			line += *p == '\n';
	}
	free(text);
	return found;
}

/* Is @f on: its present bit nonzero in this configuration? */
static bool feature_on(struct unit *unit, const struct feature *f)
{
	const struct tracking *t = arch_tracking(unit->arch, f->stem);
	uint64_t bit;

	return t && model_value(&unit->model, t->pte_macro, &bit) && bit;
}

static void check_site(struct unit *unit, const struct entry_tokens *t, int at,
		       unsigned int prev_line)
{
	const struct builder *b = builder_at(t, at);
	const struct fresh_entry *fresh = builds_fresh(t, at);
	int var = assigned_var(t, at), end;
	unsigned int old;

	if (var < 0 || (fresh && !fresh->carries))
		return;
	end = installed_at(t, var, entry_tokens_match(t, at + 1) + 1);
	/*
	 * An old entry of another kind the function reads a feature of. A
	 * hugetlb entry replaced by one of its own kind is a copy of the
	 * page (COW, unshare, fork): it keeps the old one's uffd-wp too.
	 */
	for (size_t k = 0; k < ARRAY_SIZE(features); k++) {
		const struct feature *f = &features[k];
		bool set = false, other = false;
		char *want;

		old = old_kinds(t, var, !strcmp(f->stem, "uffd_wp"));
		if (b->level != LEVEL_HUGE || b->swap)
			old &= ~kind_bit(b->level, b->swap);
		if (!old)
			continue;

		for (int i = at; i < end; i++) {
			set |= sets_feature(t->v[i], f, b->level, b->swap);
			other |= sets_feature(t->v[i], f, b->level, !b->swap);
		}
		if (fresh && strcmp(fresh->carries, f->stem))
			continue;
		if (set || !feature_on(unit, f) || !level_holds(b->level, f))
			continue;
		/* A comment explains a drop, not a helper of the other state. */
		if (!other &&
		    commented(t, unit->tu->file, prev_line, t->line[at], f))
			continue;
		want = helper_name(b->level, b->swap, "mk", f);
		if (other)
			unit_report_line(
				unit, my_id, unit->tu->file, t->line[at],
				"%s() makes a %s entry, but %s is set on it with the %s-entry helpers: use %s()",
				t->v[at], b->swap ? "swap" : "present", f->name,
				b->swap ? "present" : "swap", want);
		else
			unit_report_line(
				unit, my_id, unit->tu->file, t->line[at],
				"%s() makes a %s entry from an old one that can hold %s, but does not carry it: test it on the old entry and set it with %s(), or clear it deliberately",
				t->v[at], b->swap ? "swap" : "present", f->name,
				want);
		free(want);
	}
}

/*
 * The reads of a pte's uffd-wp a collapse may test to refuse (or carry)
 * it: present, swap and marker.
 */
static const char *const pte_uffd_wp_reads[] = { "pte_uffd_wp",
						 "pte_swp_uffd_wp",
						 "pte_swp_uffd_wp_any",
						 "pte_marker_uffd_wp" };

static bool reads_pte_uffd_wp(const struct entry_tokens *t)
{
	for (int i = 0; i + 1 < t->n; i++)
		for (size_t k = 0; k < ARRAY_SIZE(pte_uffd_wp_reads); k++)
			if (!strcmp(t->v[i], pte_uffd_wp_reads[k]) &&
			    !strcmp(t->v[i + 1], "("))
				return true;
	return false;
}

/* The function of @t, or one of this file it calls, reads a pte's uffd-wp. */
static bool collapse_reads_uffd_wp(const struct entry_tokens *t)
{
	bool found = reads_pte_uffd_wp(t);

	for (int i = 0; i + 1 < t->n && !found; i++) {
		struct entry_tokens callee;
		CXCursor def;

		if (strcmp(t->v[i + 1], "(") || is_helper(t->v[i]))
			continue;
		def = local_callee(t, i);
		if (clang_Cursor_isNull(def))
			continue;
		entry_tokens_init(&callee, t->tu, def);
		found = reads_pte_uffd_wp(&callee);
		entry_tokens_free(&callee);
	}
	return found;
}

/* Calls that map the pte table under a pmd. */
static const char *const pte_table_maps[] = { "pte_offset_map",
					      "pte_offset_map_lock",
					      "pte_offset_map_nolock",
					      "pte_offset_map_rw_nolock" };

/*
 * THP collapse: a present pmd built in a function that maps a pte table
 * (the one it replaces) is made from those ptes. uffd-wp must be tested
 * on them, to refuse the collapse or to carry it, by the function or one
 * of its file it calls (khugepaged's isolation), or set on the new pmd.
 */
static void check_collapse(struct unit *unit, const struct entry_tokens *t,
			   int at, unsigned int prev_line)
{
	const struct builder *b = builder_at(t, at);
	const struct feature *f = &features[1];
	int var = assigned_var(t, at), end;
	bool maps = false;

	if (b->level != LEVEL_PMD || b->swap || var < 0 || !feature_on(unit, f))
		return;
	for (int i = 0; i + 1 < t->n && !maps; i++)
		for (size_t k = 0; k < ARRAY_SIZE(pte_table_maps); k++)
			maps |= !strcmp(t->v[i], pte_table_maps[k]) &&
				!strcmp(t->v[i + 1], "(");
	if (!maps)
		return;
	end = installed_at(t, var, entry_tokens_match(t, at + 1) + 1);
	for (int i = at; i < end; i++)
		if (sets_feature(t->v[i], f, LEVEL_PMD, false))
			return;
	if (collapse_reads_uffd_wp(t) ||
	    commented(t, unit->tu->file, prev_line, t->line[at], f))
		return;
	unit_report_line(
		unit, my_id, unit->tu->file, t->line[at],
		"%s() collapses ptes into a present pmd, but no pte's uffd-wp is tested to refuse the collapse or set with pmd_mkuffd_wp(): a write-protected range loses its protection",
		t->v[at]);
}

static void match_function(struct unit *unit, CXCursor func)
{
	struct entry_tokens t;
	unsigned int prev_line;

	entry_tokens_init(&t, unit->tu->cx, func);
	prev_line = t.n ? t.line[0] : 0;
	for (int i = 0; i < t.n; i++) {
		if (!builder_at(&t, i))
			continue;
		check_site(unit, &t, i, prev_line);
		check_collapse(unit, &t, i, prev_line);
		prev_line = t.line[i];
	}
	entry_tokens_free(&t);
}

/* A function that can be reported names a tracking helper. */
static void helper_names(struct unit *unit, struct strv *names)
{
	static const char *const levels[] = { "pte", "pmd" };
	static const char *const states[] = { "", "swp_" };
	static const char *const ops[] = { "", "mk", "clear_" };

	for (size_t l = 0; l < ARRAY_SIZE(levels); l++)
		for (size_t s = 0; s < ARRAY_SIZE(states); s++)
			for (size_t o = 0; o < ARRAY_SIZE(ops); o++)
				for (size_t f = 0; f < ARRAY_SIZE(features);
				     f++)
					strv_pushf(names, "%s_%s%s%s",
						   levels[l], states[s], ops[o],
						   features[f].stem);
	for (size_t o = 0; o < ARRAY_SIZE(ops); o++)
		strv_pushf(names, "huge_pte_%suffd_wp", ops[o]);
	for (size_t k = 0; k < ARRAY_SIZE(marker_reads); k++)
		strv_push(names, marker_reads[k]);
}

void init_TRACKING_DROPPED(struct engine *engine, int id)
{
	my_id = id;
	add_core_function_hook(engine, match_function);
	add_core_names_hook(engine, helper_names);
}

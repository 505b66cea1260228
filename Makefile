# SPDX-License-Identifier: GPL-2.0
# ptecheck: build, set up, test. `make help` lists the targets.

CACHE ?= $(or $(PTECHECK_CACHE),$(if $(XDG_CACHE_HOME),$(XDG_CACHE_HOME)/ptecheck),$(HOME)/.cache/ptecheck)
KDIR ?= $(CACHE)/linux-source-6.12
LLVM_CONFIG ?= llvm-config-14
PREFIX ?= /usr/local
DESTDIR ?=

# Kbuild's convention: one short line per step, V=1 for the commands.
ifeq ($(V),1)
Q =
quiet = @:
else
Q = @
quiet = @printf '  %-7s %s\n'
endif

CFLAGS ?= -O2 -g -Wall -Wextra -Wno-unused-parameter
# Recursive (=), so that `make deps` on a machine without LLVM yet does
# not run llvm-config; --cflags may carry C++-only flags on some builds.
LLVM_CFLAGS = $(filter-out -std=% -fno-exceptions -fno-rtti -W%,$(shell $(LLVM_CONFIG) --cflags 2>/dev/null))
LLVM_LIBDIR = $(shell $(LLVM_CONFIG) --libdir 2>/dev/null)
# Where the binary finds libclang; the Debian package sets it empty.
RPATH = -Wl,-rpath,$(LLVM_LIBDIR)
# SAN=1: ASan (with LSan) and UBSan, in build-san/ so the two builds never
# mix; `make test SAN=1` runs the suite against that binary.
ifeq ($(SAN),1)
B := build-san
CC := clang-14
CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	  -fno-sanitize-recover=undefined -Wall -Wextra -Wno-unused-parameter
LDFLAGS += -fsanitize=address,undefined
else
B := build
endif
VERSION := $(or $(shell git describe --always --dirty 2>/dev/null),unknown)

SRCS := $(wildcard checker/*.c checker/rules/*.c)
OBJS := $(patsubst checker/%.c,$(B)/%.o,$(SRCS))
# One DOC_<ID> per line of rules.def, from checker/rules/<id>.c.
RULE_IDS := $(shell sed -n 's/^RULE.\([A-Za-z0-9_]*\),.*/\L\1/p' checker/rules/rules.def 2>/dev/null)
RULE_SRCS := $(RULE_IDS:%=checker/rules/%.c)
GEN := build/arch_data.h build/rule_docs.h

# The man page is made with the plain build, never the SAN=1 one.
all: $(B)/ptecheck $(if $(filter build,$(B)),build/ptecheck.1)

# The man page: doc/ptecheck.1.in, with OPTIONS and FORMATS from the
# option table (ptecheck --help=man) and RULES from the rule files.
MAN_DATE := $(or $(shell git log -1 --format=%cs 2>/dev/null),unknown)
build/ptecheck.1: doc/ptecheck.1.in scripts/man-rules.sh $(RULE_SRCS) build/ptecheck \
		  build/.version
	$(quiet) GEN $@
	$(Q)build/ptecheck --help=man >$@.opts
	$(Q)sh scripts/man-rules.sh $(RULE_SRCS) >$@.rules
	$(Q)sed -e 's/@DATE@/$(MAN_DATE)/' -e 's/@VERSION@/$(VERSION)/' \
		-e '/^@OPTIONS@$$/{r $@.opts' -e 'd}' \
		-e '/^@RULES@$$/{r $@.rules' -e 'd}' doc/ptecheck.1.in >$@.tmp
	$(Q)rm -f $@.opts $@.rules && mv $@.tmp $@

$(B)/ptecheck: $(OBJS)
	$(quiet) LD $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $(OBJS) -L$(LLVM_LIBDIR) -lclang $(RPATH) $(LDLIBS)

# Generated headers must exist before the first compile; after it, -MMD
# has recorded who includes them.
$(B)/%.o: checker/%.c | $(GEN)
	@mkdir -p $(@D)
	$(quiet) CC $@
	$(Q)$(CC) $(CFLAGS) -std=gnu11 $(LLVM_CFLAGS) -Ichecker -Ibuild $(CPPFLAGS) \
		-DPTECHECK_VERSION='"$(VERSION)"' -MMD -MP -c -o $@ $<

# Only the files that print the version rebuild when it changes.
build/.version: FORCE
	@mkdir -p build
	@echo '$(VERSION)' | cmp -s - $@ || echo '$(VERSION)' >$@
$(patsubst checker/%.c,$(B)/%.o,$(shell grep -l PTECHECK_VERSION $(SRCS) /dev/null)): build/.version

build/arch_data.h: scripts/embed.sh $(wildcard checker/arch/*.def)
	@mkdir -p build
	$(quiet) GEN $@
	$(Q)sh scripts/embed.sh $(wildcard checker/arch/*.def) >$@.tmp && mv $@.tmp $@

build/rule_docs.h: scripts/rule-docs.sh $(RULE_SRCS)
	@mkdir -p build
	$(quiet) GEN $@
	$(Q)sh scripts/rule-docs.sh $(RULE_SRCS) >$@.tmp && mv $@.tmp $@

-include $(OBJS:.o=.d)

deps:
	@bash scripts/deps.sh

trees:
	@bash scripts/trees.sh "$(CACHE)"

# Each step in its own make, so that -j never runs them out of order.
# With SAN=1 the plain build too: cases that install or package it must
# not race to link it.
define prepare
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all
	$(if $(filter 1,$(SAN)),@$(MAKE) --no-print-directory SAN= all)
	@$(MAKE) --no-print-directory trees
endef

# demo TREE,MAXEXIT: check TREE, failing make on an exit above MAXEXIT (1
# where findings are the point, 0 where the tree must be clean). A patched
# tree that is not laid yet (its patches are not in kernel/) is skipped.
define demo
	@if [ -d "$(1)" ]; then \
		echo '$$ build/ptecheck check $(1)'; \
		build/ptecheck check "$(1)"; rc=$$?; \
		echo "== exit $$rc"; [ $$rc -le $(2) ]; \
	else \
		echo "== $(1) not laid (its patches are not in kernel/ yet), skipped"; \
	fi
endef

run:
	$(prepare)
	@echo
	@echo "== 1/3 the pristine Debian 6.12 tree (expect no findings)"
	$(call demo,$(KDIR),0)
	@echo
	@echo "== 2/3 soft-dirty ported to 6.12 without __pte_mkdirty (expect 8 MKDIRTY_HOUSEKEEPING errors, exit 1)"
	$(call demo,$(CACHE)/trees/soft-dirty-6.12-unconverted,1)
	@echo
	@echo "== 3/3 the same port as the 2-patch series, with __pte_mkdirty (expect no errors; a note that bit 63 was the last free software bit)"
	$(call demo,$(CACHE)/trees/soft-dirty-6.12,0)

# make test [TESTS="tests/DIR tests/DIR/CASE ..."]: the whole suite by
# default. With SAN=1 every sanitizer report is written to a file of its
# own in build-san/san/ and ends the run with exit 86, so a case that
# expects ptecheck's exit 1 cannot hide one; the suite fails while any
# report is there. Without SAN=1, a full run ends with the SAN=1 run of
# SAN_TESTS: what CI can afford of it (every parser of ours, each mode;
# the unit tests are built with ASan and UBSan in every run).
SAN_DIR = $(CURDIR)/$(B)/san
SAN_LOG = $(SAN_DIR)/report
SAN_ENV = ASAN_OPTIONS=log_path=$(SAN_LOG):exitcode=86:detect_leaks=1 \
	  UBSAN_OPTIONS=log_path=$(SAN_LOG):print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=log_path=$(SAN_LOG):exitcode=86:suppressions=$(CURDIR)/scripts/lsan.supp
SAN_TESTS = $(addprefix tests/,hostile/patches.sh \
	    hostile/full_disk.sh output gate/bad_input.sh gate/mbox.sh \
	    integration/bad_input.sh \
	    integration/result_cache.sh kernel/check_wrapper.sh \
	    rules/swap_mirror/clear-wrong-bit.t rules/swap_mirror/no-pmd-swp.t \
	    rules/mkdirty_housekeeping/unconverted-fires.t \
	    rules/tracking_dropped/migration-no-soft-dirty.t \
	    layout/arm64-6.12-facts.sh layout/bad_input.sh)
test:
	$(prepare)
	@rm -rf $(SAN_DIR)
	$(if $(filter 1,$(SAN)),@mkdir -p $(SAN_DIR))
	@CACHE="$(CACHE)" PTECHECK=$(CURDIR)/$(B)/ptecheck \
		$(if $(filter 1,$(SAN)),$(SAN_ENV)) tests/run $(TESTS)
ifeq ($(SAN),1)
	@if [ -n "$$(ls -A $(SAN_DIR) 2>/dev/null)" ]; then \
		head -n 30 $(SAN_DIR)/*; \
		echo "sanitizer reports: $$(ls $(SAN_DIR) | wc -l), in $(SAN_DIR)/"; \
		exit 1; \
	fi
	@echo "sanitizer reports: 0"
else ifeq ($(TESTS),)
	@echo "== the sanitizer part: make test SAN=1 TESTS=\"\$$(SAN_TESTS)\""
	@$(MAKE) --no-print-directory test SAN=1 TESTS="$(SAN_TESTS)"
endif

# Tree mode on KDIR (default: the pristine cache tree), with ptecheck's
# build cache in CACHE like the other targets.
check: all
	$(Q)PTECHECK_CACHE="$(CACHE)" $(B)/ptecheck check $(if $(ARCH),--arch $(ARCH)) "$(KDIR)"

bench:
	$(prepare)
	@CACHE="$(CACHE)" bench/bench.sh

install: build/ptecheck build/ptecheck.1
	install -D -m 0755 build/ptecheck $(DESTDIR)$(PREFIX)/bin/ptecheck
	install -D -m 0644 build/ptecheck.1 $(DESTDIR)$(PREFIX)/share/man/man1/ptecheck.1
	install -D -m 0644 doc/ptecheck.bash-completion \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/ptecheck
	install -d $(DESTDIR)$(PREFIX)/share/ptecheck/cocci
	for f in cocci/*.cocci; do \
		[ -f "$$f" ] && install -m 0644 "$$f" $(DESTDIR)$(PREFIX)/share/ptecheck/cocci/ || :; \
	done
	install -D -m 0755 kernel/check $(DESTDIR)$(PREFIX)/share/ptecheck/check
	install -D -m 0755 kernel/hooks/sendemail-validate \
		$(DESTDIR)$(PREFIX)/share/ptecheck/hooks/sendemail-validate
	install -D -m 0755 kernel/b4/ptecheck-perpatch \
		$(DESTDIR)$(PREFIX)/share/ptecheck/b4/ptecheck-perpatch
	install -D -m 0644 kernel/b4/README $(DESTDIR)$(PREFIX)/share/doc/ptecheck/README.b4

# The Debian package of HEAD, into build/: built in a git archive of it
# (dpkg-buildpackage writes beside the source), so the checkout stays clean.
deb:
	@mkdir -p build
	$(Q)tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	git archive --prefix=ptecheck/ HEAD | tar -x -C "$$tmp" && \
	(cd "$$tmp/ptecheck" && \
	 PTECHECK_VERSION=$$(git -C $(CURDIR) describe --always HEAD) \
	 dpkg-buildpackage -us -uc -b >../build.log 2>&1) || \
	{ tail -n 30 "$$tmp/build.log"; exit 1; }; \
	rm -f build/ptecheck_*.deb && cp "$$tmp"/ptecheck_*.deb build/ && \
	ls build/ptecheck_*.deb

# The kernel's own checkpatch and .clang-format, read from KDIR in place:
# nothing is copied into this repository. Reports only.
STYLE_FILES = $(wildcard checker/*.[ch] checker/*/*.[ch])
style:
	-$(KDIR)/scripts/checkpatch.pl --no-tree -f --terse $(STYLE_FILES)
	-clang-format --dry-run --style=file:$(KDIR)/.clang-format $(STYLE_FILES) 2>&1 | grep ": warning:"

clean:
	rm -rf build build-san

help:
	@echo 'all      build build/ptecheck (default)'
	@echo 'deps     install missing Debian packages (root)'
	@echo 'trees    unpack Debian 6.12 and 6.1 into CACHE, build the patched trees'
	@echo 'run      deps, all, trees, then check the pristine tree and the soft-dirty demo'
	@echo 'test     deps, all, trees, then tests/run'
	@echo 'check    check KDIR in tree mode (ARCH=arm64|x86 picks --arch)'
	@echo 'bench    deps, all, trees, then bench/bench.sh'
	@echo 'install  to PREFIX=$(PREFIX) (DESTDIR honoured)'
	@echo 'deb      the Debian package of HEAD, into build/'
	@echo 'style    checkpatch.pl and clang-format over checker/ (reports only)'
	@echo 'clean    remove build/ and build-san/'
	@echo 'SAN=1    all/test with ASan+LSan+UBSan, in build-san/'
	@echo 'CACHE=$(CACHE)'
	@echo 'KDIR=$(KDIR)'

FORCE:
.PHONY: all deps trees run test check bench install deb style clean help FORCE

# `make fuzz`: libFuzzer harnesses of ptecheck's own parsers (fuzz/), each
# run FUZZ_TIME seconds on seeds made from real files; a crash, leak or
# timeout fails.  The checker is rebuilt for it into build/fuzz/obj.
FUZZ_TIME ?= 60
FUZZ_CC := clang-14
FUZZ_CFLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
	       -fno-sanitize-recover=undefined -fno-omit-frame-pointer \
	       -Wall -Wextra -Wno-unused-parameter
FUZZ_LDFLAGS := -fsanitize=address,undefined -Wl,--wrap=die
FUZZ_NAMES := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_OBJS := $(patsubst checker/%.c,build/fuzz/obj/%.o,\
	       $(filter-out checker/main.c,$(SRCS))) build/fuzz/obj/fuzz.o
FUZZ_KDIR := $(KDIR)

build/fuzz/obj/%.o: checker/%.c | $(GEN)
	@mkdir -p $(@D)
	$(quiet) CC $@
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -std=gnu11 $(LLVM_CFLAGS) -Ichecker -Ibuild \
		-DPTECHECK_VERSION='"$(VERSION)"' -MMD -MP -c -o $@ $<

build/fuzz/obj/%.o: fuzz/%.c | $(GEN)
	@mkdir -p $(@D)
	$(quiet) CC $@
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -std=gnu11 -Ichecker -Ibuild -Ifuzz \
		-MMD -MP -c -o $@ $<

build/fuzz/fuzz_%: build/fuzz/obj/fuzz_%.o $(FUZZ_OBJS)
	$(quiet) LD $@
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer $(FUZZ_LDFLAGS) -o $@ $^ \
		-L$(LLVM_LIBDIR) -lclang -Wl,-rpath,$(LLVM_LIBDIR)

build/fuzz/seeds: build/fuzz/obj/seeds.o $(FUZZ_OBJS)
	$(quiet) LD $@
	$(Q)$(FUZZ_CC) $(FUZZ_LDFLAGS) -o $@ $^ \
		-L$(LLVM_LIBDIR) -lclang -Wl,-rpath,$(LLVM_LIBDIR)

# Seeds are made afresh from the real files; no kernel file is kept here.
fuzz-corpus: build/fuzz/seeds
	$(Q)sh fuzz/corpus.sh build/fuzz/corpus '$(FUZZ_KDIR)' '$(CACHE)'

fuzz: $(FUZZ_NAMES:%=build/fuzz/fuzz_%) fuzz-corpus
	@rc=0; for n in $(FUZZ_NAMES); do \
		printf '  %-7s %s (%ss)\n' FUZZ $$n $(FUZZ_TIME); \
		mkdir -p build/fuzz/corpus/$$n build/fuzz/found/$$n; \
		build/fuzz/fuzz_$$n -max_total_time=$(FUZZ_TIME) \
			-rss_limit_mb=2048 -timeout=5 -print_final_stats=1 \
			-artifact_prefix=build/fuzz/found/$$n/ \
			build/fuzz/corpus/$$n >build/fuzz/$$n.log 2>&1 || \
			{ echo "fuzz_$$n failed: see build/fuzz/$$n.log"; rc=1; }; \
		grep -h '^stat::number_of_executed_units' build/fuzz/$$n.log; \
	done; exit $$rc

-include $(FUZZ_OBJS:.o=.d)
.PHONY: fuzz fuzz-corpus
.SECONDARY: $(FUZZ_NAMES:%=build/fuzz/obj/fuzz_%.o)

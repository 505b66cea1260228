# check-name: --fail-on=never reports the same 8 findings and exits 0
# check-tree: soft-dirty-6.12-unconverted
# check-command: ptecheck check --fail-on=never $KDIR
# check-exit: 0
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:38: note [SWBIT_LAST_FREE]
arch/arm64/include/asm/pgtable.h:1213: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/include/asm/pgtable.h:1355: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/contpte.c:65: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/contpte.c:173: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/contpte.c:230: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/hugetlbpage.c:137: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/hugetlbpage.c:170: error [MKDIRTY_HOUSEKEEPING]
arch/arm64/mm/hugetlbpage.c:443: error [MKDIRTY_HOUSEKEEPING]
# check-output-end

# check-name: soft-dirty written as "#define PTE_SOFT_DIRTY (PTE_UFFD_WP)": two features on one bit are an overlap however spelled; once, at PTE_SOFT_DIRTY
# check-tree: soft-dirty-6.12-written-as-uffd-wp
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING $KDIR
# check-exit: 1
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:38: error [SWBIT_OVERLAP]
# check-output-end

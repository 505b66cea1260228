# check-name: soft-dirty put on bit 58, the uffd-wp bit: one overlap, at PTE_SOFT_DIRTY's definition
# check-tree: soft-dirty-6.12-on-uffd-wp
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING $KDIR
# check-exit: 1
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:38: error [SWBIT_OVERLAP]
# check-output-end

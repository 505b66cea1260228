# check-name: a swap flag on bit 11, PTE_PRESENT_INVALID, which must be zero: one error at PTE_SWP_SOFT_DIRTY
# check-tree: soft-dirty-6.12-swp-on-zero
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:39: error [SWAP_LAYOUT]
# check-output-end

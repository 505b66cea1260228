# check-name: the v1 patch's swap bit 61 on 6.12, inside the swap offset: one error at PTE_SWP_SOFT_DIRTY
# check-tree: soft-dirty-6.12-swp-in-offset
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:39: error [SWAP_LAYOUT]
# check-output-end

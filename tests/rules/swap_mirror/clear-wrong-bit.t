# check-name: pte_swp_clear_soft_dirty clears PTE_SOFT_DIRTY, not the swap twin
# check-tree: soft-dirty-6.12-swp-clear-wrong-bit
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/include/asm/pgtable.h:557: error [SWAP_MIRROR]
# check-output-end

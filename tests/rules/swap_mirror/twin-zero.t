# check-name: PTE_SWP_SOFT_DIRTY defined as 0: soft-dirty lost on swap, at the twin's definition
# check-tree: soft-dirty-6.12-swp-twin-zero
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:39: error [SWAP_MIRROR]
# check-output-end

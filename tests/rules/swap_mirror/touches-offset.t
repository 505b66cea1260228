# check-name: pte_swp_mksoft_dirty also sets bit 56, inside the swap offset
# check-tree: soft-dirty-6.12-swp-touches-offset
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/include/asm/pgtable.h:547: error [SWAP_MIRROR]
# check-output-end

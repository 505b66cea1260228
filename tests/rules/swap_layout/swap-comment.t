# check-name: the swap layout comment says bit 5 where the macro says bit 4: one error at the comment line
# check-tree: soft-dirty-6.12-swap-comment
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/include/asm/pgtable.h:1470: error [SWAP_LAYOUT]
# check-output-end

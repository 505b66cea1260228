# check-name: the pmd_swp_*soft_dirty macros missing with THP migration on: at pte_swp_mksoft_dirty, once (the tree does not compile: said on stderr)
# check-tree: soft-dirty-6.12-no-pmd-swp
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/include/asm/pgtable.h:547: error [SWAP_MIRROR]
# check-output-end

# check-name: soft-dirty swap twin named PTE_SWP_SDIRTY, on bit 11 (PTE_PRESENT_INVALID, which pte_present()/pmd_present() test): the twin is what pte_swp_mksoft_dirty() sets; once, at its #define
# check-tree: soft-dirty-6.12-twin-renamed-on-present
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:39: error [SWAP_LAYOUT]
# check-output-end

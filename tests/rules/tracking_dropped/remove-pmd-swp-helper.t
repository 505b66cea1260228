# check-name: x86 (soft-dirty on): remove_migration_pmd() sets soft-dirty on the new present pmd with pmd_swp_mksoft_dirty(): once, at mk_huge_pmd()
# check-tree: core-mm-6.12-remove-pmd-swp-helper
# check-command: ptecheck check --arch x86 --enable=TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/huge_memory.c:4379: error [TRACKING_DROPPED]
# check-output-end

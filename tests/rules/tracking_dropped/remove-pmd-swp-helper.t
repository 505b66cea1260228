# check-name: arm64 (uffd-wp on): remove_migration_pmd() sets uffd-wp on the new present pmd with pmd_swp_mkuffd_wp(): once, at mk_huge_pmd()
# check-tree: core-mm-6.12-remove-pmd-swp-helper
# check-command: ptecheck check --enable=TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/huge_memory.c:4379: error [TRACKING_DROPPED]
# check-output-end

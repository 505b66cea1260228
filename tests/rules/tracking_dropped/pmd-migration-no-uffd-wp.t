# check-name: arm64 (uffd-wp on): set_pmd_migration_entry() drops uffd-wp: once, at swp_entry_to_pmd()
# check-tree: core-mm-6.12-pmd-migration-no-uffd-wp
# check-command: ptecheck check --enable=TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/huge_memory.c:4351: error [TRACKING_DROPPED]
# check-output-end

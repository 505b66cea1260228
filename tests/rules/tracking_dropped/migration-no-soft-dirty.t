# check-name: x86 (soft-dirty on): try_to_migrate_one() makes a migration entry with uffd-wp but not soft-dirty: once, at swp_entry_to_pte()
# check-tree: core-mm-6.12-migration-no-soft-dirty
# check-command: ptecheck check --arch x86 --enable=TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/rmap.c:2323: error [TRACKING_DROPPED]
# check-output-end

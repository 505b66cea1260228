# check-name: __ptep_set_access_flags keeps no PTE_SOFT_DIRTY: at the mask
# check-tree: soft-dirty-6.12-access-mask
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/mm/fault.c:222: error [ACCESS_FLAGS_MASK]
# check-output-end

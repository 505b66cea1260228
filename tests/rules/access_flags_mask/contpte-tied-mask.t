# check-name: soft-dirty port with contpte's cmp_mask, which its comment ties to __ptep_set_access_flags(), lacking PTE_SOFT_DIRTY: once, at cmp_mask
# check-tree: soft-dirty-6.12-contpte-mask
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/mm/contpte.c:402: error [ACCESS_FLAGS_MASK]
# check-output-end

# check-name: 6.1 (arm64-6.1 series) ptep_set_access_flags() mask without PTE_DIRTY: found by the generic hook it implements, once, at the mask
# check-tree: arm64-6.1-access-mask
# check-command: ptecheck check $KDIR
# check-exit: 1
# check-output-start
arch/arm64/mm/fault.c:216: error [ACCESS_FLAGS_MASK]
# check-output-end

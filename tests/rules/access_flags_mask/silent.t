# check-name: the soft-dirty port (fault.c and contpte.c masks keep PTE_SOFT_DIRTY): no ACCESS_FLAGS_MASK finding
# check-tree: soft-dirty-6.12
# check-command: ptecheck check --enable=ACCESS_FLAGS_MASK $KDIR
# check-exit: 0
# check-output-start
# check-output-end

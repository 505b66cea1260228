# check-name: the full soft-dirty series (housekeeping on __pte_mkdirty): no MKDIRTY_HOUSEKEEPING, only the last-free-bit note
# check-tree: soft-dirty-6.12
# check-command: ptecheck check --format gcc $KDIR
# check-exit: 0
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:38: note [SWBIT_LAST_FREE]
# check-output-end

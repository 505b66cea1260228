# check-name: the soft-dirty series takes bit 63, the last free software bit: a note at PTE_SOFT_DIRTY, exit 0
# check-tree: soft-dirty-6.12
# check-command: ptecheck check --enable=SWBIT_LAST_FREE $KDIR
# check-exit: 0
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:38: note [SWBIT_LAST_FREE]
# check-output-end

# check-name: x86 (soft-dirty on): clear_soft_dirty() clears a swap pte's soft-dirty with pte_clear_soft_dirty(): once, at that call
# check-tree: core-mm-6.12-clear-refs-present-helper
# check-command: ptecheck check --arch x86 --enable=WRONG_STATE_HELPER $KDIR
# check-exit: 1
# check-output-start
fs/proc/task_mmu.c:1426: error [WRONG_STATE_HELPER]
# check-output-end

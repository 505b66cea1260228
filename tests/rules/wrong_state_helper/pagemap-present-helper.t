# check-name: x86 (soft-dirty on): pte_to_pagemap_entry() reads a swap pte's soft-dirty with pte_soft_dirty(): once, at that call
# check-tree: core-mm-6.12-pagemap-present-helper
# check-command: ptecheck check --arch x86 --enable=WRONG_STATE_HELPER $KDIR
# check-exit: 1
# check-output-start
fs/proc/task_mmu.c:1731: error [WRONG_STATE_HELPER]
# check-output-end

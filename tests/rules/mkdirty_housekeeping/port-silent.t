# check-name: the full soft-dirty series (housekeeping on __pte_mkdirty) is clean
# check-tree: soft-dirty-6.12
# check-command: ptecheck check --format gcc $KDIR
# check-exit: 0
# check-output-start
# check-output-end

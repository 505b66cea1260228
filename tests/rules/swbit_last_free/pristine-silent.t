# check-name: pristine 6.12 leaves bit 63 free: no note
# check-tree: pristine
# check-command: ptecheck check --enable=SWBIT_LAST_FREE $KDIR
# check-exit: 0
# check-output-start
# check-output-end

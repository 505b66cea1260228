# check-name: --disable=MKDIRTY_HOUSEKEEPING silences the rule on the unconverted port
# check-tree: soft-dirty-6.12-unconverted
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 0
# check-output-start
# check-output-end

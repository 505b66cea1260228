# check-name: the full soft-dirty series (swap bit 4, comment updated): no SWAP_LAYOUT or SWBIT_OVERLAP
# check-tree: soft-dirty-6.12
# check-command: ptecheck check --enable=SWAP_LAYOUT,SWBIT_OVERLAP $KDIR
# check-exit: 0
# check-output-start
# check-output-end

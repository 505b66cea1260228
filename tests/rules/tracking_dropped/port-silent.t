# check-name: the soft-dirty port on 6.12 arm64 (soft-dirty, uffd-wp and THP on): core mm carries both features everywhere, no finding
# check-tree: soft-dirty-6.12
# check-command: ptecheck check --enable=WRONG_STATE_HELPER,TRACKING_DROPPED $KDIR
# check-exit: 0
# check-output-start
# check-output-end

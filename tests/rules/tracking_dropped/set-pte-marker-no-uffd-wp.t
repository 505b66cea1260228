# check-name: 6.1 x86 (uffd-wp on): do_set_pte() fills a uffd-wp marker with a present entry it only write-protects: once, at mk_pte() (a marker holds no soft-dirty: none asked)
# check-tree: core-mm-6.1-set-pte-marker-no-uffd-wp
# check-command: ptecheck check --arch x86 --enable=WRONG_STATE_HELPER,TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/memory.c:4405: error [TRACKING_DROPPED]
# check-output-end

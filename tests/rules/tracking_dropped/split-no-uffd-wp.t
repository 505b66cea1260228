# check-name: arm64 (uffd-wp on): __split_huge_pmd_locked() builds the ptes of a split THP without uffd-wp: once, at mk_pte()
# check-tree: core-mm-6.12-split-no-uffd-wp
# check-command: ptecheck check --enable=TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/huge_memory.c:2909: error [TRACKING_DROPPED]
# check-output-end

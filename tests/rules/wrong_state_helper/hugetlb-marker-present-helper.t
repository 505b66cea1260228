# check-name: arm64 (uffd-wp on): hugetlb_change_protection() reads a pte marker's uffd-wp with huge_pte_uffd_wp(): once, at that call
# check-tree: core-mm-6.12-hugetlb-marker-present-helper
# check-command: ptecheck check --enable=WRONG_STATE_HELPER,TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/hugetlb.c:6941: error [WRONG_STATE_HELPER]
# check-output-end

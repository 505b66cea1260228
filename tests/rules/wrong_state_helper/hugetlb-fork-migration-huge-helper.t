# check-name: arm64 (uffd-wp on): copy_hugetlb_page_range() clears a migration entry's uffd-wp with huge_pte_clear_uffd_wp() on fork: once, at that call
# check-tree: core-mm-6.12-hugetlb-fork-migration-huge-helper
# check-command: ptecheck check --enable=WRONG_STATE_HELPER,TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/hugetlb.c:5373: error [WRONG_STATE_HELPER]
# check-output-end

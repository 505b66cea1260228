# check-name: arm64 (uffd-wp on): hugetlb_wp() (COW, unshare) sets the old entry's uffd-wp on the new present entry with pte_swp_mkuffd_wp(): once, at make_huge_pte()
# check-tree: core-mm-6.12-hugetlb-unshare-swp-helper
# check-command: ptecheck check --enable=WRONG_STATE_HELPER,TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/hugetlb.c:6032: error [TRACKING_DROPPED]
# check-output-end

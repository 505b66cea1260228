# check-name: arm64 (uffd-wp on): hugetlb_no_page() fills a uffd-wp marker with a present entry it only write-protects: once, at make_huge_pte(), the file's own builder around mk_huge_pte()
# check-tree: core-mm-6.12-hugetlb-marker-fault-no-uffd-wp
# check-command: ptecheck check --enable=WRONG_STATE_HELPER,TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/hugetlb.c:6313: error [TRACKING_DROPPED]
# check-output-end

# check-name: arm64 (uffd-wp on): __split_huge_zero_page_pmd() sets uffd-wp on the zero-page ptes with the swap helper: once, at pfn_pte() (the zero page is exempt from soft-dirty only)
# check-tree: core-mm-6.12-zero-split-swp-uffd-wp
# check-command: ptecheck check --enable=TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/huge_memory.c:2703: error [TRACKING_DROPPED]
# check-output-end

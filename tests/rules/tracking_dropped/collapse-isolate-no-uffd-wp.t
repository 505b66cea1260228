# check-name: arm64 (uffd-wp on): __collapse_huge_page_isolate() no longer refuses a uffd-wp pte, so collapse_huge_page() collapses ptes into a pmd without uffd-wp: once, at mk_huge_pmd()
# check-tree: core-mm-6.12-collapse-isolate-no-uffd-wp
# check-command: ptecheck check --enable=WRONG_STATE_HELPER,TRACKING_DROPPED $KDIR
# check-exit: 1
# check-output-start
mm/khugepaged.c:1228: error [TRACKING_DROPPED]
# check-output-end

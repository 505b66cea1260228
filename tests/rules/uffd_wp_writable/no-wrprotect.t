# check-name: pte_mkuffd_wp without pte_wrprotect: once, at pte_mkuffd_wp (not again at pmd_mkuffd_wp)
# check-tree: soft-dirty-6.12-uffd-wp-writable
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/include/asm/pgtable.h:310: error [UFFD_WP_WRITABLE]
# check-output-end

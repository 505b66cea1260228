# check-name: helper rules silent on pristine 6.12 arm64 (uffd-wp on) and on the full soft-dirty series
# check-tree: soft-dirty-6.12
# check-command: ptecheck check --enable=SWAP_MIRROR,ACCESS_FLAGS_MASK,UFFD_WP_WRITABLE,KCONFIG_FEATURE $KDIR && ptecheck check --enable=SWAP_MIRROR,ACCESS_FLAGS_MASK,UFFD_WP_WRITABLE,KCONFIG_FEATURE $CACHE/linux-source-6.12 && ptecheck check --enable=SWAP_MIRROR,ACCESS_FLAGS_MASK,UFFD_WP_WRITABLE,KCONFIG_FEATURE $CACHE/linux-source-6.1
# check-exit: 0
# check-output-start
# check-output-end

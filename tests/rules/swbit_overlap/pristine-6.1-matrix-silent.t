# check-name: pristine Debian 6.1 arm64 (PROT_NONE on bit 58) across the matrix: no finding; configurations 6.1 cannot select are skipped
# check-tree: linux-source-6.1
# check-command: ptecheck check --matrix $KDIR
# check-exit: 0
# check-output-start
# check-output-end

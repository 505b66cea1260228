# check-name: pristine Debian 6.12 has no soft-dirty, so no findings
# check-tree: pristine
# check-command: ptecheck check --format gcc $KDIR
# check-exit: 0
# check-output-start
# check-output-end

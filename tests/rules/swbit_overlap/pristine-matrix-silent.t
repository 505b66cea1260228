# check-name: pristine Debian 6.12 arm64 across the page-size x PA-size matrix: no finding
# check-tree: pristine
# check-command: ptecheck check --matrix $KDIR
# check-exit: 0
# check-output-start
# check-output-end

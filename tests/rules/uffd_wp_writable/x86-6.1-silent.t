# check-name: pristine Debian 6.1 x86: pte_mkuffd_wp() only sets the bit, but 6.1's mm/ callers write-protect themselves, so no finding
# check-tree: linux-source-6.1
# check-command: ptecheck check --arch x86 $KDIR
# check-exit: 0
# check-output-start
# check-output-end

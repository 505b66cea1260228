# check-name: pristine Debian 6.12 x86 (x86_64_defconfig + tracking features): no finding from any rule
# check-tree: pristine
# check-command: ptecheck check --arch x86 $KDIR
# check-exit: 0
# check-output-start
# check-output-end

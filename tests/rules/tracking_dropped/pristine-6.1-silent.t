# check-name: pristine Debian 6.1 core mm, arm64 then x86 (tracking features on): no WRONG_STATE_HELPER or TRACKING_DROPPED finding
# check-tree: linux-source-6.1
# check-command: ptecheck check --enable=WRONG_STATE_HELPER,TRACKING_DROPPED $KDIR && ptecheck check --arch x86 --enable=WRONG_STATE_HELPER,TRACKING_DROPPED $KDIR
# check-exit: 0
# check-output-start
# check-output-end

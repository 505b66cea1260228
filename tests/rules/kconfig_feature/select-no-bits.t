# check-name: select HAVE_ARCH_SOFT_DIRTY with PTE_SOFT_DIRTY 0: at the select line
# check-tree: soft-dirty-6.12-select-no-bits
# check-command: ptecheck check --disable=MKDIRTY_HOUSEKEEPING,SWBIT_LAST_FREE $KDIR
# check-exit: 1
# check-output-start
arch/arm64/Kconfig:189: error [KCONFIG_FEATURE]
# check-output-end

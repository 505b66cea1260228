# check-name: soft-dirty on bit 12, an address bit with 4K pages or 64K pages and 52-bit PA: one overlap in those configurations
# check-tree: soft-dirty-6.12-swbit-on-lpa-addr
# check-command: ptecheck check --matrix --disable=MKDIRTY_HOUSEKEEPING $KDIR > out; cat out; grep -q '(in 4k-48; 4k-52; 64k-52) \[SWBIT_OVERLAP\]$' out
# check-exit: 0
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:38: error [SWBIT_OVERLAP]
# check-output-end

# check-name: soft-dirty on bit 12, an address bit with 4K pages (PTE_ADDR_LOW) or 64K pages and 52-bit PA (PTE_ADDR_HIGH): one site, its text per configuration
# check-tree: soft-dirty-6.12-swbit-on-lpa-addr
# check-command: ptecheck check --matrix --disable=MKDIRTY_HOUSEKEEPING $KDIR > out; cat out; grep -q 'PTE_ADDR_LOW (addr) in the valid state (in 4k-48; 4k-52) \[SWBIT_OVERLAP\]$' out && grep -q 'PTE_ADDR_HIGH (addr) in the valid state (in 64k-52) \[SWBIT_OVERLAP\]$' out
# check-exit: 0
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:38: error [SWBIT_OVERLAP]
# check-output-end

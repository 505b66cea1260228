# check-name: the full soft-dirty series across the matrix: every rule silent but the last-free-bit note, in all 6 configurations
# check-tree: soft-dirty-6.12
# check-command: ptecheck check --matrix $KDIR > out; cat out; grep -q '(in 4k-48; 4k-52; 16k-48; 16k-52; 64k-48; 64k-52) \[SWBIT_LAST_FREE\]$' out
# check-exit: 0
# check-output-start
arch/arm64/include/asm/pgtable-prot.h:38: note [SWBIT_LAST_FREE]
# check-output-end

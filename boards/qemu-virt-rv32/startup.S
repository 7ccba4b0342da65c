/*
 * startup.S - reset path of qemu-virt-rv32 (QEMU -bios none jumps here
 * with a0 = hart id, a1 = the device tree's address).
 *
 * Sets the global pointer and the stack (main() runs on the interrupt
 * stack until the scheduler starts), points mtvec at the port's trap vector
 * so a fault is reported even before the scheduler runs, clears .bss,
 * keeps the device tree address for board_args() and calls main(). The
 * image is loaded into RAM by QEMU: there is no .data to copy.
 */
    .section .text.start, "ax", @progbits
    .global _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    csrr t0, mhartid
    bnez t0, 3f                     /* one hart only */
    la sp, __isr_stack_top
    csrw mie, zero
    csrci mstatus, 8
    la t0, port_trap_vector
    ori t0, t0, 1                   /* vectored */
    csrw mtvec, t0
    mv s0, a1
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sw zero, 0(t0)
    addi t0, t0, 4
    j 1b
2:  la t0, virt_fdt
    sw s0, 0(t0)
    call main
    call virt_exit                  /* with main()'s return value */
3:  wfi
    j 3b
    .size _start, . - _start

    .section .note.GNU-stack, "", @progbits

/*
 * regcheck.S - register integrity probes for the RV32 port tests.
 *
 * uint32_t port_check_core_registers(const uint32_t patterns[27], uint32_t rounds)
 *   Loads ra, t0-t6, a1-a7 and s0-s11 with patterns[0..26], then `rounds`
 *   times checks that every one still holds its pattern (a0 is the only
 *   scratch register, sp the base). Returns 0, or 1 + the index of the
 *   first register found changed. (The name and shape of the Cortex-M
 *   probe's, so that tests/port/armv7m/test_registers.c runs it.)
 *
 * void port_clobber_caller_saved(uint32_t seed)
 *   Writes values derived from seed into t0-t6 and a0-a7, as an interrupt
 *   handler's compiled code may: the trap entry must have saved them.
 *
 * Preemption can happen between any two instructions, so a switch or an
 * interrupt that loses or mixes up a register is caught. gp and tp are
 * not part of a task's context (docs/port-rv32.md) and are not checked.
 */
    .equ NREGS, 27
    .equ ROUNDS_AT, 4 * NREGS
    .equ SAVED_AT, ROUNDS_AT + 4          /* ra, s0-s11 of the caller */
    .equ FRAME, SAVED_AT + 4 * 13 + 12    /* 16-byte multiple */

    .macro CHECK reg, idx
    lw a0, 4 * \idx(sp)
    beq a0, \reg, 1f
    li a0, \idx + 1
    j 8f
1:
    .endm

    .text
    .global port_check_core_registers
    .type port_check_core_registers, @function
port_check_core_registers:
    addi sp, sp, -FRAME
    sw ra, SAVED_AT + 0(sp)
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
    sw s\n, SAVED_AT + 4 + 4 * \n(sp)
    .endr
    sw a1, ROUNDS_AT(sp)
    li t0, 0                        /* copy the patterns next to sp */
1:  slli t1, t0, 2
    add t2, a0, t1
    lw t3, 0(t2)
    add t2, sp, t1
    sw t3, 0(t2)
    addi t0, t0, 1
    li t1, NREGS
    bne t0, t1, 1b
    lw ra, 0(sp)
    lw t0, 4(sp)
    lw t1, 8(sp)
    lw t2, 12(sp)
    lw t3, 16(sp)
    lw t4, 20(sp)
    lw t5, 24(sp)
    lw t6, 28(sp)
    lw a1, 32(sp)
    lw a2, 36(sp)
    lw a3, 40(sp)
    lw a4, 44(sp)
    lw a5, 48(sp)
    lw a6, 52(sp)
    lw a7, 56(sp)
    lw s0, 60(sp)
    lw s1, 64(sp)
    lw s2, 68(sp)
    lw s3, 72(sp)
    lw s4, 76(sp)
    lw s5, 80(sp)
    lw s6, 84(sp)
    lw s7, 88(sp)
    lw s8, 92(sp)
    lw s9, 96(sp)
    lw s10, 100(sp)
    lw s11, 104(sp)
2:
    CHECK ra, 0
    CHECK t0, 1
    CHECK t1, 2
    CHECK t2, 3
    CHECK t3, 4
    CHECK t4, 5
    CHECK t5, 6
    CHECK t6, 7
    CHECK a1, 8
    CHECK a2, 9
    CHECK a3, 10
    CHECK a4, 11
    CHECK a5, 12
    CHECK a6, 13
    CHECK a7, 14
    CHECK s0, 15
    CHECK s1, 16
    CHECK s2, 17
    CHECK s3, 18
    CHECK s4, 19
    CHECK s5, 20
    CHECK s6, 21
    CHECK s7, 22
    CHECK s8, 23
    CHECK s9, 24
    CHECK s10, 25
    CHECK s11, 26
    lw a0, ROUNDS_AT(sp)
    addi a0, a0, -1
    sw a0, ROUNDS_AT(sp)
    bnez a0, 2b
8:  lw ra, SAVED_AT + 0(sp)
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
    lw s\n, SAVED_AT + 4 + 4 * \n(sp)
    .endr
    addi sp, sp, FRAME
    ret
    .size port_check_core_registers, . - port_check_core_registers

    .global port_clobber_caller_saved
    .type port_clobber_caller_saved, @function
port_clobber_caller_saved:
    xori t0, a0, 0x101
    xori t1, a0, 0x202
    xori t2, a0, 0x303
    xori t3, a0, 0x404
    xori t4, a0, 0x505
    xori t5, a0, 0x606
    xori t6, a0, 0x707
    xori a1, a0, 0x111
    xori a2, a0, 0x222
    xori a3, a0, 0x333
    xori a4, a0, 0x444
    xori a5, a0, 0x555
    xori a6, a0, 0x666
    xori a7, a0, 0x777
    not a0, a0
    ret
    .size port_clobber_caller_saved, . - port_clobber_caller_saved

    .section .note.GNU-stack, "", @progbits

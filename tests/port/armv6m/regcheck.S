/*
 * regcheck.S - register integrity probe for the ARMv6-M port tests.
 *
 * uint32_t port_check_core_registers(const uint32_t patterns[13], uint32_t rounds)
 *   Loads r1-r12 and lr with patterns[0..12], then `rounds` times checks
 *   that every one still holds its pattern (r0 is the only scratch).
 *   Returns 0, or 1 + the index of the first register found changed.
 *
 * The same contract as tests/port/armv7m/regcheck.S, in ARMv6-M's Thumb:
 * loads and compares of r8-r12 and lr go through low registers. Preemption
 * can happen between any two instructions, so a context switch or an
 * interrupt that loses or mixes up a register is caught.
 */
    .syntax unified
    .cpu cortex-m0
    .thumb
    .text

    .macro LOAD_HIGH reg, idx
    ldr r1, [r0, #(4 * \idx)]
    mov \reg, r1
    .endm

    .macro CHECK reg, idx
    ldr r0, [sp, #(4 * \idx)]
    cmp r0, \reg
    bne .Lchanged\idx
    .endm

    .global port_check_core_registers
    .type port_check_core_registers, %function
    .thumb_func
port_check_core_registers:
    push {r4-r7, lr}
    mov r4, r8
    mov r5, r9
    mov r6, r10
    mov r7, r11
    push {r4-r7}
    sub sp, sp, #56             /* patterns[0..12] at sp, rounds at sp+52 */
    str r1, [sp, #52]
    mov r1, sp
    movs r2, #0
1:  ldr r3, [r0, r2]
    str r3, [r1, r2]
    adds r2, r2, #4
    cmp r2, #52
    bne 1b
    LOAD_HIGH r8, 7
    LOAD_HIGH r9, 8
    LOAD_HIGH r10, 9
    LOAD_HIGH r11, 10
    LOAD_HIGH r12, 11
    LOAD_HIGH lr, 12
    ldmia r0!, {r1-r7}
2:  CHECK r1, 0
    CHECK r2, 1
    CHECK r3, 2
    CHECK r4, 3
    CHECK r5, 4
    CHECK r6, 5
    CHECK r7, 6
    CHECK r8, 7
    CHECK r9, 8
    CHECK r10, 9
    CHECK r11, 10
    CHECK r12, 11
    CHECK lr, 12
    ldr r0, [sp, #52]
    subs r0, r0, #1
    str r0, [sp, #52]
    bne 2b
8:  add sp, sp, #56
    pop {r4-r7}
    mov r8, r4
    mov r9, r5
    mov r10, r6
    mov r11, r7
    pop {r4-r7, pc}

    /* Changed register: return 1 + its index. */
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12
.Lchanged\i:
    movs r0, #(\i + 1)
    b 8b
    .endr
    .size port_check_core_registers, . - port_check_core_registers

    .section .note.GNU-stack,"",%progbits

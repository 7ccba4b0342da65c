/*
 * regcheck.S - register integrity probes for the ARMv7-M port tests.
 *
 * uint32_t port_check_core_registers(const uint32_t patterns[13], uint32_t rounds)
 *   Loads r1-r12 and lr with patterns[0..12], then `rounds` times checks
 *   that every one still holds its pattern (r0 is the only scratch).
 *   Returns 0, or 1 + the index of the first register found changed.
 *
 * uint32_t port_check_fp_registers(const uint32_t patterns[33], uint32_t rounds)
 *   The same for s0-s31 (patterns[0..31]) and the FPSCR flags
 *   (patterns[32], N Z C V bits only). Cortex-M4F builds only.
 *
 * Preemption can happen between any two instructions, so a context switch
 * or an interrupt that loses or mixes up a register is caught.
 */
    .syntax unified
    .thumb
    .text

    /* Copies \count words from [r0] to [sp] (uses r2, r3). */
    .macro COPY_PATTERNS count
    mov r2, #0
1:  ldr r3, [r0, r2, lsl #2]
    str r3, [sp, r2, lsl #2]
    add r2, r2, #1
    cmp r2, #\count
    bne 1b
    .endm

    .macro CHECK reg, idx
    ldr r0, [sp, #(4 * \idx)]
    cmp r0, \reg
    itt ne
    movne r0, #(\idx + 1)
    bne 8f
    .endm

    .global port_check_core_registers
    .type port_check_core_registers, %function
    .thumb_func
port_check_core_registers:
    push {r4-r11, lr}
    sub sp, sp, #56             /* patterns[0..12] at sp, rounds at sp+52 */
    str r1, [sp, #52]
    COPY_PATTERNS 13
    ldr lr, [r0, #48]
    ldmia r0, {r1-r12}
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
    pop {r4-r11, pc}
    .size port_check_core_registers, . - port_check_core_registers

#if defined(__ARM_FP) && !defined(__SOFTFP__)
    .fpu fpv4-sp-d16

    .macro FPCHECK idx
    vmov r0, s\idx
    ldr r1, [sp, #(4 * \idx)]
    cmp r0, r1
    itt ne
    movne r0, #(\idx + 1)
    bne 8f
    .endm

    .global port_check_fp_registers
    .type port_check_fp_registers, %function
    .thumb_func
port_check_fp_registers:
    push {r4, lr}
    vpush {s16-s31}
    sub sp, sp, #136            /* patterns[0..32] at sp, rounds at sp+132 */
    str r1, [sp, #132]
    COPY_PATTERNS 33
    ldr r3, [r0, #128]
    and r3, r3, #0xF0000000
    vmrs r4, fpscr              /* keep the caller's mode bits */
    bic r4, r4, #0xF0000000
    orr r4, r4, r3
    vmsr fpscr, r4
    vldmia r0, {s0-s31}
2:  .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    FPCHECK \i
    .endr
    vmrs r0, fpscr
    cmp r0, r4
    itt ne
    movne r0, #33
    bne 8f
    ldr r0, [sp, #132]
    subs r0, r0, #1
    str r0, [sp, #132]
    bne 2b
8:  add sp, sp, #136
    vpop {s16-s31}
    pop {r4, pc}
    .size port_check_fp_registers, . - port_check_fp_registers
#endif /* __ARM_FP */

    .section .note.GNU-stack,"",%progbits

/*
 * port_asm.S - ARMv6-M port: the context switch (PendSV) and the start of
 * the first task.
 *
 * ARMv6-M's STM and LDM take r0-r7 only and there is no STMDB, so r8-r11
 * are moved through r4-r7. A switched-out task's process stack holds, from
 * the saved stack pointer (the first word of its TCB) upwards:
 *
 *     r8 r9 r10 r11 r4 r5 r6 r7      (software frame, 8 words)
 *     r0 r1 r2 r3 r12 lr pc xPSR     (hardware frame, 8 words)
 *
 * r8-r11 go below r4-r7 so that the restore needs no pointer adjustment:
 * one LDM brings r8-r11 into r4-r7, the next r4-r7 themselves, and the
 * pointer is then the hardware frame.
 */
    .syntax unified
    .cpu cortex-m0
    .thumb
    .text

/* PendSV, the lowest-priority exception: saves the running task's
 * registers, stores its stack pointer in pxCurrentTCB->top_of_stack, lets
 * vTaskSwitchContext() choose the next task with PRIMASK set (the kernel's
 * lists are shared with interrupts), and restores that task. */
    .global xPortPendSVHandler
    .type xPortPendSVHandler, %function
    .thumb_func
xPortPendSVHandler:
    mrs     r0, psp
    ldr     r3, =pxCurrentTCB
    ldr     r2, [r3]
    subs    r0, r0, #16
    stmia   r0!, {r4-r7}            /* r4-r7 at psp-16; r0 = psp again */
    subs    r0, r0, #32
    str     r0, [r2]                /* top_of_stack = psp - 32 */
    mov     r4, r8
    mov     r5, r9
    mov     r6, r10
    mov     r7, r11
    stmia   r0!, {r4-r7}            /* r8-r11 at psp-32 */
    push    {r0, lr}                /* EXC_RETURN; two words keep MSP 8-aligned */
    cpsid   i
    bl      vTaskSwitchContext
    cpsie   i
    ldr     r3, =pxCurrentTCB
    ldr     r1, [r3]
    ldr     r0, [r1]                /* the new task's top_of_stack */
    ldmia   r0!, {r4-r7}            /* its r8-r11 */
    mov     r8, r4
    mov     r9, r5
    mov     r10, r6
    mov     r11, r7
    ldmia   r0!, {r4-r7}            /* its r4-r7; r0 = hardware frame */
    msr     psp, r0
    pop     {r0, pc}                /* exception return */
    .size xPortPendSVHandler, . - xPortPendSVHandler
    .ltorg

/* Starts the task in pxCurrentTCB, called by xPortStartScheduler() in
 * thread mode with PRIMASK set. Instead of an exception return (SVC would
 * HardFault with PRIMASK set), it unstacks the task's initial frame by
 * hand: the process stack becomes the thread-mode stack, r0 (the task's
 * parameter), r1-r3, r12 and lr are popped, then pc and xPSR, and PRIMASK
 * is cleared only when the task's stack is exactly as it would be after an
 * exception return, so a tick can interrupt at once. The main stack keeps
 * main()'s frames: the vector table, which holds its initial value, need
 * not be at address 0 on ARMv6-M and may have no VTOR to find it. */
    .global vPortStartFirstTask
    .type vPortStartFirstTask, %function
    .thumb_func
vPortStartFirstTask:
    ldr     r0, =pxCurrentTCB
    ldr     r0, [r0]
    ldr     r0, [r0]
    adds    r0, r0, #32             /* skip the software frame */
    msr     psp, r0
    movs    r0, #2
    msr     control, r0             /* thread mode uses the process stack */
    isb
    pop     {r0-r5}                 /* r0 r1 r2 r3, r12 into r4, lr into r5 */
    mov     r12, r4
    mov     lr, r5
    pop     {r4}                    /* pc, stored with bit 0 clear */
    pop     {r5}                    /* xPSR */
    movs    r5, #1
    orrs    r4, r5                  /* BX needs the Thumb bit */
    cpsie   i
    bx      r4
    .size vPortStartFirstTask, . - vPortStartFirstTask
    .ltorg

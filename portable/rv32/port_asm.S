/*
 * port_asm.S - RISC-V RV32 port: trap vector, trap entry and exit, context
 * switch, first task start.
 *
 * Frame (docs/port-rv32.md), 32 words, lowest address first:
 *   0-11 s0-s11 | 12 ra | 13-15 t0-t2 | 16-23 a0-a7 | 24-27 t3-t6 |
 *   28 mepc | 29 mstatus | 30 sp (exception frames) | 31 pad
 * An interrupt saves the caller-saved part (words 12-31, 80 bytes) on the
 * interrupted stack; only a switch adds the callee-saved part (words 0-11)
 * below it, so interrupts that do not switch never touch s0-s11 (the C
 * handlers preserve them). gp and tp are not part of a context: gp is the
 * image's global pointer and tp is unused.
 */
    .equ CALLER_BYTES, 80
    .equ CALLEE_BYTES, 48
    .equ MSTATUS_MIE, 8
    .equ MIP_MSIP, 8

    /* Offsets in the caller-saved part. */
    .equ C_RA, 0
    .equ C_T0, 4
    .equ C_T1, 8
    .equ C_T2, 12
    .equ C_A0, 16
    .equ C_T3, 48
    .equ C_MEPC, 64
    .equ C_MSTATUS, 68
    .equ C_SP, 72

    /* `op` (sw or lw) on every caller-saved register's slot. */
    .macro CALLER_REGS op
    \op ra, C_RA(sp)
    \op t0, C_T0(sp)
    \op t1, C_T1(sp)
    \op t2, C_T2(sp)
    .irp n, 0,1,2,3,4,5,6,7
    \op a\n, C_A0 + 4 * \n(sp)
    .endr
    .irp n, 3,4,5,6
    \op t\n, C_T3 + 4 * (\n - 3)(sp)
    .endr
    .endm

    .macro SAVE_CALLER
    addi sp, sp, -CALLER_BYTES
    CALLER_REGS sw
    csrr t0, mepc
    csrr t1, mstatus
    sw t0, C_MEPC(sp)
    sw t1, C_MSTATUS(sp)
    .endm

    /* mstatus comes back with MIE clear and the interrupted context's MPIE
     * and MPP, which mret then restores. */
    .macro RESTORE_CALLER
    lw t0, C_MEPC(sp)
    lw t1, C_MSTATUS(sp)
    csrw mepc, t0
    csrw mstatus, t1
    CALLER_REGS lw
    addi sp, sp, CALLER_BYTES
    .endm

    .macro SAVE_CALLEE
    addi sp, sp, -CALLEE_BYTES
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
    sw s\n, 4 * \n(sp)
    .endr
    .endm

    .macro RESTORE_CALLEE
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
    lw s\n, 4 * \n(sp)
    .endr
    addi sp, sp, CALLEE_BYTES
    .endm

    .section .text.port_trap, "ax", @progbits

/* ----- Vector table (mtvec MODE 1): exceptions at +0, interrupt n at +4n.
 * Every slot is one 4-byte jump, so no compressed instructions here. */
    .option push
    .option norvc
    .balign 64
    .global port_trap_vector
    .type port_trap_vector, @function
port_trap_vector:
    j port_exception_entry  /* 0: synchronous exceptions */
    j port_irq_entry        /* 1: supervisor software */
    j port_irq_entry        /* 2 */
    j port_msi_entry        /* 3: machine software: the switch */
    j port_irq_entry        /* 4 */
    j port_irq_entry        /* 5: supervisor timer */
    j port_irq_entry        /* 6 */
    j port_irq_entry        /* 7: machine timer: the tick */
    j port_irq_entry        /* 8 */
    j port_irq_entry        /* 9: supervisor external */
    j port_irq_entry        /* 10 */
    j port_irq_entry        /* 11: machine external */
    j port_irq_entry        /* 12-15: platform use */
    j port_irq_entry
    j port_irq_entry
    j port_irq_entry
    .size port_trap_vector, . - port_trap_vector
    .option pop

/* ----- Interrupts ------------------------------------------------------------
 * The outermost one moves to the interrupt stack after saving on the task's
 * stack and storing its sp in the TCB; nested ones stay on the interrupt
 * stack. When the outermost returns with a switch pending (msip), the
 * switch is made there instead of taking the software interrupt. */
    .global port_irq_entry
    .type port_irq_entry, @function
port_irq_entry:
    SAVE_CALLER
    lw t0, port_isr_nesting
    addi t1, t0, 1
    sw t1, port_isr_nesting, t2
    bnez t0, 1f
    lw t2, pxCurrentTCB
    sw sp, 0(t2)
    lw sp, port_isr_stack_top
1:  csrr a0, mcause
    call port_rv32_dispatch
    csrci mstatus, MSTATUS_MIE      /* whatever a handler left enabled */
    lw t0, port_isr_nesting
    addi t0, t0, -1
    bnez t0, 2f                     /* back to the interrupted handler */
    lw t2, pxCurrentTCB
    lw sp, 0(t2)
    csrr t1, mip
    andi t1, t1, MIP_MSIP
    bnez t1, port_switch
2:  sw t0, port_isr_nesting, t1
    j port_return
    .size port_irq_entry, . - port_irq_entry

/* The machine software interrupt: only ever taken from a task (handlers
 * never enable it), so it switches directly. */
    .global port_msi_entry
    .type port_msi_entry, @function
port_msi_entry:
    SAVE_CALLER
    li t0, 1
    sw t0, port_isr_nesting, t1
    /* fall through */

/* sp: the outgoing task's caller-saved part; port_isr_nesting is 1. */
port_switch:
    lw t0, port_clint_msip
    sw zero, 0(t0)
    SAVE_CALLEE
    lw t2, pxCurrentTCB
    sw sp, 0(t2)
    lw sp, port_isr_stack_top
    call vTaskSwitchContext
port_resume:                        /* the incoming task's whole frame */
    lw t2, pxCurrentTCB
    lw sp, 0(t2)
    RESTORE_CALLEE
    sw zero, port_isr_nesting, t0
port_return:                        /* a caller-saved part at sp */
    RESTORE_CALLER
    mret
    .size port_msi_entry, . - port_msi_entry

/* Starts the task in pxCurrentTCB: the second half of a switch. mret sets
 * MIE from the frame's MPIE. */
    .global port_start_first_task
    .type port_start_first_task, @function
port_start_first_task:
    j port_resume
    .size port_start_first_task, . - port_start_first_task

/* ----- Exceptions ----------------------------------------------------------------
 * The whole frame goes on the interrupt stack when the fault came from a
 * started task (its own stack may be what is wrong), otherwise below the
 * current sp. The sp at the trap is kept in the frame. */
    .global port_exception_entry
    .type port_exception_entry, @function
port_exception_entry:
    csrw mscratch, sp
    lw sp, port_isr_nesting
    bnez sp, 1f
    lw sp, port_fault_stack
    bnez sp, 2f
1:  csrr sp, mscratch
2:  SAVE_CALLER
    csrr t0, mscratch
    sw t0, C_SP(sp)
    SAVE_CALLEE
    mv a0, sp
    csrr a1, mcause
    csrr a2, mtval
    call port_rv32_exception
    RESTORE_CALLEE
    lw t0, C_SP(sp)
    csrw mscratch, t0
    RESTORE_CALLER
    csrr sp, mscratch
    mret
    .size port_exception_entry, . - port_exception_entry

    .section .note.GNU-stack, "", @progbits

/*
 * portmacro.h - RISC-V RV32 port (RV32IMAC, machine mode, CLINT).
 *
 * Everything runs in machine mode. Tasks run on their own stacks; every
 * trap switches to one interrupt stack. The tick is the CLINT timer
 * (mtime/mtimecmp), a switch is requested by making the machine software
 * interrupt pending (CLINT msip) and happens when no handler runs and
 * interrupts are enabled: deferred past critical sections and nested
 * handlers, like PendSV. Critical sections clear mstatus.MIE, which masks
 * every interrupt: there is no BASEPRI in machine mode, so no interrupt is
 * ever above configMAX_SYSCALL_INTERRUPT_PRIORITY (portHAS_UNMASKED_INTERRUPTS
 * is 0) and every interrupt handler may call the FromISR API. See
 * docs/port-rv32.md.
 *
 * The application's FreeRTOSConfig.h must define configCLINT_BASE_ADDRESS
 * (SiFive CLINT layout: msip at +0, mtimecmp at +0x4000, mtime at +0xBFF8;
 * hart 0) and configMTIME_HZ (the mtime rate; default configCPU_CLOCK_HZ).
 */
#ifndef PORTMACRO_H
#define PORTMACRO_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

typedef uint32_t StackType_t;
typedef long BaseType_t;
typedef unsigned long UBaseType_t;

#define portSTACK_GROWTH (-1)
#define portBYTE_ALIGNMENT 16 /* the ilp32 ABI's stack alignment */
#define portBYTE_ALIGNMENT_MASK (portBYTE_ALIGNMENT - 1)
#define portPOINTER_SIZE_TYPE uint32_t
#define portTICK_PERIOD_MS ((TickType_t)1000 / configTICK_RATE_HZ)
#define portMINIMAL_STACK_SIZE ((unsigned short)256)
#define portNOP() __asm volatile("nop")
#define portSOFTWARE_BARRIER() __asm volatile("" ::: "memory")
#define portMEMORY_BARRIER() __asm volatile("" ::: "memory")

/* RV32IMAC has no floating-point unit: no FP state in task frames. */
#define portHAS_FPU 0

/* Critical sections mask every interrupt (mstatus.MIE): no interrupt is
 * above configMAX_SYSCALL_INTERRUPT_PRIORITY, which, like
 * configKERNEL_INTERRUPT_PRIORITY, this port accepts and ignores. */
#define portHAS_UNMASKED_INTERRUPTS 0

#ifndef configCLINT_BASE_ADDRESS
#error "rv32: define configCLINT_BASE_ADDRESS (the CLINT of hart 0) in FreeRTOSConfig.h"
#endif /* configCLINT_BASE_ADDRESS */
#ifndef configMTIME_HZ
#define configMTIME_HZ configCPU_CLOCK_HZ
#endif /* configMTIME_HZ */

/* ----- CSR bits and CLINT registers used by the inline helpers ------------- */
#define portMSTATUS_MIE 0x8UL
#define portMIE_MSIE (1UL << 3)
#define portMIE_MTIE (1UL << 7)
#define portCLINT_MSIP (*(volatile uint32_t *)(configCLINT_BASE_ADDRESS))
#define portCLINT_MTIMECMP ((volatile uint32_t *)(configCLINT_BASE_ADDRESS + 0x4000UL))
#define portCLINT_MTIME ((volatile uint32_t *)(configCLINT_BASE_ADDRESS + 0xBFF8UL))

/* ----- Yield ---------------------------------------------------------------
 * Makes the machine software interrupt pending. From a task with interrupts
 * enabled it is taken at once; inside a critical section when the outermost
 * one ends (MIE set again); from a handler when the last nested handler
 * returns. */
__attribute__((always_inline)) static inline void port_pend_switch(void)
{
    __asm volatile("" ::: "memory"); /* the kernel's updates come first */
    portCLINT_MSIP = 1U;
}

void vPortYield(void);
#define portYIELD() vPortYield() /* one copy: the kernel yields in many places */
#define portEND_SWITCHING_ISR(x) \
    do {                         \
        if ((x) != pdFALSE) {    \
            port_pend_switch();  \
        }                        \
    } while (0)
#define portYIELD_FROM_ISR(x) portEND_SWITCHING_ISR(x)

/* ----- Interrupt masking ---------------------------------------------------- */

/* Clears MIE; returns the previous MIE bit (0 or portMSTATUS_MIE). */
__attribute__((always_inline)) static inline UBaseType_t port_mask(void)
{
    UBaseType_t old;
    __asm volatile("csrrci %0, mstatus, 8" : "=r"(old)::"memory");
    return old & portMSTATUS_MIE;
}

/* Sets MIE again if `old` has it; a pending interrupt is taken at once. */
__attribute__((always_inline)) static inline void port_unmask(UBaseType_t old)
{
    __asm volatile("csrs mstatus, %0" ::"r"(old) : "memory");
}

BaseType_t xPortIsInsideInterrupt(void);

#define portSET_INTERRUPT_MASK_FROM_ISR() port_mask()
#define portCLEAR_INTERRUPT_MASK_FROM_ISR(x) port_unmask((UBaseType_t)(x))
#define portDISABLE_INTERRUPTS() __asm volatile("csrci mstatus, 8" ::: "memory")
#define portENABLE_INTERRUPTS() __asm volatile("csrsi mstatus, 8" ::: "memory")
#define portENTER_CRITICAL() vPortEnterCritical()
#define portEXIT_CRITICAL() vPortExitCritical()

/* ----- Idle, bit scan, run-time counter ------------------------------------------ */
#define portIDLE_WAIT() __asm volatile("wfi" ::: "memory")

/* Highest set bit without a CLZ instruction (no Zbb): three halving steps
 * narrow the word to 4 bits, whose highest bit comes from a 16-entry table
 * of 2-bit values packed in one constant. 12 instructions for the ready
 * bitmap of up to 16 priorities, no memory access. */
__attribute__((always_inline)) static inline UBaseType_t port_highest_set_bit(uint32_t w)
{
    UBaseType_t n = 0;
    if (w > 0xFFFFU) {
        w >>= 16;
        n = 16;
    }
    if (w > 0xFFU) {
        w >>= 8;
        n += 8;
    }
    if (w > 0xFU) {
        w >>= 4;
        n += 4;
    }
    return n + ((0xFFFFAA50UL >> (w * 2U)) & 3U);
}
#define portFIND_HIGHEST_SET_BIT(w) port_highest_set_bit((uint32_t)(w))

/* mtime, all 64 bits (configMTIME_HZ). Any context. */
uint64_t port_rv32_mtime(void);

/* The run-time statistics clock is mtime (configMTIME_HZ), as wide as
 * configRUN_TIME_COUNTER_TYPE: a 32-bit counter at 10 MHz wraps every 7
 * minutes, so long-running statistics want uint64_t. */
#ifndef portGET_RUN_TIME_COUNTER_VALUE
#define portGET_RUN_TIME_COUNTER_VALUE() ((configRUN_TIME_COUNTER_TYPE)port_rv32_mtime())
#endif /* portGET_RUN_TIME_COUNTER_VALUE */

/* ----- Task function macros (FreeRTOS compatibility) ------------------------ */
#define portTASK_FUNCTION_PROTO(vFunction, pvParameters) void vFunction(void *pvParameters)
#define portTASK_FUNCTION(vFunction, pvParameters) void vFunction(void *pvParameters)

/* ----- What the board connects to the port -----------------------------------
 * The start-up code points mtvec at port_trap_vector (vectored mode: write
 * (uint32_t)port_trap_vector | 1) before enabling any interrupt; the port
 * does it again at start. */
extern const uint32_t port_trap_vector[];

/* The board's handler of every interrupt the port does not take itself
 * (all but the machine timer and software interrupts): cause is mcause
 * without its interrupt bit (1, 5, 9 and 11 on a standard hart: S-level
 * and machine external interrupts). Runs on the interrupt stack with MIE
 * clear; it may call the FromISR API. A weak default in port.c hangs in a
 * loop where a debugger finds it. */
void port_rv32_interrupt(uint32_t cause);

/* The board's handler of synchronous exceptions (faults, ecall, ebreak):
 * regs points at the 32-word frame described in docs/port-rv32.md (x1..x31
 * as saved, mepc at regs[PORT_FRAME_MEPC]). Runs with MIE clear on the
 * interrupt stack when the fault came from a task (the task's stack may be
 * the problem) and on the current stack in a handler. If it returns, the
 * frame is restored and execution resumes at regs[PORT_FRAME_MEPC]. The
 * weak default hangs in a loop. */
void port_rv32_exception(uint32_t *regs, uint32_t mcause, uint32_t mtval);

/* Word indexes in the saved frame (see docs/port-rv32.md). */
#define PORT_FRAME_S0 0U  /* s0, s1, s2..s11: words 0-11 */
#define PORT_FRAME_RA 12U /* x1 */
#define PORT_FRAME_T0 13U /* t0-t2: words 13-15 */
#define PORT_FRAME_A0 16U /* a0-a7: words 16-23 */
#define PORT_FRAME_T3 24U /* t3-t6: words 24-27 */
#define PORT_FRAME_MEPC 28U
#define PORT_FRAME_MSTATUS 29U
#define PORT_FRAME_SP 30U /* exception frames only: sp at the trap */
#define PORT_FRAME_WORDS 32U

/* Nesting: a board handler lets more urgent interrupts preempt it by
 * enabling only those in mie, then MIE. `enable` must not contain MSIE or
 * MTIE (the switch and the tick never preempt a handler). Returns the mie
 * value to give back to port_rv32_nest_end(), which must be called before
 * the handler returns. */
__attribute__((always_inline)) static inline uint32_t port_rv32_nest_begin(uint32_t enable)
{
    uint32_t saved;
    __asm volatile("csrrw %0, mie, %1\n\tcsrsi mstatus, 8"
                   : "=&r"(saved)
                   : "r"(enable & ~(portMIE_MSIE | portMIE_MTIE))
                   : "memory");
    return saved;
}

__attribute__((always_inline)) static inline void port_rv32_nest_end(uint32_t saved)
{
    __asm volatile("csrci mstatus, 8\n\tcsrw mie, %0" ::"r"(saved) : "memory");
}

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* PORTMACRO_H */

/*
 * portmacro.h - POSIX simulator port (Linux host).
 *
 * Tasks are user-level contexts (ucontext) that run on their own kernel
 * stacks inside one host thread, so scheduling is fully deterministic.
 * Interrupts are simulated: numbered lines with priorities 1 (lowest) to
 * 15, a BASEPRI-like mask, nesting, and a PendSV-like deferred switch.
 * See sim.h for the simulation controls (virtual time, raising interrupts).
 */
#ifndef PORTMACRO_H
#define PORTMACRO_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

typedef uintptr_t StackType_t;
typedef long BaseType_t;
typedef unsigned long UBaseType_t;

#define portSTACK_GROWTH (-1)
#define portBYTE_ALIGNMENT 16
#define portBYTE_ALIGNMENT_MASK (portBYTE_ALIGNMENT - 1)
#define portPOINTER_SIZE_TYPE uintptr_t
#define portTICK_PERIOD_MS ((TickType_t)1000 / configTICK_RATE_HZ)
#define portNOP()

/* Host code (libc, printf) runs on task stacks: give it room. */
#define portMINIMAL_STACK_SIZE ((unsigned short)4096)

/* Interrupt priorities of the simulated interrupt controller: 1 is the
 * lowest, 15 the highest. The kernel masks up to
 * configMAX_SYSCALL_INTERRUPT_PRIORITY. */
#define portSIM_PRIORITY_LOWEST 1U
#define portSIM_PRIORITY_HIGHEST 15U
#ifndef configKERNEL_INTERRUPT_PRIORITY
#define configKERNEL_INTERRUPT_PRIORITY portSIM_PRIORITY_LOWEST
#endif /* configKERNEL_INTERRUPT_PRIORITY */
#ifndef configMAX_SYSCALL_INTERRUPT_PRIORITY
#define configMAX_SYSCALL_INTERRUPT_PRIORITY 10U
#endif /* configMAX_SYSCALL_INTERRUPT_PRIORITY */

/* Deterministic virtual time (0) or the host's wall clock (1). The
 * environment variable PORTOLAN_SIM_TIME=virtual|real overrides it. */
#ifndef configSIMULATOR_REAL_TIME
#define configSIMULATOR_REAL_TIME 0
#endif /* configSIMULATOR_REAL_TIME */

void vPortDisableInterrupts(void);
void vPortEnableInterrupts(void);
void vPortIdleWait(void);

#define portYIELD() vPortYield()
#define portEND_SWITCHING_ISR(x) \
    do {                         \
        if ((x) != pdFALSE) {    \
            vPortYieldFromISR(); \
        }                        \
    } while (0)
#define portYIELD_FROM_ISR(x) portEND_SWITCHING_ISR(x)
void vPortYieldFromISR(void);

#define portENTER_CRITICAL() vPortEnterCritical()
#define portEXIT_CRITICAL() vPortExitCritical()
#define portSET_INTERRUPT_MASK_FROM_ISR() ulPortSetInterruptMask()
#define portCLEAR_INTERRUPT_MASK_FROM_ISR(x) vPortClearInterruptMask(x)
#define portDISABLE_INTERRUPTS() vPortDisableInterrupts()
#define portENABLE_INTERRUPTS() vPortEnableInterrupts()
#define portIDLE_WAIT() vPortIdleWait()
#define portCLEAN_UP_TCB(pxTCB) vPortCleanUpTCB(pxTCB)
void vPortCleanUpTCB(void *pxTCB);

#define portFIND_HIGHEST_SET_BIT(w) ((UBaseType_t)(31 - __builtin_clz((unsigned)(w))))

/* Run-time statistics count virtual nanoseconds / 1000 (microseconds). */
uint32_t ulPortSimRunTimeCounter(void);
#ifndef portGET_RUN_TIME_COUNTER_VALUE
#define portGET_RUN_TIME_COUNTER_VALUE() ulPortSimRunTimeCounter()
#endif /* portGET_RUN_TIME_COUNTER_VALUE */

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* PORTMACRO_H */

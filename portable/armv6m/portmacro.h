/*
 * portmacro.h - ARMv6-M port (Cortex-M0, Cortex-M0+, Cortex-M1).
 *
 * Tasks run in thread mode on the process stack (PSP); interrupts and the
 * switch handler run on the main stack (MSP). ARMv6-M has no BASEPRI, so
 * critical sections set PRIMASK: they mask every interrupt except NMI and
 * HardFault, and every maskable interrupt may call the kernel's FromISR
 * API whatever its priority. configMAX_SYSCALL_INTERRUPT_PRIORITY is not
 * used. The switch happens in PendSV at the lowest priority. The tick is
 * SysTick unless the board supplies its own timer (chips without SysTick,
 * such as the nRF51): see vPortSetupTimerInterrupt() below and
 * docs/port-armv6m.md.
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
#define portBYTE_ALIGNMENT 8
#define portBYTE_ALIGNMENT_MASK (portBYTE_ALIGNMENT - 1)
#define portPOINTER_SIZE_TYPE uint32_t
#define portTICK_PERIOD_MS ((TickType_t)1000 / configTICK_RATE_HZ)
#define portMINIMAL_STACK_SIZE ((unsigned short)96)
#define portNOP() __asm volatile("nop")
#define portSOFTWARE_BARRIER() __asm volatile("" ::: "memory")
#define portMEMORY_BARRIER() __asm volatile("" ::: "memory")

/* ARMv6-M has no floating-point unit (floating point is in software). */
#define portHAS_FPU 0

/* PRIMASK masks every interrupt: none runs inside a critical section, so
 * there are no interrupts "above the syscall priority" (portable.h). */
#define portHAS_UNMASKED_INTERRUPTS 0

/* PendSV's and the tick's priority: the least urgent level (0xFF reads
 * back as the lowest implemented one, 0xC0 with ARMv6-M's 2 bits). */
#ifndef configKERNEL_INTERRUPT_PRIORITY
#define configKERNEL_INTERRUPT_PRIORITY 0xFFU
#endif /* configKERNEL_INTERRUPT_PRIORITY */

/* ----- Yield ---------------------------------------------------------------
 * Pends PendSV. From a task the switch happens at once, or when the
 * outermost critical section clears PRIMASK; from an ISR when the last
 * nested ISR returns. */
#define portNVIC_ICSR (*(volatile uint32_t *)0xE000ED04UL)
#define portICSR_PENDSVSET (1UL << 28)

__attribute__((always_inline)) static inline void port_pend_switch(void)
{
    portNVIC_ICSR = portICSR_PENDSVSET;
    __asm volatile("dsb\n\tisb" ::: "memory");
}

void vPortYield(void);
#define portYIELD() vPortYield()
#define portEND_SWITCHING_ISR(x) \
    do {                         \
        if ((x) != pdFALSE) {    \
            port_pend_switch();  \
        }                        \
    } while (0)
#define portYIELD_FROM_ISR(x) portEND_SWITCHING_ISR(x)

/* ----- Interrupt masking (PRIMASK) ------------------------------------------ */

/* Sets PRIMASK and returns its previous value (0 or 1). CPSID takes effect
 * for the next instruction. */
__attribute__((always_inline)) static inline uint32_t port_mask_interrupts(void)
{
    uint32_t old;
    __asm volatile("mrs %0, primask\n\tcpsid i" : "=r"(old)::"memory");
    return old;
}

/* Restores PRIMASK; an interrupt it unmasks is taken before the next
 * instruction after the ISB. */
__attribute__((always_inline)) static inline void port_restore_interrupts(uint32_t primask)
{
    __asm volatile("msr primask, %0\n\tisb" ::"r"(primask) : "memory");
}

__attribute__((always_inline)) static inline UBaseType_t port_ipsr(void)
{
    uint32_t ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    return ipsr;
}

#define portSET_INTERRUPT_MASK_FROM_ISR() ((UBaseType_t)port_mask_interrupts())
#define portCLEAR_INTERRUPT_MASK_FROM_ISR(x) port_restore_interrupts((uint32_t)(x))
#define portDISABLE_INTERRUPTS() __asm volatile("cpsid i" ::: "memory")
#define portENABLE_INTERRUPTS() __asm volatile("cpsie i\n\tisb" ::: "memory")
#define portENTER_CRITICAL() vPortEnterCritical()
#define portEXIT_CRITICAL() vPortExitCritical()
#define portIS_INSIDE_INTERRUPT() ((BaseType_t)(port_ipsr() != 0U))

/* ----- Idle, bit scan -------------------------------------------------------- */
#define portIDLE_WAIT() __asm volatile("dsb\n\twfi\n\tisb" ::: "memory")

/* No CLZ on ARMv6-M. Up to 8 priorities the ready bitmap fits a byte: one
 * lookup in a 16-entry table per nibble. More priorities use the kernel's
 * portable de Bruijn selection. (FreeRTOS.h's default, 5, is applied after
 * this file: an undefined configMAX_PRIORITIES counts as small.) */
#if !defined(configMAX_PRIORITIES) || configMAX_PRIORITIES <= 8
extern const uint8_t port_nibble_log2[16];
#define portFIND_HIGHEST_SET_BIT(w)                                    \
    ((UBaseType_t)(((w) > 15U) ? 4U + port_nibble_log2[(w) >> 4 & 15U] \
                               : (unsigned)port_nibble_log2[(w)]))
#endif /* configMAX_PRIORITIES */

/* The longest idle period, in ticks, that one SysTick reload covers (the
 * board's own tick timer may allow more). */
#define portMAX_SUPPRESSED_TICKS \
    (0xFFFFFFUL / ((uint32_t)configCPU_CLOCK_HZ / (uint32_t)configTICK_RATE_HZ))

/* ----- Task function macros (FreeRTOS compatibility) ------------------------ */
#define portTASK_FUNCTION_PROTO(vFunction, pvParameters) void vFunction(void *pvParameters)
#define portTASK_FUNCTION(vFunction, pvParameters) void vFunction(void *pvParameters)

/* ----- Exception handlers and the tick -------------------------------------
 * The board's vector table points PendSV at xPortPendSVHandler and, when
 * SysTick is the tick, SysTick at xPortSysTickHandler (FreeRTOS names, so
 * CMSIS start-up files can map PendSV_Handler and SysTick_Handler onto
 * them). No SVC is used.
 *
 * vPortSetupTimerInterrupt() starts the tick; the port's version (weak)
 * runs SysTick from configCPU_CLOCK_HZ. A board whose chip has no SysTick
 * defines its own, whose interrupt handler acknowledges the timer and
 * calls xPortSysTickHandler() once per tick, at configKERNEL_INTERRUPT_
 * PRIORITY; it then also defines vPortSuppressTicksAndSleep() if it uses
 * tickless idle (the port's, also weak, programs SysTick). */
void xPortPendSVHandler(void);
void xPortSysTickHandler(void);
void vPortSetupTimerInterrupt(void);

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* PORTMACRO_H */

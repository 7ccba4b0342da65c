/*
 * portmacro.h - ARMv7-M port (Cortex-M3, Cortex-M4 and Cortex-M4F).
 *
 * Tasks run in thread mode on the process stack (PSP); interrupts and the
 * kernel's switch handler run on the main stack (MSP). Critical sections
 * raise BASEPRI to configMAX_SYSCALL_INTERRUPT_PRIORITY, so interrupts that
 * are more urgent than that are never masked by the kernel (and must never
 * call it). The switch happens in PendSV at the lowest priority; the tick
 * is SysTick. Priorities are in NVIC register terms: the value written to
 * an 8-bit priority field, implemented bits at the top (0x00 is the most
 * urgent). See docs/port-armv7m.md.
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
#define portMINIMAL_STACK_SIZE ((unsigned short)128)
#define portNOP() __asm volatile("nop")
#define portSOFTWARE_BARRIER() __asm volatile("" ::: "memory")
#define portMEMORY_BARRIER() __asm volatile("" ::: "memory")

/* True when the compiler generates FPU instructions (Cortex-M4F with
 * -mfpu=fpv4-sp-d16 and -mfloat-abi=hard or softfp): tasks then get lazily
 * stacked floating-point contexts. */
#if defined(__ARM_FP) && !defined(__SOFTFP__)
#define portHAS_FPU 1
#else
#define portHAS_FPU 0
#endif /* __ARM_FP */

/* ----- Interrupt priorities ----------------------------------------------
 * configKERNEL_INTERRUPT_PRIORITY: PendSV and SysTick, normally the least
 * urgent value (0xFF reads back as the lowest implemented level).
 * configMAX_SYSCALL_INTERRUPT_PRIORITY: the BASEPRI value of a critical
 * section. Interrupts with a numerically lower (more urgent) priority are
 * never masked and must not call the kernel. It must not be 0. */
#ifndef configKERNEL_INTERRUPT_PRIORITY
#define configKERNEL_INTERRUPT_PRIORITY 0xFFU
#endif /* configKERNEL_INTERRUPT_PRIORITY */
#ifndef configMAX_SYSCALL_INTERRUPT_PRIORITY
#error "armv7m: define configMAX_SYSCALL_INTERRUPT_PRIORITY (NVIC value, not 0) in FreeRTOSConfig.h"
#endif /* configMAX_SYSCALL_INTERRUPT_PRIORITY */

/* ----- Registers used by the inline helpers ------------------------------ */
#define portNVIC_ICSR (*(volatile uint32_t *)0xE000ED04UL)
#define portICSR_PENDSVSET (1UL << 28)

/* ----- Yield ---------------------------------------------------------------
 * Pends PendSV. From a task the switch happens at once, or when the
 * outermost critical section ends; from an ISR when the last nested ISR
 * returns. */
__attribute__((always_inline)) static inline void port_pend_switch(void)
{
    portNVIC_ICSR = portICSR_PENDSVSET;
    __asm volatile("dsb\n\tisb" ::: "memory");
}

void vPortYield(void);
#if defined(__OPTIMIZE_SIZE__)
#define portYIELD() vPortYield() /* one copy: the kernel yields in many places */
#else
#define portYIELD() port_pend_switch()
#endif /* __OPTIMIZE_SIZE__ */
#define portEND_SWITCHING_ISR(x) \
    do {                         \
        if ((x) != pdFALSE) {    \
            port_pend_switch();  \
        }                        \
    } while (0)
#define portYIELD_FROM_ISR(x) portEND_SWITCHING_ISR(x)

/* ----- Interrupt masking --------------------------------------------------- */

/* Raises BASEPRI to the syscall level; returns the previous BASEPRI. Raising
 * takes effect for the next instruction (no barrier needed). */
__attribute__((always_inline)) static inline uint32_t port_raise_basepri(void)
{
    uint32_t old;
    uint32_t mask = (uint32_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY);
    __asm volatile("mrs %0, basepri\n\tmsr basepri, %1" : "=&r"(old) : "r"(mask) : "memory");
    return old;
}

/* Writes BASEPRI; interrupts it unmasks are taken before the next
 * instruction. */
__attribute__((always_inline)) static inline void port_set_basepri(uint32_t value)
{
    __asm volatile("msr basepri, %0\n\tisb" ::"r"(value) : "memory");
}

__attribute__((always_inline)) static inline UBaseType_t port_ipsr(void)
{
    uint32_t ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    return ipsr;
}

#define portSET_INTERRUPT_MASK_FROM_ISR() ((UBaseType_t)port_raise_basepri())
#define portCLEAR_INTERRUPT_MASK_FROM_ISR(x) port_set_basepri((uint32_t)(x))
#define portDISABLE_INTERRUPTS() ((void)port_raise_basepri())
#define portENABLE_INTERRUPTS() port_set_basepri(0U)
#define portIS_INSIDE_INTERRUPT() ((BaseType_t)(port_ipsr() != 0U))

/* The priority check of every FromISR call is an assertion: without an
 * application configASSERT (FreeRTOSConfig.h is read before this file, the
 * kernel's empty default after it) there is nothing to call. */
#ifndef configASSERT
#define portASSERT_IF_INTERRUPT_PRIORITY_INVALID() ((void)0)
#endif /* configASSERT */

/* ----- Critical sections ---------------------------------------------------
 * BASEPRI at the syscall level plus a nesting count (port.c). A switch only
 * happens at count 0, so one count serves every task; until the scheduler
 * starts the count holds a large value, so nothing unmasks before. Only the
 * task that owns the CPU touches the count, with BASEPRI raised or about to
 * be, so it needs no volatile: the asm "memory" clobbers order it.
 * Inline, except in builds optimised for size, where one out-of-line copy
 * (vPortEnterCritical/vPortExitCritical) is smaller. */
extern uint32_t port_critical_nesting;

__attribute__((always_inline)) static inline void port_enter_critical(void)
{
    uint32_t mask = (uint32_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY);
    __asm volatile("msr basepri, %0" ::"r"(mask) : "memory");
    port_critical_nesting = port_critical_nesting + 1U;
}

/* An unbalanced exit (count 0) changes nothing; portEXIT_CRITICAL asserts. */
__attribute__((always_inline)) static inline void port_exit_critical(void)
{
    uint32_t n = port_critical_nesting;
    if (n != 0U) {
        n--;
        port_critical_nesting = n;
        if (n == 0U) {
            port_set_basepri(0U); /* a deferred PendSV is taken here */
        }
    }
}

/* Task level only: an ISR uses portSET_INTERRUPT_MASK_FROM_ISR(). */
#define PORT_ASSERT_ENTER_CRITICAL() configASSERT(port_critical_nesting != 0U || port_ipsr() == 0U)
#define PORT_ASSERT_EXIT_CRITICAL() configASSERT(port_critical_nesting != 0U)

#if defined(__OPTIMIZE_SIZE__)
#define portENTER_CRITICAL() vPortEnterCritical()
#define portEXIT_CRITICAL() vPortExitCritical()
#else
#define portENTER_CRITICAL()          \
    do {                              \
        PORT_ASSERT_ENTER_CRITICAL(); \
        port_enter_critical();        \
    } while (0)
#define portEXIT_CRITICAL()          \
    do {                             \
        PORT_ASSERT_EXIT_CRITICAL(); \
        port_exit_critical();        \
    } while (0)
#endif /* __OPTIMIZE_SIZE__ */

/* ----- Idle, tickless, bit scan -------------------------------------------- */
#define portIDLE_WAIT() __asm volatile("dsb\n\twfi\n\tisb" ::: "memory")
#define portFIND_HIGHEST_SET_BIT(w) ((UBaseType_t)(31U - (unsigned)__builtin_clz((uint32_t)(w))))

/* The longest idle period, in ticks, that one SysTick reload covers. */
#define portMAX_SUPPRESSED_TICKS \
    (0xFFFFFFUL / ((uint32_t)configCPU_CLOCK_HZ / (uint32_t)configTICK_RATE_HZ))

/* ----- Task function macros (FreeRTOS compatibility) ------------------------ */
#define portTASK_FUNCTION_PROTO(vFunction, pvParameters) void vFunction(void *pvParameters)
#define portTASK_FUNCTION(vFunction, pvParameters) void vFunction(void *pvParameters)

/* ----- Exception handlers the board's vector table points at ---------------
 * FreeRTOS names, so CMSIS start-up files can map SVC_Handler, PendSV_Handler
 * and SysTick_Handler onto them. */
void vPortSVCHandler(void);
void xPortPendSVHandler(void);
void xPortSysTickHandler(void);

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* PORTMACRO_H */

/*
 * port.c - ARMv7-M port: task frames, PendSV switch, SysTick, BASEPRI
 * critical sections, tickless idle.
 *
 * Written from the ARMv7-M Architecture Reference Manual (DDI 0403E):
 * exception entry/return (B1.5.6-B1.5.8), EXC_RETURN (B1.5.8), lazy FP
 * state preservation (B1.5.7), SysTick (B3.3), NVIC/SCB registers (B3.2,
 * B3.4). The frame layouts are documented in docs/port-armv7m.md.
 */
#include "FreeRTOS.h"
#include "task.h"

/* ----- System Control Space registers ------------------------------------ */
#define SCB_AIRCR (*(volatile uint32_t *)0xE000ED0CUL)
#define SCB_SHPR ((volatile uint8_t *)0xE000ED18UL) /* byte n: exception n + 4 */
#define SCB_FPCCR (*(volatile uint32_t *)0xE000EF34UL)
#define NVIC_IPR ((volatile uint8_t *)0xE000E400UL) /* byte n: IRQ n */
#define SYST_CSR (*(volatile uint32_t *)0xE000E010UL)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014UL)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018UL)

#define ICSR_PENDSTSET (1UL << 26)
#define SYST_ENABLE (1UL << 0)
#define SYST_TICKINT (1UL << 1)
#define SYST_CLKSOURCE (1UL << 2)
#define SYST_COUNTFLAG (1UL << 16)
#define FPCCR_ASPEN_LSPEN (3UL << 30)
#define EXC_PENDSV 14U
#define EXC_SYSTICK 15U
#define XPSR_THUMB 0x01000000UL
#define EXC_RETURN_THREAD_PSP 0xFFFFFFFDUL

/* SysTick runs from the CPU clock unless the application says otherwise. */
#ifdef configSYSTICK_CLOCK_HZ
#define PORT_SYSTICK_HZ configSYSTICK_CLOCK_HZ
#define PORT_SYSTICK_SOURCE 0UL
#else
#define PORT_SYSTICK_HZ configCPU_CLOCK_HZ
#define PORT_SYSTICK_SOURCE SYST_CLKSOURCE
#endif /* configSYSTICK_CLOCK_HZ */
#define COUNTS_PER_TICK ((uint32_t)(PORT_SYSTICK_HZ / configTICK_RATE_HZ))

/* Words the switch handler keeps below the hardware frame: r4-r11, plus the
 * task's EXC_RETURN on FPU builds (it says whether s16-s31 follow). */
#define SW_FRAME_WORDS (8U + (unsigned)portHAS_FPU)
#define HW_FRAME_WORDS 8U

/* Until the scheduler starts, critical sections never lower BASEPRI, so an
 * interrupt cannot reach the kernel while it is being set up. */
#define NESTING_BEFORE_START 0xAAAAAAAAUL

static volatile uint32_t critical_nesting = NESTING_BEFORE_START;
static uint32_t max_prigroup = 7U; /* set at start from the implemented bits */

/* ----- Task frames ---------------------------------------------------------- */

static void task_exit_error(void)
{
    /* A task function must never return: it must delete itself. */
    configASSERT(0);
    vTaskDelete(NULL);
    for (;;) {
    }
}

StackType_t *pxPortInitialiseStack(StackType_t *pxTopOfStack, StackType_t *pxEndOfStack,
                                   TaskFunction_t pxCode, void *pvParameters)
{
    /* The hardware frame must start 8-byte aligned (stack alignment on
     * exception entry), so it ends just below the aligned top word. */
    StackType_t *sp = (StackType_t *)((uint32_t)pxTopOfStack & ~7UL);
    (void)pxEndOfStack; /* used by the assertion only */
    configASSERT(sp - (HW_FRAME_WORDS + SW_FRAME_WORDS) > pxEndOfStack);

    *--sp = XPSR_THUMB;
    *--sp = (StackType_t)pxCode & ~1UL; /* return address: halfword aligned */
    *--sp = (StackType_t)task_exit_error;
    sp -= 5;                         /* r12, r3, r2, r1: no initial value needed */
    *sp = (StackType_t)pvParameters; /* r0 */
    if (portHAS_FPU) {
        *--sp = EXC_RETURN_THREAD_PSP; /* basic frame: no FP state yet */
    }
    sp -= 8; /* r11..r4 */
    return sp;
}

/* ----- Switch handlers (exception handlers, MSP) ---------------------------
 * PendSV: save r4-r11 (and s16-s31 when the task's frame is an extended
 * one: EXC_RETURN bit 4 clear) on the process stack, store the stack pointer
 * in pxCurrentTCB->top_of_stack, select the next task with BASEPRI raised,
 * restore. Lazy FP stacking means the vstmdb below is also what makes the
 * hardware fill in s0-s15 of the frame, only when the task used the FPU. */

#if portHAS_FPU
#define ASM_SAVE_FP "tst lr, #0x10\n\tit eq\n\tvstmdbeq r0!, {s16-s31}\n\t"
#define ASM_SAVE_CORE "stmdb r0!, {r4-r11, lr}\n\t"
#define ASM_RESTORE_CORE "ldmia r0!, {r4-r11, lr}\n\t"
#define ASM_RESTORE_FP "tst lr, #0x10\n\tit eq\n\tvldmiaeq r0!, {s16-s31}\n\t"
#else
#define ASM_SAVE_FP ""
#define ASM_SAVE_CORE "stmdb r0!, {r4-r11}\n\t"
#define ASM_RESTORE_CORE "ldmia r0!, {r4-r11}\n\tmvn lr, #2\n\t" /* 0xFFFFFFFD */
#define ASM_RESTORE_FP ""
#endif /* portHAS_FPU */

__attribute__((naked)) void xPortPendSVHandler(void)
{
    __asm volatile("mrs r0, psp\n\t"
                   "ldr r3, =pxCurrentTCB\n\t"
                   "ldr r2, [r3]\n\t" ASM_SAVE_FP ASM_SAVE_CORE "str r0, [r2]\n\t"
                   "movs r0, %0\n\t"
                   "msr basepri, r0\n\t"
                   "bl vTaskSwitchContext\n\t"
                   "movs r0, #0\n\t"
                   "msr basepri, r0\n\t"
                   "ldr r3, =pxCurrentTCB\n\t"
                   "ldr r1, [r3]\n\t"
                   "ldr r0, [r1]\n\t" ASM_RESTORE_CORE ASM_RESTORE_FP "msr psp, r0\n\t"
                   "bx lr\n\t"
                   ".ltorg" ::"i"(configMAX_SYSCALL_INTERRUPT_PRIORITY));
}

/* SVC 0 starts the first task: restores its context like the second half
 * of PendSV and returns to thread mode on the process stack. */
__attribute__((naked)) void vPortSVCHandler(void)
{
    __asm volatile("ldr r3, =pxCurrentTCB\n\t"
                   "ldr r1, [r3]\n\t"
                   "ldr r0, [r1]\n\t" ASM_RESTORE_CORE "msr psp, r0\n\t"
                   "movs r0, #0\n\t"
                   "msr basepri, r0\n\t"
                   "bx lr\n\t"
                   ".ltorg");
}

/* Resets the main stack to its initial value (main()'s frames are never
 * needed again), clears CONTROL (MSP, no FP context active), unmasks and
 * calls SVC 0. */
__attribute__((naked, noreturn)) static void start_first_task(void)
{
    __asm volatile("ldr r0, =0xE000ED08\n\t"
                   "ldr r0, [r0]\n\t"
                   "ldr r0, [r0]\n\t"
                   "msr msp, r0\n\t"
                   "movs r0, #0\n\t"
                   "msr control, r0\n\t"
                   "isb\n\t"
                   "cpsie i\n\t"
                   "cpsie f\n\t"
                   "dsb\n\t"
                   "isb\n\t"
                   "svc 0\n\t"
                   "b .\n\t"
                   ".ltorg");
}

void xPortSysTickHandler(void)
{
    uint32_t old = port_raise_basepri();
    if (xTaskIncrementTick() != pdFALSE) {
        portNVIC_ICSR = portICSR_PENDSVSET;
    }
    port_set_basepri(old);
}

/* ----- Start and end -------------------------------------------------------- */

/* Finds which priority bits the NVIC implements (unimplemented bits read as
 * zero) and checks the configuration against them. */
static void check_priority_config(void)
{
    volatile uint8_t *probe = &SCB_SHPR[EXC_PENDSV - 4U];
    uint8_t saved = *probe;
    *probe = 0xFFU;
    uint32_t implemented = *probe;
    *probe = saved;

    configASSERT(configMAX_SYSCALL_INTERRUPT_PRIORITY != 0U);
    configASSERT((configMAX_SYSCALL_INTERRUPT_PRIORITY & ~implemented) == 0U);
    /* Every implemented bit must be group (preemption) priority: PRIGROUP
     * n makes bits [n:0] sub-priority. */
    uint32_t lowest_bit = (uint32_t)__builtin_ctz(implemented);
    max_prigroup = (lowest_bit > 0U) ? lowest_bit - 1U : 0U;
    configASSERT(((SCB_AIRCR >> 8) & 7U) <= max_prigroup || lowest_bit == 0U);
}

/* Starts SysTick with its first interrupt `first` counts from now (at least
 * 2) and the following ones every tick. The counter loads RVR one count
 * after CVR is cleared; RVR may only change for the following periods once
 * that first load has happened (CVR no longer reads 0). */
static void start_systick(uint32_t first)
{
    SYST_CSR = PORT_SYSTICK_SOURCE;
    SYST_RVR = first - 1U;
    SYST_CVR = 0;
    SYST_CSR = PORT_SYSTICK_SOURCE | SYST_TICKINT | SYST_ENABLE;
    while (SYST_CVR == 0U) {
    }
    SYST_RVR = COUNTS_PER_TICK - 1U;
}

BaseType_t xPortStartScheduler(void)
{
    check_priority_config();
    SCB_SHPR[EXC_PENDSV - 4U] = (uint8_t)configKERNEL_INTERRUPT_PRIORITY;
    SCB_SHPR[EXC_SYSTICK - 4U] = (uint8_t)configKERNEL_INTERRUPT_PRIORITY;
    if (portHAS_FPU) {
        SCB_FPCCR |= FPCCR_ASPEN_LSPEN;
    }
    start_systick(COUNTS_PER_TICK);
    critical_nesting = 0;
    start_first_task();
}

void vPortEndScheduler(void)
{
    /* The main stack was reclaimed when the scheduler started: there is
     * nothing to return to. */
    configASSERT(0);
}

/* ----- Critical sections and masks ------------------------------------------- */

void vPortEnterCritical(void)
{
    /* Task level only: an ISR uses portSET_INTERRUPT_MASK_FROM_ISR(). */
    configASSERT(critical_nesting != 0U || port_ipsr() == 0U);
    (void)port_raise_basepri();
    critical_nesting = critical_nesting + 1U;
}

void vPortExitCritical(void)
{
    configASSERT(critical_nesting != 0U);
    if (critical_nesting == 0U) {
        return;
    }
    critical_nesting = critical_nesting - 1U;
    if (critical_nesting == 0U) {
        port_set_basepri(0U); /* a deferred PendSV is taken here */
    }
}

UBaseType_t ulPortSetInterruptMask(void)
{
    return port_raise_basepri();
}

void vPortClearInterruptMask(UBaseType_t uxSavedMask)
{
    port_set_basepri((uint32_t)uxSavedMask);
}

void vPortYield(void)
{
    port_pend_switch();
}

BaseType_t xPortIsInsideInterrupt(void)
{
    return (port_ipsr() != 0U) ? pdTRUE : pdFALSE;
}

/* True when the active exception may call the kernel: thread mode (a
 * FromISR call from a task is allowed) or a configurable exception at or
 * below the syscall level. NMI and HardFault have fixed, unmaskable
 * priorities. */
static inline int active_priority_ok(void)
{
    const uint32_t exc = port_ipsr();
    if (exc == 0U) {
        return 1;
    }
    if (exc < 4U) {
        return 0;
    }
    const uint32_t prio = (exc >= 16U) ? NVIC_IPR[exc - 16U] : SCB_SHPR[exc - 4U];
    return prio >= (uint32_t)configMAX_SYSCALL_INTERRUPT_PRIORITY &&
           ((SCB_AIRCR >> 8) & 7U) <= max_prigroup;
}

void vPortValidateInterruptPriority(void)
{
    configASSERT(active_priority_ok());
}

/* ----- Tickless idle ---------------------------------------------------------- */

/* Sleeps with PRIMASK set and BASEPRI cleared: any interrupt at all wakes
 * the core, but none is taken until PRIMASK is cleared, after BASEPRI has
 * been raised again, so the unmasked interrupts wait only for the few
 * instructions between WFI and CPSIE. */
static void sleep_until_interrupt(void)
{
    __asm volatile("cpsid i\n\t"
                   "msr basepri, %0\n\t"
                   "dsb\n\t"
                   "wfi\n\t"
                   "isb\n\t"
                   "msr basepri, %1\n\t"
                   "cpsie i\n\t"
                   "isb" ::"r"(0U),
                   "r"((uint32_t)configMAX_SYSCALL_INTERRUPT_PRIORITY)
                   : "memory");
}

/* After the sleep: stops SysTick and returns how many whole ticks passed;
 * *next receives the counts left to the next tick boundary. */
static TickType_t measure_sleep(TickType_t expected, uint32_t *next)
{
    SYST_CSR = PORT_SYSTICK_SOURCE | SYST_TICKINT; /* stop */
    uint32_t left = SYST_CVR;
    uint32_t into_tick;
    TickType_t passed;
    if ((SYST_CSR & SYST_COUNTFLAG) != 0U) {
        /* The whole period passed and the pending SysTick interrupt counts
         * its last tick. Unless it still reads 0 (the count right after
         * reaching zero), the counter has reloaded RVR since; ticks beyond
         * that one (a long interrupt before we got here) are not counted. */
        into_tick = (left == 0U) ? 0U : (SYST_RVR - left + 1U) % COUNTS_PER_TICK;
        passed = expected - 1U;
    } else {
        /* Woken early: counts since the tick boundary before the sleep. */
        uint32_t done = (uint32_t)expected * COUNTS_PER_TICK - left;
        into_tick = done % COUNTS_PER_TICK;
        passed = (TickType_t)(done / COUNTS_PER_TICK);
    }
    *next = COUNTS_PER_TICK - into_tick;
    if (*next < 2U) {
        *next = 2U;
    }
    return passed;
}

void vPortSuppressTicksAndSleep(TickType_t xExpectedIdleTime)
{
    TickType_t expected = xExpectedIdleTime;
    if (expected > (TickType_t)portMAX_SUPPRESSED_TICKS) {
        expected = (TickType_t)portMAX_SUPPRESSED_TICKS;
    }
    vPortEnterCritical();
    SYST_CSR = PORT_SYSTICK_SOURCE | SYST_TICKINT; /* stop */
    if (eTaskConfirmSleepModeStatus() == eAbortSleep || (portNVIC_ICSR & ICSR_PENDSTSET) != 0U) {
        SYST_CSR = PORT_SYSTICK_SOURCE | SYST_TICKINT | SYST_ENABLE; /* resume */
        vPortExitCritical();
        return;
    }
    /* CVR counts to the next tick boundary; end the sleep on a boundary. */
    uint32_t wait = SYST_CVR + (uint32_t)(expected - 1U) * COUNTS_PER_TICK;
    SYST_RVR = wait - 1U;
    SYST_CVR = 0;
    SYST_CSR = PORT_SYSTICK_SOURCE | SYST_TICKINT | SYST_ENABLE;

    TickType_t requested = expected;
    configPRE_SLEEP_PROCESSING(requested);
    if (requested > 0U) {
        sleep_until_interrupt();
    }
    configPOST_SLEEP_PROCESSING(requested);

    uint32_t next = 0;
    TickType_t passed = measure_sleep(expected, &next);
    start_systick(next);
    vTaskStepTick(passed);
    vPortExitCritical();
}

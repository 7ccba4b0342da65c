/*
 * port.c - ARMv6-M port: task frames, PRIMASK critical sections, start of
 * the scheduler, SysTick tick and tickless idle. The switch handler and the
 * first-task start are in port_asm.S.
 *
 * Written from the ARMv6-M Architecture Reference Manual (DDI 0419):
 * exception entry and return (B1.5.6-B1.5.8), PRIMASK (B1.4.3), SysTick
 * (B3.3), the System Control Block (B3.2: ICSR, SHPR2/3, word access
 * only). Frame layouts are in docs/port-armv6m.md.
 */
#include "FreeRTOS.h"
#include "task.h"

/* ----- System Control Space registers (word access only on ARMv6-M) ------ */
#define SCB_SHPR3 (*(volatile uint32_t *)0xE000ED20UL) /* [23:16] PendSV, [31:24] SysTick */
#define SYST_CSR (*(volatile uint32_t *)0xE000E010UL)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014UL)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018UL)

#define ICSR_PENDSTSET (1UL << 26)
#define ICSR_PENDSTCLR (1UL << 25)
#define SYST_ENABLE (1UL << 0)
#define SYST_TICKINT (1UL << 1)
#define SYST_CLKSOURCE (1UL << 2)
#define SYST_COUNTFLAG (1UL << 16)
#define SYST_STOPPED (SYST_CLKSOURCE | SYST_TICKINT)
#define SYST_RUNNING (SYST_CLKSOURCE | SYST_TICKINT | SYST_ENABLE)
#define XPSR_THUMB 0x01000000UL
#define EXC_NMI 2U
#define EXC_HARDFAULT 3U

#define COUNTS_PER_TICK ((uint32_t)(configCPU_CLOCK_HZ / configTICK_RATE_HZ))

/* Words below the hardware frame: r8-r11, then r4-r7 (port_asm.S). */
#define SW_FRAME_WORDS 8U
#define HW_FRAME_WORDS 8U

/* Until the scheduler starts, critical sections never clear PRIMASK, so an
 * interrupt cannot reach the kernel while it is being set up. */
#define NESTING_BEFORE_START 0xAAAAAAAAUL

/* One count serves every task: a switch can only happen with PRIMASK
 * clear, that is with the count at 0, so each task's own count is 0
 * whenever it is switched out and the switch need not save it. */
static volatile uint32_t critical_nesting = NESTING_BEFORE_START;

void vPortStartFirstTask(void) __attribute__((noreturn)); /* port_asm.S */

/* Index of the highest set bit of a nibble (portFIND_HIGHEST_SET_BIT). */
const uint8_t port_nibble_log2[16] = {0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3};

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
    sp -= SW_FRAME_WORDS;            /* r8-r11, r4-r7 */
    return sp;
}

/* ----- The tick ------------------------------------------------------------- */

void xPortSysTickHandler(void)
{
    uint32_t primask = port_mask_interrupts();
    if (xTaskIncrementTick() != pdFALSE) {
        portNVIC_ICSR = portICSR_PENDSVSET;
    }
    port_restore_interrupts(primask);
}

/* Starts SysTick with its first interrupt `first` counts from now (at
 * least 2) and the following ones every tick. The counter loads RVR one
 * count after CVR is cleared; RVR may only change for the following periods
 * once that first load has happened (CVR no longer reads 0). */
static void systick_start(uint32_t first)
{
    SYST_CSR = SYST_STOPPED & ~SYST_TICKINT;
    SYST_RVR = first - 1U;
    SYST_CVR = 0;
    SYST_CSR = SYST_RUNNING;
    while (SYST_CVR == 0U) {
    }
    SYST_RVR = COUNTS_PER_TICK - 1U;
}

__attribute__((weak)) void vPortSetupTimerInterrupt(void)
{
    SCB_SHPR3 = (SCB_SHPR3 & 0x00FFFFFFUL) | ((uint32_t)configKERNEL_INTERRUPT_PRIORITY << 24);
    systick_start(COUNTS_PER_TICK);
}

/* ----- Start and end -------------------------------------------------------- */

BaseType_t xPortStartScheduler(void)
{
    SCB_SHPR3 = (SCB_SHPR3 & 0xFF00FFFFUL) | ((uint32_t)configKERNEL_INTERRUPT_PRIORITY << 16);
    vPortSetupTimerInterrupt();
    critical_nesting = 0;
    vPortStartFirstTask();
}

void vPortEndScheduler(void)
{
    /* The first task was started by hand on its own stack: there is no
     * context to return to. */
    configASSERT(0);
}

/* ----- Critical sections and masks ------------------------------------------ */

void vPortEnterCritical(void)
{
    /* Task level only: an ISR uses portSET_INTERRUPT_MASK_FROM_ISR(). */
    configASSERT(critical_nesting != 0U || port_ipsr() == 0U);
    portDISABLE_INTERRUPTS();
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
        portENABLE_INTERRUPTS(); /* a deferred PendSV is taken here */
    }
}

UBaseType_t ulPortSetInterruptMask(void)
{
    return port_mask_interrupts();
}

void vPortClearInterruptMask(UBaseType_t uxSavedMask)
{
    port_restore_interrupts((uint32_t)uxSavedMask);
}

void vPortYield(void)
{
    port_pend_switch();
}

BaseType_t xPortIsInsideInterrupt(void)
{
    return (port_ipsr() != 0U) ? pdTRUE : pdFALSE;
}

/* PRIMASK masks every configurable exception, so all of them may call the
 * kernel; only NMI and HardFault, which it cannot mask, may not. */
void vPortValidateInterruptPriority(void)
{
    configASSERT((port_ipsr() & 0x3FU) != EXC_NMI && (port_ipsr() & 0x3FU) != EXC_HARDFAULT);
}

/* ----- Tickless idle with SysTick --------------------------------------------- */

/* After the sleep: stops SysTick and returns the whole ticks that passed;
 * *next receives the counts left to the following tick boundary. */
static TickType_t systick_measure(TickType_t expected, uint32_t *next)
{
    SYST_CSR = SYST_STOPPED;
    const uint32_t left = SYST_CVR;
    uint32_t done;
    TickType_t passed;
    if ((SYST_CSR & SYST_COUNTFLAG) != 0U) {
        /* The whole period passed: the pending SysTick interrupt counts its
         * last tick, and the counter has reloaded since. */
        done = SYST_RVR - left + 1U;
        passed = expected - 1U;
    } else {
        done = (uint32_t)expected * COUNTS_PER_TICK - left;
        passed = (TickType_t)(done / COUNTS_PER_TICK);
    }
    *next = COUNTS_PER_TICK - done % COUNTS_PER_TICK;
    if (*next < 2U) {
        *next = 2U;
    }
    return passed;
}

__attribute__((weak)) void vPortSuppressTicksAndSleep(TickType_t xExpectedIdleTime)
{
    TickType_t expected = xExpectedIdleTime;
    if (expected > (TickType_t)portMAX_SUPPRESSED_TICKS) {
        expected = (TickType_t)portMAX_SUPPRESSED_TICKS;
    }
    vPortEnterCritical();
    SYST_CSR = SYST_STOPPED;
    if (eTaskConfirmSleepModeStatus() == eAbortSleep || (portNVIC_ICSR & ICSR_PENDSTSET) != 0U) {
        SYST_CSR = SYST_RUNNING;
        vPortExitCritical();
        return;
    }
    /* CVR counts to the next tick boundary; the sleep ends on a boundary. */
    SYST_RVR = SYST_CVR + (uint32_t)(expected - 1U) * COUNTS_PER_TICK - 1U;
    SYST_CVR = 0;
    SYST_CSR = SYST_RUNNING;

    TickType_t requested = expected;
    configPRE_SLEEP_PROCESSING(requested);
    if (requested > 0U) {
        /* PRIMASK is set: an interrupt ends the WFI but is taken only when
         * the critical section ends, after the tick count is right. */
        portIDLE_WAIT();
    }
    configPOST_SLEEP_PROCESSING(requested);

    uint32_t next = 0;
    const TickType_t passed = systick_measure(expected, &next);
    systick_start(next);
    vTaskStepTick(passed);
    vPortExitCritical();
}

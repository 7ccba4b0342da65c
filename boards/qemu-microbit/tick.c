/*
 * tick.c - the time base, the kernel tick from TIMER0, and tickless idle
 * with it.
 *
 * The nRF51 has no SysTick, so the board supplies the tick to the ARMv6-M
 * port: vPortSetupTimerInterrupt() and vPortSuppressTicksAndSleep() here
 * replace the port's SysTick versions, and the TIMER0 interrupt calls
 * xPortSysTickHandler() once per tick (portmacro.h). QEMU's model has a
 * SysTick anyway (16 MHz): images built with BOARD_TICK_SYSTICK=1 keep the
 * port's SysTick code, so that it is tested too.
 *
 * TIMER0 counts microseconds freely over 32 bits from board_init() on and
 * is never stopped or cleared: it is the board's time base (CC[3] is where
 * the count is captured). As the tick, CC[0] holds the deadline of the next
 * tick, so ticks stay on one grid whatever the interrupt latency, and a
 * late interrupt counts every deadline that passed. On real hardware the
 * low-power choice would be RTC1, which QEMU does not model.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "nrf51.h"

#define TICK_TIMER NRF51_TIMER(0)
#define TICK_LINE_BIT (1UL << NRF51_IRQ_TIMER0)
#define TICK_US ((uint32_t)(1000000UL / configTICK_RATE_HZ))
#define TIMEBASE_PRESCALER 4U /* 16 MHz / 2^4: one count a microsecond */

/* Deadlines must stay within half the counter's range of each other. */
#define MAX_SUPPRESSED_TICKS ((TickType_t)(0x40000000UL / TICK_US))

#ifndef BOARD_TICK_SYSTICK
#define BOARD_TICK_SYSTICK 0
#endif /* BOARD_TICK_SYSTICK */

static volatile uint32_t next_tick; /* count of the next tick's deadline */

void microbit_timebase_start(void)
{
    if (NRF51_REG(TICK_TIMER, TIMER_BITMODE) != TIMER_BITMODE_32) {
        NRF51_REG(TICK_TIMER, TIMER_TASKS_STOP) = 1U;
        NRF51_REG(TICK_TIMER, TIMER_MODE) = TIMER_MODE_TIMER;
        NRF51_REG(TICK_TIMER, TIMER_BITMODE) = TIMER_BITMODE_32;
        NRF51_REG(TICK_TIMER, TIMER_PRESCALER) = TIMEBASE_PRESCALER;
        NRF51_REG(TICK_TIMER, TIMER_SHORTS) = 0U;
        NRF51_REG(TICK_TIMER, TIMER_INTENCLR) = 0xFFFFFFFFUL;
        NRF51_REG(TICK_TIMER, TIMER_TASKS_CLEAR) = 1U;
        NRF51_REG(TICK_TIMER, TIMER_TASKS_START) = 1U;
    }
}

uint32_t microbit_time_us(void)
{
    NRF51_REG(TICK_TIMER, TIMER_TASKS_CAPTURE(3)) = 1U;
    return NRF51_REG(TICK_TIMER, TIMER_CC(3));
}

uint32_t microbit_us_to_next_tick(void)
{
    if (BOARD_TICK_SYSTICK) {
        const uint32_t counts = *(volatile uint32_t *)0xE000E018UL; /* SYST_CVR */
        return counts / (uint32_t)(configCPU_CLOCK_HZ / 1000000UL);
    }
    const int32_t left = (int32_t)(next_tick - microbit_time_us());
    return (left > 0) ? (uint32_t)left : 0U;
}

#if !BOARD_TICK_SYSTICK

/* Counts the tick deadlines that have passed, up to `limit`, moves CC[0]
 * to the next one, and pends the interrupt again if that one passed while
 * being programmed. Context: PRIMASK set. */
static uint32_t count_passed_ticks(uint32_t limit)
{
    uint32_t n = 0;
    const int32_t since = (int32_t)(microbit_time_us() - next_tick);
    if (since >= 0) {
        /* One division, not a loop: after a long sleep thousands passed. */
        n = (uint32_t)since / TICK_US + 1U;
        n = (n < limit) ? n : limit;
        next_tick += n * TICK_US;
    }
    NRF51_REG(TICK_TIMER, TIMER_CC(0)) = next_tick;
    if ((int32_t)(microbit_time_us() - next_tick) >= 0) {
        NVIC_ISPR = TICK_LINE_BIT;
    }
    return n;
}

void vPortSetupTimerInterrupt(void)
{
    microbit_timebase_start();
    next_tick = microbit_time_us() + TICK_US;
    NRF51_REG(TICK_TIMER, TIMER_CC(0)) = next_tick;
    NRF51_REG(TICK_TIMER, TIMER_EVENTS_COMPARE(0)) = 0U;
    NRF51_REG(TICK_TIMER, TIMER_INTENSET) = TIMER_INT_COMPARE(0);
    nrf51_set_priority(NRF51_IRQ_TIMER0, configKERNEL_INTERRUPT_PRIORITY);
    NVIC_ICPR = TICK_LINE_BIT;
    NVIC_ISER = TICK_LINE_BIT;
}

void TIMER0_IRQHandler(void)
{
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    NRF51_REG(TICK_TIMER, TIMER_EVENTS_COMPARE(0)) = 0U;
    (void)NRF51_REG(TICK_TIMER, TIMER_EVENTS_COMPARE(0)); /* the write has landed */
    uint32_t due = count_passed_ticks(0xFFFFFFFFUL);
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    while (due-- > 0U) {
        xPortSysTickHandler();
    }
}

/* A tick already due: its interrupt is pending, or about to be. */
static int tick_due(void)
{
    return NRF51_REG(TICK_TIMER, TIMER_EVENTS_COMPARE(0)) != 0U ||
           (NVIC_ISPR & TICK_LINE_BIT) != 0U || (int32_t)(microbit_time_us() - next_tick) >= 0;
}

void vPortSuppressTicksAndSleep(TickType_t xExpectedIdleTime)
{
    TickType_t expected = xExpectedIdleTime;
    if (expected > MAX_SUPPRESSED_TICKS) {
        expected = MAX_SUPPRESSED_TICKS;
    }
    vPortEnterCritical();
    if (eTaskConfirmSleepModeStatus() == eAbortSleep || tick_due()) {
        vPortExitCritical();
        return;
    }
    /* Only the compare moves: the count, and so the tick grid, runs on. */
    NRF51_REG(TICK_TIMER, TIMER_CC(0)) = next_tick + (uint32_t)(expected - 1U) * TICK_US;

    TickType_t requested = expected;
    configPRE_SLEEP_PROCESSING(requested);
    if (requested > 0U) {
        /* PRIMASK is set: an interrupt ends the WFI but is taken only when
         * the critical section ends, after the tick count is right. */
        portIDLE_WAIT();
    }
    configPOST_SLEEP_PROCESSING(requested);

    /* Every deadline that passed is counted here, so the compare event of
     * the wake-up (if it came) must not count again. */
    NRF51_REG(TICK_TIMER, TIMER_EVENTS_COMPARE(0)) = 0U;
    (void)NRF51_REG(TICK_TIMER, TIMER_EVENTS_COMPARE(0));
    NVIC_ICPR = TICK_LINE_BIT;
    vTaskStepTick((TickType_t)count_passed_ticks((uint32_t)expected));
    vPortExitCritical();
}

#else

void TIMER0_IRQHandler(void)
{
    NRF51_REG(TICK_TIMER, TIMER_INTENCLR) = 0xFFFFFFFFUL; /* not the tick */
}

#endif /* BOARD_TICK_SYSTICK */

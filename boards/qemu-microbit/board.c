/*
 * board.c - BBC micro:bit v1 (nRF51822) board support as QEMU's `microbit`
 * machine emulates it: UART0 console, semihosting exit code and command
 * line, test interrupts from TIMER1 and TIMER2, CPU burning on the tick
 * timer's count. The tick itself is in tick.c.
 *
 * Test interrupts: LOW is TIMER1 (one priority level above the kernel's),
 * HIGH is TIMER2 (one more). board_test_irq_trigger() pends the NVIC line,
 * board_test_irq_trigger_after() runs the timer once. There is no
 * BOARD_TEST_IRQ_UNMASKED: the ARMv6-M port masks every interrupt in its
 * critical sections (portHAS_UNMASKED_INTERRUPTS is 0), so requests for it
 * do nothing.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "nrf51.h"
#include "semihost.h"

#define TICK_US ((uint32_t)(1000000UL / configTICK_RATE_HZ))

/* The test timers are 16-bit (TIMER1, TIMER2) at 16 MHz / 2^9 = 31.25 kHz:
 * 32 us a count, 2 s at most. */
#define TEST_TIMER_PRESCALER 9U
#define TEST_TIMER_US_PER_COUNT 32U
#define TEST_TIMER_MAX_COUNTS 0xFFFFU

#define PRIO_KERNEL ((uint32_t)configKERNEL_INTERRUPT_PRIORITY & 0xC0U)
#define PRIO_LOW (PRIO_KERNEL - NRF51_PRIO_STEP)
#define PRIO_HIGH (PRIO_LOW - NRF51_PRIO_STEP)

static const uint8_t test_timer[2] = {1U, 2U};
static const uint8_t test_line[2] = {NRF51_IRQ_TIMER1, NRF51_IRQ_TIMER2};
static board_irq_handler_t volatile test_handler[2];

/* ----- Console ------------------------------------------------------------ */

void nrf51_uart_init(void)
{
    if (NRF51_REG(NRF51_UART0, UART_ENABLE) != UART_ENABLE_ON) {
        NRF51_REG(NRF51_UART0, UART_PSELTXD) = MICROBIT_PIN_TX;
        NRF51_REG(NRF51_UART0, UART_PSELRXD) = MICROBIT_PIN_RX;
        NRF51_REG(NRF51_UART0, UART_BAUDRATE) = UART_BAUD_115200;
        NRF51_REG(NRF51_UART0, UART_ENABLE) = UART_ENABLE_ON;
        NRF51_REG(NRF51_UART0, UART_TASKS_STARTTX) = 1U;
        NRF51_REG(NRF51_UART0, UART_TASKS_STARTRX) = 1U;
    }
}

/* One byte at a time: TXDRDY says the previous one has gone. */
void nrf51_uart_write(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        NRF51_REG(NRF51_UART0, UART_EVENTS_TXDRDY) = 0U;
        NRF51_REG(NRF51_UART0, UART_TXD) = (uint8_t)buf[i];
        while (NRF51_REG(NRF51_UART0, UART_EVENTS_TXDRDY) == 0U) {
        }
    }
}

void board_console_write(const char *buf, size_t len)
{
    /* Masking keeps the bytes of one call together. */
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    nrf51_uart_write(buf, len);
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}

int board_console_read(void)
{
    if (NRF51_REG(NRF51_UART0, UART_EVENTS_RXDRDY) == 0U) {
        return -1;
    }
    NRF51_REG(NRF51_UART0, UART_EVENTS_RXDRDY) = 0U;
    return (int)(NRF51_REG(NRF51_UART0, UART_RXD) & 0xFFU);
}

/* ----- Host interface (semihosting) ----------------------------------------- */

void board_exit(int code)
{
    semihost_exit(code);
}

const char *board_name(void)
{
    return "qemu-microbit";
}

const char *board_args(void)
{
    return semihost_args();
}

/* ----- CPU burning ------------------------------------------------------------
 * Counts the tick timer's microseconds modulo one tick period, so that time
 * during which the caller was preempted for a tick or more is not counted,
 * as it is not the caller's CPU time (the MPS2 boards' pacer does the
 * same). A burn lasts the same virtual time whatever QEMU's -icount. */
void board_burn_cpu(uint32_t us)
{
    uint32_t left = us;
    uint32_t prev = microbit_time_us();
    while (left > 0U) {
        const uint32_t now = microbit_time_us();
        const uint32_t step = (now - prev) % TICK_US;
        left = (step < left) ? left - step : 0U;
        prev = now;
    }
}

/* ----- Test interrupts ---------------------------------------------------------- */

void nrf51_set_priority(uint32_t line, uint32_t prio)
{
    volatile uint32_t *ipr = &NVIC_IPR[line / 4U];
    const uint32_t shift = 8U * (line % 4U);
    *ipr = (*ipr & ~(0xFFUL << shift)) | ((prio & 0xFFU) << shift);
}

void board_init(void)
{
    nrf51_uart_init();
    microbit_timebase_start();
    for (unsigned i = 0; i < 2U; i++) {
        const uint32_t t = NRF51_TIMER(test_timer[i]);
        NRF51_REG(t, TIMER_TASKS_STOP) = 1U;
        NRF51_REG(t, TIMER_MODE) = TIMER_MODE_TIMER;
        NRF51_REG(t, TIMER_BITMODE) = TIMER_BITMODE_16;
        NRF51_REG(t, TIMER_PRESCALER) = TEST_TIMER_PRESCALER;
        NRF51_REG(t, TIMER_SHORTS) = TIMER_SHORT_COMPARE_STOP(0);
        NRF51_REG(t, TIMER_INTENSET) = TIMER_INT_COMPARE(0);
        nrf51_set_priority(test_line[i], (i == 0U) ? PRIO_LOW : PRIO_HIGH);
        NVIC_ISER = 1UL << test_line[i];
    }
}

static void dispatch(unsigned i)
{
    board_irq_handler_t h = test_handler[i];
    if (h != NULL) {
        h();
    }
}

/* An expired one-shot timer (stopped by its shortcut) is acknowledged; a
 * software trigger leaves an armed timer alone. */
static void test_timer_ack(unsigned i)
{
    const uint32_t t = NRF51_TIMER(test_timer[i]);
    if (NRF51_REG(t, TIMER_EVENTS_COMPARE(0)) != 0U) {
        NRF51_REG(t, TIMER_EVENTS_COMPARE(0)) = 0U;
        (void)NRF51_REG(t, TIMER_EVENTS_COMPARE(0)); /* the write has landed */
    }
}

__attribute__((weak)) void TIMER1_IRQHandler(void)
{
    test_timer_ack(0);
    dispatch(0);
}

__attribute__((weak)) void TIMER2_IRQHandler(void)
{
    test_timer_ack(1);
    dispatch(1);
}

void board_test_irq_set_handler(enum board_test_irq irq, board_irq_handler_t handler)
{
    if ((unsigned)irq < 2U) {
        test_handler[irq] = handler;
    }
}

void board_test_irq_trigger(enum board_test_irq irq)
{
    if ((unsigned)irq < 2U) {
        NVIC_ISPR = 1UL << test_line[irq];
        __asm volatile("dsb\n\tisb" ::: "memory");
    }
}

/* Fires in the middle of the tick period that starts `ticks` ticks from
 * now, so that the kernel has counted that tick, as on the simulator. */
void board_test_irq_trigger_after(enum board_test_irq irq, uint32_t ticks)
{
    if ((unsigned)irq >= 2U) {
        return;
    }
    const uint32_t t = NRF51_TIMER(test_timer[irq]);
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    NRF51_REG(t, TIMER_TASKS_STOP) = 1U;
    NRF51_REG(t, TIMER_EVENTS_COMPARE(0)) = 0U;
    if (ticks == 0U) {
        NVIC_ICPR = 1UL << test_line[irq];
    } else {
        const uint32_t us = microbit_us_to_next_tick() + (ticks - 1U) * TICK_US + TICK_US / 2U;
        uint32_t counts = us / TEST_TIMER_US_PER_COUNT;
        counts = (counts == 0U) ? 1U : counts;
        counts = (counts > TEST_TIMER_MAX_COUNTS) ? TEST_TIMER_MAX_COUNTS : counts;
        NRF51_REG(t, TIMER_TASKS_CLEAR) = 1U;
        NRF51_REG(t, TIMER_CC(0)) = counts;
        NRF51_REG(t, TIMER_TASKS_START) = 1U;
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}

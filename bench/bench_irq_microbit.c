/*
 * bench_irq_microbit.c - the interrupts of the benchmark image on the
 * micro:bit: the two test interrupts. The benchmarks trigger them by
 * pending the NVIC line (TIMER1 for `low`, TIMER2 for `high`); the board's
 * handlers are weak and replaced here.
 *
 * There is no tick wrapper: the tick is the board's TIMER0 handler, and a
 * Cortex-M0 has no VTOR to move the vector table to RAM. The scaling suite
 * that needs it runs on the primary board only (docs/bench.md).
 */
#include "bench.h"
#include "board.h"
#include "nrf51.h"

static volatile bench_isr_t low_isr;
static volatile bench_isr_t high_isr;

void bench_irq_high_entry(void);

void bench_irq_init(void)
{
}

void bench_tick_arm(enum bench_tick_mode mode, TickType_t at_tick, bench_id_t id)
{
    (void)mode;
    (void)at_tick;
    (void)id;
    bench_fail("no tick wrapper on ARMv6-M (no VTOR): the scaling suite needs the primary board");
}

void TIMER1_IRQHandler(void)
{
    low_isr();
}

/* Under the plugin, a sample begins at this function's first instruction
 * (catalog.EXTRA_BEGINS). */
void bench_irq_high_entry(void)
{
    bench_t0 = bench_clock();
    high_isr();
}
void TIMER2_IRQHandler(void) __attribute__((alias("bench_irq_high_entry")));

void bench_irq_set_low(bench_isr_t isr)
{
    low_isr = isr;
}

void bench_irq_set_high(bench_isr_t isr)
{
    high_isr = isr;
}

void bench_irq_trigger_low(void)
{
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
}

void bench_irq_trigger_high(void)
{
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
}

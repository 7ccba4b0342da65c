/*
 * bench_irq.c - the two test interrupts of the benchmark image, on every
 * Cortex-M board. Their vector entries (the board's weak handlers of its
 * LOW and HIGH test interrupts, named by BENCH_IRQ_LOW_HANDLER and
 * BENCH_IRQ_HIGH_HANDLER) are replaced by the ones below: the benchmarks
 * trigger them by pending the NVIC line, the timers never run.
 *
 * Under the plugin, the host passes the address of the HIGH handler
 * (bench_irq_high_entry) as an extra begin marker, so the interrupt-to-task
 * figure starts at the handler's first instruction; the handler's own clock
 * read serves the timer clock. The tick wrapper is the board's
 * (bench_tick_mps2.c, bench_clock_microbit.c).
 */
#include "bench.h"
#include "board.h"

#if !defined(BENCH_IRQ_LOW_HANDLER) || !defined(BENCH_IRQ_HIGH_HANDLER)
#error "bench_irq.c: define BENCH_IRQ_LOW_HANDLER and BENCH_IRQ_HIGH_HANDLER (bench/CMakeLists.txt)"
#endif /* BENCH_IRQ_LOW_HANDLER */

static volatile bench_isr_t low_isr;
static volatile bench_isr_t high_isr;

void BENCH_IRQ_LOW_HANDLER(void);
void BENCH_IRQ_HIGH_HANDLER(void);
void bench_irq_high_entry(void);

void BENCH_IRQ_LOW_HANDLER(void)
{
    low_isr();
}

void bench_irq_high_entry(void)
{
    bench_t0 = bench_clock();
    high_isr();
}

#define BENCH_ALIAS_(name) __attribute__((alias(#name)))
#define BENCH_ALIAS(name) BENCH_ALIAS_(name)
void BENCH_IRQ_HIGH_HANDLER(void) BENCH_ALIAS(bench_irq_high_entry);

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
